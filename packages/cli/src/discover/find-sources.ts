import type { SchemaSource } from '@ormdrift/core';
import { isDataSource, isEntityClass, isEntitySchema, typeormSource, type DataSourceLike, type EntitySchemaLike } from '@ormdrift/typeorm';

export interface ModuleExports {
  /** The path as the user gave it, for reports. */
  readonly file: string;
  /** The absolute path, to resolve the user's own copy of an ORM from. */
  readonly path: string;
  readonly exports: Record<string, unknown>;
}

/**
 * Finds the ORM registries among modules' exports by shape, so no configuration is needed:
 * every exported DataSource is a registry; entity classes and EntitySchemas exported by a
 * module that exports no DataSource form one registry of their own.
 */
export function findSources(modules: readonly ModuleExports[]): SchemaSource[] {
  const sources: SchemaSource[] = [];
  const seen = new Set<unknown>();
  for (const { file, path, exports } of modules) {
    const entries = Object.entries(exports).filter(([, value]) => !seen.has(value));
    const dataSources = entries.filter((entry): entry is [string, DataSourceLike] => isDataSource(entry[1]));
    for (const [name, dataSource] of dataSources) {
      seen.add(dataSource);
      sources.push(typeormSource(dataSource, { name: name === 'default' ? (dataSource.name ?? 'default') : name, file }));
    }
    if (dataSources.length > 0) continue;
    const entities = entries.map(([, value]) => value).filter((value): value is Function | EntitySchemaLike => isEntityClass(value) || isEntitySchema(value));
    if (entities.length === 0) continue;
    for (const entity of entities) seen.add(entity);
    sources.push(typeormSource(entities, { name: `entities of ${file}`, file, resolveFrom: path }));
  }
  return sources;
}

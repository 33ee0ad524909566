import type { DiscoveredSource, DiscoverSources } from '@ormdrift/core';
import { isDataSource, isEntityClass, isEntitySchema } from './recognize.ts';
import { typeormSource } from './typeorm-source.ts';
import { declaredEntities } from './typeorm-shapes.ts';

/**
 * Every exported DataSource is a registry; it claims the entity classes and EntitySchemas it
 * lists, so that the entity modules of a directory checked with it are not read again.
 * Entity classes and EntitySchemas exported by a module that exports no DataSource form one
 * registry of their own (a module that exports a DataSource usually re-exports its entities too).
 */
export const discoverTypeormSources: DiscoverSources = (exports, context) => {
  const found: DiscoveredSource[] = [];
  for (const { name, value } of exports) {
    if (!isDataSource(value)) continue;
    found.push({
      source: typeormSource(value, { name: name === 'default' ? (value.name ?? 'default') : name, file: context.file, ...resolveFrom(context.path) }),
      values: [value, ...declaredEntities(value).filter((entity) => isEntityClass(entity) || isEntitySchema(entity))],
    });
  }
  if (found.length > 0) return found;

  const entities = exports.map(({ value }) => value).filter((value): value is Function => isEntityClass(value) || isEntitySchema(value));
  if (entities.length === 0) return [];
  return [{ source: typeormSource(entities, { name: `entities of ${context.file}`, file: context.file, ...resolveFrom(context.path) }), values: entities }];
};

function resolveFrom(path: string | undefined): { resolveFrom?: string } {
  return path === undefined ? {} : { resolveFrom: path };
}

import type { DiscoverSources, SchemaSource } from '@ormdrift/core';
import { discoverDrizzleSources } from '@ormdrift/drizzle';
import { discoverSequelizeSources } from '@ormdrift/sequelize';
import { discoverTypeormSources } from '@ormdrift/typeorm';

export interface ModuleExports {
  /** The path as the user gave it, for reports. */
  readonly file: string;
  /** The absolute path, to resolve the user's own copy of an ORM from. */
  readonly path: string;
  readonly exports: Record<string, unknown>;
}

const adapters: readonly DiscoverSources[] = [discoverTypeormSources, discoverSequelizeSources, discoverDrizzleSources];

/**
 * Finds the registries of every supported ORM among the modules' exports, by shape. A value
 * exported by several modules (a DataSource re-exported from an index) is one registry.
 */
export function findSources(modules: readonly ModuleExports[]): SchemaSource[] {
  const sources: SchemaSource[] = [];
  const claimed = new Set<unknown>();
  for (const { file, path, exports } of modules) {
    for (const discover of adapters) {
      const unclaimed = Object.entries(exports)
        .filter(([, value]) => !claimed.has(value))
        .map(([name, value]) => ({ name, value }));
      for (const found of discover(unclaimed, { file, path })) {
        sources.push(found.source);
        for (const value of found.values) claimed.add(value);
      }
    }
  }
  return sources;
}

import type { DiscoverSources, SchemaSource } from '@ormdrift/core';

export interface ModuleExports {
  /** The path as the user gave it, for reports. */
  readonly file: string;
  /** The absolute path, to resolve the user's own copy of an ORM from. */
  readonly path: string;
  readonly exports: Record<string, unknown>;
}

/**
 * The adapters, loaded on first use. A project has one or two of the three ORMs installed, and an
 * adapter that needs its ORM to load (Drizzle's brand checks come from drizzle-orm) is skipped
 * when that ORM is absent: nothing of it can be among the project's exports then.
 */
const adapters = [
  async () => (await import('@ormdrift/typeorm')).discoverTypeormSources,
  async () => (await import('@ormdrift/sequelize')).discoverSequelizeSources,
  async () => (await import('@ormdrift/drizzle')).discoverDrizzleSources,
];

let loaded: Promise<DiscoverSources[]> | undefined;

function installedAdapters(): Promise<DiscoverSources[]> {
  loaded ??= Promise.all(
    adapters.map((load) =>
      load().catch((error: { code?: string }) => {
        if (error.code === 'ERR_MODULE_NOT_FOUND' || error.code === 'MODULE_NOT_FOUND') return undefined;
        throw error;
      }),
    ),
  ).then((found) => found.filter((discover): discover is DiscoverSources => discover !== undefined));
  return loaded;
}

/**
 * Finds the registries of every supported ORM among the modules' exports, by shape. A value
 * exported by several modules (a DataSource re-exported from an index) is one registry.
 */
export async function findSources(modules: readonly ModuleExports[]): Promise<SchemaSource[]> {
  const discoverers = await installedAdapters();
  const sources: SchemaSource[] = [];
  const claimed = new Set<unknown>();
  for (const { file, path, exports } of modules) {
    for (const discover of discoverers) {
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

import type { DiscoverSources, SchemaSource } from '@ormdrift/core';
import { exportedValues, type ModuleExports } from './exported-values.ts';
import { ormOf, type OrmName } from './orm-brand.ts';

/** A registry found among a module's exports: a schema source that knows its ORM and module. */
export interface FoundSource extends SchemaSource {
  readonly orm: OrmName;
  /** The module it was found in, as the user gave it. */
  readonly file: string;
}

/**
 * Each adapter, imported only when a module exports something its ORM made: the Drizzle
 * adapter imports drizzle-orm, which a TypeORM app should not pay for, or need to have.
 */
const adapters: Readonly<Record<OrmName, () => Promise<DiscoverSources>>> = {
  typeorm: async () => (await import('@ormdrift/typeorm')).discoverTypeormSources,
  sequelize: async () => (await import('@ormdrift/sequelize')).discoverSequelizeSources,
  drizzle: async () => (await import('@ormdrift/drizzle')).discoverDrizzleSources,
};

const order: readonly OrmName[] = ['typeorm', 'sequelize', 'drizzle'];

/**
 * Finds the registries of every supported ORM among the modules' exports, by shape, in every
 * export shape apps use (see `exportedValues`). A value exported by several modules (a
 * DataSource re-exported from an index) is one registry. Adapter errors (a model the ORM
 * rejects) propagate. Returns the registries in module order, then TypeORM, Sequelize, Drizzle.
 */
export async function findSources(modules: readonly ModuleExports[]): Promise<FoundSource[]> {
  const found: FoundSource[] = [];
  const claimed = new Set<unknown>();
  for (const { file, path, exports } of modules) {
    const values = exportedValues(exports);
    const orms = new Set(values.map(({ value }) => ormOf(value)));
    for (const orm of order) {
      if (!orms.has(orm)) continue;
      const discover = await loadAdapter(orm, file);
      const unclaimed = values.filter(({ value }) => !claimed.has(value));
      for (const discovered of discover(unclaimed, { file, path })) {
        const { source } = discovered;
        found.push({ orm, file, name: source.name, load: () => source.load() });
        for (const value of discovered.values) claimed.add(value);
      }
    }
  }
  return found;
}

async function loadAdapter(orm: OrmName, file: string): Promise<DiscoverSources> {
  try {
    return await adapters[orm]();
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    throw new Error(`${file} exports ${orm} models, but ormdrift's ${orm} adapter could not load (${message}): install ${orm === 'drizzle' ? 'drizzle-orm' : orm} where ormdrift can resolve it`, { cause });
  }
}

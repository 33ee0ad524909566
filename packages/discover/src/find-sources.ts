import type { DiscoverSources, SchemaSource } from '@ormdrift/core';
import { exportedValues, type ModuleExports } from './exported-values.ts';
import { isRegistryRoot, ormOf, type OrmName } from './orm-brand.ts';

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

/** Options of the ORMs that live outside the modules: given to the adapters as they read the registries. */
export interface FindSourcesOptions {
  /** The `casing` of drizzle.config.ts or the `drizzle()` call: `snake_case` names `createdAt` `created_at`. */
  readonly drizzle?: { readonly casing?: 'snake_case' | 'camelCase' | undefined };
}

/**
 * Finds the registries of every supported ORM among the modules' exports, by shape, in every
 * export shape apps use (see `exportedValues`). A value exported by several modules (a
 * DataSource re-exported from an index) is one registry. Adapter errors (a model the ORM
 * rejects) propagate. Returns the registries of modules that export a DataSource or Sequelize
 * instance first, then in module order; within a module TypeORM, Sequelize, Drizzle.
 */
export async function findSources(modules: readonly ModuleExports[], options: FindSourcesOptions = {}): Promise<FoundSource[]> {
  const found: FoundSource[] = [];
  const claimed = new Set<unknown>();
  // Modules that export a DataSource or a Sequelize instance first: each claims its models, so a
  // directory of entity files checked with its data source is read as that one registry.
  const ordered = modules
    .map((module) => ({ module, values: exportedValues(module.exports) }))
    .sort((a, b) => Number(b.values.some(({ value }) => isRegistryRoot(value))) - Number(a.values.some(({ value }) => isRegistryRoot(value))));
  // TypeORM entities exported without a DataSource, from every module: one registry, as TypeORM
  // reads `entities: ['src/entity/*.ts']`, so that relations between their files resolve.
  const entities: { file: string; path: string | undefined; values: (typeof ordered)[number]['values'] }[] = [];
  const discover = async (orm: OrmName, values: (typeof ordered)[number]['values'], file: string, path: string | undefined) => {
    const adapter = await loadAdapter(orm, file);
    const unclaimed = values.filter(({ value }) => !claimed.has(value));
    for (const discovered of adapter(unclaimed, { file, ...(path === undefined ? {} : { path }), ...(options.drizzle ? { drizzle: options.drizzle } : {}) })) {
      const { source } = discovered;
      found.push({ orm, file, name: source.name, load: () => source.load(), ...(source.schemas ? { schemas: () => source.schemas?.() } : {}) });
      for (const value of discovered.values) claimed.add(value);
    }
  };
  for (const {
    module: { file, path },
    values,
  } of ordered) {
    const orms = new Set(values.map(({ value }) => ormOf(value)));
    for (const orm of order) {
      if (!orms.has(orm)) continue;
      if (orm === 'typeorm' && !values.some(({ value }) => isRegistryRoot(value)))
        entities.push({ file, path, values: values.filter(({ value }) => ormOf(value) === 'typeorm') });
      else await discover(orm, values, file, path);
    }
  }
  if (entities.length > 0) {
    const [first] = entities;
    const file = entities.length === 1 ? first!.file : `${first!.file} and ${entities.length - 1} more modules`;
    await discover(
      'typeorm',
      entities.flatMap((module) => module.values),
      file,
      first!.path,
    );
  }
  return found;
}

async function loadAdapter(orm: OrmName, file: string): Promise<DiscoverSources> {
  try {
    return await adapters[orm]();
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    throw new Error(
      `${file} exports ${orm} models, but ormdrift's ${orm} adapter could not load (${message}): install ${orm === 'drizzle' ? 'drizzle-orm' : orm} where ormdrift can resolve it`,
      { cause },
    );
  }
}

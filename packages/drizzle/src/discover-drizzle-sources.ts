import type { DiscoverSources } from '@ormdrift/core';
import { drizzleSource } from './drizzle-source.ts';
import { drizzleDatabaseSchema, isDrizzleDatabase } from './drizzle-database.ts';
import { isDrizzleExport, isDrizzleView } from './recognize.ts';

/**
 * A module that exports at least one Drizzle table, enum or `pgSchema` is one registry, named by
 * its file: drizzle-kit reads a schema module the same way. Its views are claimed with it (they
 * are Drizzle's, though not tables) so that no other adapter takes them for something else.
 */
export const discoverDrizzleSources: DiscoverSources = (exports, context) => {
  const values = exports.map(({ value }) => value).filter((value) => isDrizzleExport(value) || isDrizzleView(value) || isDrizzleDatabase(value));
  // an exported `db = drizzle(url, { schema, casing })`: its schema, and its casing unless a config sets one
  const databases = values.flatMap((value) =>
    isDrizzleDatabase(value) ? [drizzleDatabaseSchema(value as object)].filter((found) => found !== undefined) : [],
  );
  const exported = exports.filter(({ value }) => isDrizzleExport(value)).map(({ name, value }) => [name, value] as const);
  const fromDatabases = databases.flatMap((database) => Object.entries(database.schema).filter(([, value]) => isDrizzleExport(value)));
  const schemaModule = Object.fromEntries([...fromDatabases, ...exported]);
  if (Object.keys(schemaModule).length === 0) return [];
  const casing = context.drizzle?.casing ?? databases.find((database) => database.casing)?.casing;
  return [
    {
      source: drizzleSource(schemaModule, {
        name: context.file,
        file: context.file,
        ...(context.path === undefined ? {} : { resolveFrom: context.path }),
        ...(casing ? { casing } : {}),
      }),
      values,
    },
  ];
};

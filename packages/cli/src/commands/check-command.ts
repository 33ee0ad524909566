import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { check, isReporterName, reporters, rulesMeta, type CheckResult, type LoadedSource, type RuleSettings, type SchemaSource } from '@ormdrift/core';
import { parseRuleSettings } from '../rule-settings.ts';
import { connectPostgres, PostgresIntrospector } from '@ormdrift/postgres';
import { findSources } from '../discover/find-sources.ts';
import { importModule } from '../load/import-module.ts';
import { UsageError } from '../usage-error.ts';
import { withMigratedDatabase } from '../migrations/migrated-database.ts';
import { resolveMigrationsTarget } from '../migrations/migrations-target.ts';
import { joinStatusToReport } from '../migrations/migration-findings.ts';
import { readMigrationStatus } from './status-command.ts';
import type { CliIo } from '../cli-io.ts';

export const checkUsage = `Usage: ormdrift check [modules...] [options]

Imports each module (.ts, .mts, .cts, .js, .mjs, .cjs), finds the ORM registries among its
exports (TypeORM DataSources, entity classes and EntitySchemas; Sequelize instances and
models; Drizzle tables, enums and schemas) and reports every difference between them and
the database.

Options:
  --db URL          PostgreSQL connection string (default: $DATABASE_URL)
  --migrations PATH the project's migrations: a folder of .sql files, a drizzle-kit folder, a folder
                    of TypeORM or sequelize-cli migrations, or a module exporting a TypeORM DataSource.
                    Without --db: run them on a throwaway embedded PostgreSQL and check the models
                    against what they build. With --db: also report the migrations the database
                    has not applied (see "ormdrift status")
  --migrations-kind sql, typeorm, drizzle or sequelize (default: told from what PATH holds)
  --format NAME     text (default) or json
  --out FILE        write the report to FILE instead of standard output
  --schema NAME     check only this schema (repeatable; default: every schema the models use)
  --rule CODE=LEVEL set a finding code's severity: off, warn or error (repeatable)
  --debug           print stack traces of errors
  -h, --help        show this help

Exit codes: 0 no drift at error severity, 1 drift at error severity, 2 usage, load or connection error.`;

export async function checkCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      db: { type: 'string' },
      migrations: { type: 'string' },
      'migrations-kind': { type: 'string' },
      format: { type: 'string', default: 'text' },
      out: { type: 'string' },
      schema: { type: 'string', multiple: true },
      rule: { type: 'string', multiple: true },
      debug: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout.write(`${checkUsage}\n`);
    return 0;
  }
  const format = values.format;
  if (!isReporterName(format)) throw new UsageError(`unknown format "${format}": use --format ${Object.keys(reporters).join(' or --format ')}`);
  if (positionals.length === 0) throw new UsageError('no modules to check: ormdrift check src/data-source.ts --db postgres://...');
  const rules = parseRuleSettings(values.rule ?? []);
  const migrations = values.migrations ? await resolveMigrationsTarget(values.migrations, values['migrations-kind'], io.cwd) : undefined;
  // --migrations without --db means "what the migrations build", even where DATABASE_URL is set
  const url = values.db ?? (migrations ? undefined : io.env['DATABASE_URL']);
  if (!url && !migrations) {
    throw new UsageError('no database to check: pass --db postgres://user:password@host:5432/database, set DATABASE_URL, or pass --migrations DIR');
  }
  const database: DatabaseAccess = url
    ? (use) => use(url)
    : (use) => withMigratedDatabase(migrations!, io, values.debug === true, use);

  const modules = [];
  for (const file of positionals) modules.push({ file, path: resolve(io.cwd, file), exports: await importModule(file, io.cwd) });
  const sources = await findSources(modules);
  if (sources.length === 0) {
    throw new UsageError(
      `found nothing ORM-like in ${positionals.join(', ')}: export a TypeORM DataSource or entities, a Sequelize instance or models, or Drizzle tables from the module`,
    );
  }

  const result = await runCheck(database, sources, { schemas: values.schema, rules });
  const colors = format === 'text' && !values.out && io.stdout.isTTY === true && !io.env['NO_COLOR'];
  let report = reporters[format]({ color: colors }).render(result, { cwd: io.cwd, rules: rulesMeta });
  // with a live database, the migrations also say whether it is behind them
  const status = url && migrations ? await readMigrationStatus(migrations, url, io.cwd) : undefined;
  if (status) report = joinStatusToReport(report, format === 'json' ? 'json' : 'text', status, colors);
  if (values.out) {
    const out = resolve(io.cwd, values.out);
    await writeFile(out, report).catch((cause: unknown) => {
      throw new UsageError(`cannot write the report to ${values.out}: ${(cause as Error).message}`, { cause });
    });
    io.stderr.write(`ormdrift: ${result.summary.errors} errors, ${result.summary.warnings} warnings; report written to ${values.out}\n`);
  } else io.stdout.write(report);
  return result.summary.errors > 0 || (status?.summary.errors ?? 0) > 0 ? 1 : 0;
}

/** Lends the URL of the database to check for the time of one use: a live one, or one built from migrations. */
type DatabaseAccess = <T>(use: (url: string) => Promise<T>) => Promise<T>;

async function runCheck(
  database: DatabaseAccess,
  sources: readonly SchemaSource[],
  options: { schemas: string[] | undefined; rules: RuleSettings },
): Promise<CheckResult> {
  // Load the models before connecting: a broken model is reported without touching the database.
  const loaded = await Promise.all(sources.map(async (source) => ({ name: source.name, loaded: await loadSource(source) })));
  return database(async (url) => {
    const connection = await connectPostgres(url);
    try {
      return await check({
        sources: loaded.map(({ name, loaded }) => ({ name, load: async () => loaded })),
        introspector: new PostgresIntrospector(connection.client),
        rules: options.rules,
        ...(options.schemas ? { schemas: options.schemas } : {}),
      });
    } finally {
      await connection.close().catch(() => {});
    }
  });
}

async function loadSource(source: SchemaSource): Promise<LoadedSource> {
  try {
    return await source.load();
  } catch (cause) {
    throw new UsageError(`cannot load ${source.name}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

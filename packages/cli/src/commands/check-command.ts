import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  check,
  isReporterName,
  reporters,
  rulesMeta,
  summaryLine,
  type CheckResult,
  type LoadedSource,
  type MigrationLedgerState,
  type RuleSettings,
  type SchemaSource,
} from '@ormdrift/core';
import { parseRuleSettings } from '../rule-settings.ts';
import { readBaselineFile, withBaseline } from '../baseline-io.ts';
import { writeJobSummary } from '../job-summary.ts';
import { checkConnectionUrl, postgresIntrospector } from '@ormdrift/postgres';
import { findSources } from '@ormdrift/discover';
import { defaultImportTimeoutMs, withImportDeadline } from '../load/import-deadline.ts';
import { importModule } from '../load/import-module.ts';
import { ModelLocator } from '../load/model-locations.ts';
import { parseDuration } from '../parse-duration.ts';
import { moduleArguments } from './module-arguments.ts';
import { parseTimeouts, timeoutOptions, timeoutUsage } from './timeout-options.ts';
import { UsageError } from '../usage-error.ts';
import { resolveMigrationsTarget, withMigratedDatabase } from '@ormdrift/migrations';
import { cliMigrationsRuntime } from '../migrations/cli-migrations-runtime.ts';
import { joinStatusToReport, type MigrationStatus } from '../migrations/migration-findings.ts';
import { withCauses } from '../migrations/finding-causes.ts';
import { readMigrationStatus } from './status-command.ts';
import type { CliIo } from '../cli-io.ts';
import { refuseSourceAsOutput, writeOutputFile } from '../output-file.ts';
import { resolveCheckInput } from '../config/check-input.ts';
import { casingHint } from '../casing-hint.ts';
import { checkWorkspace, workspaceFlags } from '../workspace/check-workspace.ts';
import { otherServicesClaims } from '../workspace/other-services.ts';
import { databaseIdentity, writeServiceReport } from '../workspace/service-report.ts';
import { thrownMessage } from '../thrown-value.ts';
import { interruptible } from '../interrupt.ts';

export const checkUsage = `Usage: ormdrift check [modules, directories or globs...] [options]

Imports each module (.ts, .tsx, .mts, .cts, .js, .jsx, .mjs, .cjs; every one under a directory
or matching a glob), finds the ORM registries among its exports (TypeORM DataSources, entity
classes and EntitySchemas; Sequelize instances and models; Drizzle tables, enums and schemas,
also inside exported arrays and objects) and reports every difference between them and the
database.

With no modules, checks the "sources" of the config file; with neither, the project's own ORM
configuration: drizzle.config.ts (schema, casing, schemaFilter, tablesFilter), a TypeORM data
source in the usual places (src/data-source.ts...), .sequelizerc (models-path).

Options:
  --db URL          PostgreSQL connection string (default: $DATABASE_URL)
  --migrations PATH the project's migrations: a folder of .sql files, a drizzle-kit folder, a folder
                    of TypeORM or sequelize-cli migrations, or a module exporting a TypeORM DataSource.
                    Without --db: run them on a throwaway embedded PostgreSQL and check the models
                    against what they build. With --db: also report the migrations the database
                    has not applied (see "ormdrift status")
  --migrations-kind sql, typeorm, drizzle or sequelize (default: told from what PATH holds)
  --migration-timeout DURATION  limit each migration on the embedded PostgreSQL (default 5m)
  --format NAME     text (default), json, markdown, junit, sarif or github (annotations, and the
                    Markdown report as the job summary when GITHUB_STEP_SUMMARY is set)
  --out FILE        write the report to FILE instead of standard output
  --baseline FILE   report only findings the baseline file (from "ormdrift baseline") does not list
  --schema NAME     check only this schema (repeatable; default: every schema the models use)
  --rule CODE=LEVEL set a finding code's severity: off, warn or error (repeatable)
${timeoutUsage}
  --env-file FILE   load environment variables from FILE before importing the modules
  --config FILE     read this config file instead of the first ormdrift.config.{ts,mts,js,mjs,cjs,json}
                    found from the working directory up to the repository root; flags override it
  --workspace       check every package of the workspace (pnpm-workspace.yaml or package.json
                    "workspaces") that has an ormdrift config or an ORM config, each in its own
                    process; a table any service owns is no other service's orphan
  --concurrency N   with --workspace, check at most N services at once (default 2)
  --verbose         list each registry found, one line each, on standard error
  --debug           print stack traces of errors (with source-mapped TypeScript lines)
  -h, --help        show this help

Exit codes: 0 no drift at error severity, 1 drift at error severity, 2 usage, load or connection error.`;

/**
 * `ormdrift check`. `record`, when given (by `ormdrift baseline`), receives the result instead of the
 * reporters and returns the exit code.
 */
export async function checkCommand(argv: readonly string[], io: CliIo, record?: (result: CheckResult) => Promise<number>): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      db: { type: 'string' },
      migrations: { type: 'string' },
      'migrations-kind': { type: 'string' },
      'migration-timeout': { type: 'string' },
      format: { type: 'string', default: 'text' },
      out: { type: 'string' },
      baseline: { type: 'string' },
      schema: { type: 'string', multiple: true },
      rule: { type: 'string', multiple: true },
      ...timeoutOptions,
      'env-file': { type: 'string', multiple: true },
      config: { type: 'string' },
      workspace: { type: 'boolean' },
      concurrency: { type: 'string' },
      // internal: how a workspace check's child process reports one service to its parent
      'service-report': { type: 'boolean' },
      verbose: { type: 'boolean' },
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
  if (values.workspace) {
    if (record) throw new UsageError('--workspace is for check: record a baseline in each package');
    if (positionals.length > 0 || values.config)
      throw new UsageError('--workspace checks every package of the workspace with its own config: give no modules and no --config');
    return checkWorkspace({ format, out: values.out, concurrency: values.concurrency, passThrough: workspaceFlags(values, io.cwd) }, io);
  }
  const flagRules = parseRuleSettings(values.rule ?? []);
  // every duration is read before anything runs: a wrong one is said even where its flag would not be used
  const { connectTimeoutMs, statementTimeoutMs, importTimeoutMs } = parseTimeouts(values);
  const migrationTimeoutMs = parseDuration(values['migration-timeout'], '--migration-timeout');
  for (const file of values['env-file'] ?? []) loadEnvFile(file, io.cwd);
  // the config file may read the environment (database: process.env.AUTH_DATABASE_URL): after --env-file
  const input = await resolveCheckInput(
    {
      modules: positionals,
      config: values.config,
      db: values.db,
      schemas: values.schema,
      rules: flagRules,
      migrations: values.migrations,
      migrationsKind: values['migrations-kind'],
      baseline: values.baseline,
      configAbove: values['service-report'] !== true,
    },
    io,
  );
  if (input.detected) io.stderr.write(`ormdrift: ${input.detected}\n`);
  else if (input.config && values.verbose) io.stderr.write(`ormdrift: using ${input.config.file}\n`);
  if (input.modules.length === 0) {
    throw new UsageError(
      'no modules to check: ormdrift check src/data-source.ts --db postgres://..., or list them as "sources" in ormdrift.config.ts (no drizzle.config.ts, TypeORM data source or .sequelizerc was found here either)',
    );
  }
  const modules = input.modules;
  const rules = input.rules;
  const baselineFile = input.baseline;
  // `ormdrift baseline` records the findings: a config's baseline file may not exist yet
  const baseline = baselineFile === undefined || record ? undefined : await readBaselineFile(baselineFile, io.cwd);
  const migrations = input.migrations ? await resolveMigrationsTarget(input.migrations, input.migrationsKind, io.cwd, migrationTimeoutMs) : undefined;
  // --migrations without --db means "what the migrations build", even where DATABASE_URL is set
  const url = input.db ?? (migrations ? undefined : (io.env['DATABASE_URL'] ?? (values['env-file'] ? process.env['DATABASE_URL'] : undefined)));
  if (!url && !migrations) {
    throw new UsageError('no database to check: pass --db postgres://user:password@host:5432/database, set DATABASE_URL, or pass --migrations DIR');
  }
  // a connection string that cannot work is said before the app's modules are imported: at once, and without running them
  if (url) checkConnectionUrl(url);
  if (values.debug) process.setSourceMapsEnabled(true);
  // run alone in one package of a workspace whose root config speaks of the services: theirs are no orphans here
  const claims =
    input.workspace && url && !values['service-report']
      ? await otherServicesClaims(input.workspace, input.service, databaseIdentity(url), workspaceFlags(values, io.cwd), io)
      : [];
  const owns = claims.length > 0 ? [...(input.owns ?? []), ...claims] : input.owns;

  if (values.out) refuseSourceAsOutput('--out', values.out, modules, io.cwd);
  const database: DatabaseAccess = url
    ? (use) => use(url)
    : (use) => withMigratedDatabase(migrations!, cliMigrationsRuntime(io, values.debug === true, importTimeoutMs), use);
  // with a live database, the migrations also say whether it is behind them: the ledger's findings are the check's own
  let status: MigrationStatus | undefined;
  const ledger =
    url && migrations
      ? async () => {
          status = await readMigrationStatus(migrations, url, io.cwd, undefined, { connectTimeoutMs, statementTimeoutMs, importTimeoutMs }, rules);
          return status.state;
        }
      : undefined;

  const checked = await checkModules(
    modules,
    {
      database,
      schemas: input.schemas ? [...input.schemas] : undefined,
      rules,
      connectTimeoutMs,
      statementTimeoutMs,
      importTimeoutMs,
      verbose: values.verbose === true,
      ignore: input.ignore,
      owns,
      tables: input.tables,
      drizzleCasing: input.drizzleCasing,
      migrations: ledger,
      // the formats that point at code; reading the sources costs time the others do not need to spend
      locateModels: format === 'sarif' || format === 'github' || format === 'markdown',
    },
    io,
  );
  if (record) return record(checked);
  let result = baseline ? withBaseline(checked, baseline, baselineFile!) : checked;
  const hint = casingHint(result, input.drizzleCasing);
  if (hint) io.stderr.write(`ormdrift: ${hint.sentence}\n`);
  if (values['service-report']) return writeServiceReport(result, { service: input.service, owns: input.owns, url }, io);
  // which migration creates each missing object, and whether the database applied it
  if (status) result = await withCauses(result, migrations!, status.applied, io);
  const colors = format === 'text' && !values.out && io.stdout.isTTY === true && !io.env['NO_COLOR'];
  let report = reporters[format]({ color: colors }).render(result, {
    cwd: io.cwd,
    rules: rulesMeta,
    builtFromMigrations: url === undefined,
    ...(hint ? { nextStep: hint.nextStep } : {}),
  });
  if (status && (format === 'text' || format === 'json')) report = joinStatusToReport(report, format, status, colors);
  if (values.out) {
    await writeOutputFile(io.cwd, values.out, report, 'the report');
    io.stderr.write(`ormdrift: ${summaryLine(result)}; report written to ${values.out}\n`);
  } else io.stdout.write(report);
  const fixed = result.baseline?.fixed.length ?? 0;
  if (fixed > 0 && (values.out || format !== 'text')) {
    io.stderr.write(
      `ormdrift: ${fixed} ${fixed === 1 ? 'entry' : 'entries'} of ${baselineFile} no longer occur (fixed — remove them with \`ormdrift baseline --prune\`)\n`,
    );
  }
  if (format === 'github') await writeJobSummary(result, io);
  return result.summary.errors > 0 ? 1 : 0;
}

/** Node's own .env parser (`process.loadEnvFile`), into this process's environment, which the imported modules read. */
function loadEnvFile(file: string, cwd: string): void {
  const path = resolve(cwd, file);
  // Node 20 ends the process itself when the file is missing: check first
  if (!existsSync(path)) throw new UsageError(`cannot read --env-file ${file}: no such file (relative to ${cwd})`);
  try {
    process.loadEnvFile(path);
  } catch (cause) {
    throw new UsageError(`cannot read --env-file ${file}: ${(cause as Error).message}`, { cause });
  }
}

/** Lends the URL of the database to check for the time of one use: a live one, or one built from migrations. */
type DatabaseAccess = <T>(use: (url: string) => Promise<T>) => Promise<T>;

export interface CheckModulesOptions {
  /** The database to read: a URL, or a lender of one (the throwaway server that `--migrations` builds). */
  readonly database: string | DatabaseAccess;
  readonly schemas?: string[] | undefined;
  /**
   * Find each model's declaration (file and line) in the app's sources, for reports that point at code; otherwise
   * a model's file is the module it was found through.
   */
  readonly locateModels?: boolean;
  readonly rules: RuleSettings;
  readonly connectTimeoutMs?: number | undefined;
  readonly statementTimeoutMs?: number | undefined;
  /** Per module, and per registry while its models are built; default 30 s. */
  readonly importTimeoutMs?: number | undefined;
  /** List each registry found on stderr. */
  readonly verbose?: boolean;
  /** Table globs never reported (config `ignore`). */
  readonly ignore?: readonly string[] | undefined;
  /** Table globs owned without a model: never orphans (config `owns`). */
  readonly owns?: readonly string[] | undefined;
  /** The only tables checked, as drizzle-kit's `tablesFilter`. */
  readonly tables?: readonly string[] | undefined;
  /** The `casing` of drizzle.config.ts or the `drizzle()` call. */
  readonly drizzleCasing?: 'snake_case' | 'camelCase' | undefined;
  /** A reader of the database's migration ledger, called once the catalog is read: its findings join the check's. */
  readonly migrations?: (() => Promise<MigrationLedgerState>) | undefined;
}

/**
 * The check pipeline the commands share: import the modules (directories and globs expanded), find their
 * registries, load them, read the database, evaluate. Throws a `UsageError` when nothing would be compared.
 */
export async function checkModules(files: readonly string[], options: CheckModulesOptions, io: CliIo): Promise<CheckResult> {
  const importTimeoutMs = options.importTimeoutMs ?? defaultImportTimeoutMs;
  const modules = [];
  for (const file of await moduleArguments(files, io.cwd)) {
    const exports = await withImportDeadline(() => importModule(file, io.cwd), importTimeoutMs, file);
    modules.push({ file, path: resolve(io.cwd, file), exports });
  }
  const sources = await findSources(modules, options.drizzleCasing ? { drizzle: { casing: options.drizzleCasing } } : {});
  if (options.verbose)
    for (const source of sources) io.stderr.write(`ormdrift: found ${source.name}${source.name.endsWith(source.file) ? '' : ` in ${source.file}`}\n`);
  if (sources.length === 0) {
    throw new UsageError(
      `found nothing ORM-like in ${files.join(', ')}: export a TypeORM DataSource or entities, a Sequelize instance or models, or Drizzle tables from the module`,
    );
  }

  // where each model is declared, for reports that point at code (SARIF, GitHub annotations)
  const locator = options.locateModels
    ? new ModelLocator(
        modules.map((module) => module.path),
        io.cwd,
      )
    : undefined;
  const database = options.database;
  const lend: DatabaseAccess = typeof database === 'string' ? (use) => use(database) : database;
  // The models are loaded before the introspector connects: a broken model is reported without touching the database.
  const result = await lend((url) =>
    check({
      sources: sources.map((source) => ({
        name: source.name,
        load: async () => {
          const loaded = await loadSource(source, importTimeoutMs);
          return locator ? locator.locate(loaded) : loaded;
        },
      })),
      introspector: interruptible(
        postgresIntrospector(url, {
          ...(options.connectTimeoutMs !== undefined ? { connectTimeoutMs: options.connectTimeoutMs } : {}),
          ...(options.statementTimeoutMs !== undefined ? { statementTimeoutMs: options.statementTimeoutMs } : {}),
          ...(options.schemas ? { requiredSchemas: options.schemas } : {}),
        }),
      ),
      rules: options.rules,
      ...(options.schemas ? { schemas: options.schemas } : {}),
      ...(options.ignore ? { ignore: options.ignore } : {}),
      ...(options.owns ? { owns: options.owns } : {}),
      ...(options.tables ? { tables: options.tables } : {}),
      ...(options.migrations ? { migrations: options.migrations } : {}),
    }),
  );
  if (result.summary.tables === 0 && (result.summary.sequences ?? 0) === 0) {
    // every registry declares tables (see loadSource), so --schema is what normally leaves none in scope
    const schemas = (options.schemas ?? []).map((name) => `"${name}"`).join(', ');
    throw new UsageError(
      schemas
        ? `nothing to compare: no declared table is in schema ${schemas}: check --schema`
        : options.ignore || options.tables
          ? 'nothing to compare: every declared table is ignored: check "ignore" in the config (or drizzle.config\'s tablesFilter)'
          : 'nothing to compare: the models declare no table',
    );
  }
  return result;
}

/**
 * Loads one registry's models within the import deadline (TypeORM imports its entity globs here). A registry that
 * yields no table is a load problem: checking it would compare nothing and pass.
 */
async function loadSource(source: SchemaSource, timeoutMs: number): Promise<LoadedSource> {
  let loaded: LoadedSource;
  try {
    loaded = await withImportDeadline(() => source.load(), timeoutMs, `the models of ${source.name}`);
  } catch (cause) {
    if (cause instanceof UsageError) throw cause;
    throw new UsageError(`cannot load ${source.name}: ${thrownMessage(cause)}`, { cause });
  }
  // a Drizzle module of sequences alone is a registry too: its sequences are compared
  if (loaded.schema.tables.length === 0 && (loaded.schema.sequences ?? []).length === 0) {
    throw new UsageError(`${source.name} declares no table: give it its entities or models (nothing would be compared)`);
  }
  return loaded;
}

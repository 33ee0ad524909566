import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { check, isReporterName, reporters, rulesMeta, type CheckResult, type LoadedSource, type RuleSettings, type SchemaSource } from '@ormdrift/core';
import { readBaselineFile, withBaseline } from '../baseline-io.ts';
import { writeJobSummary } from '../job-summary.ts';
import { parseRuleSettings } from '../rule-settings.ts';
import { connectPostgres, PostgresIntrospector } from '@ormdrift/postgres';
import { findSources } from '@ormdrift/discover';
import { importModule } from '../load/import-module.ts';
import { moduleArguments } from './module-arguments.ts';
import { UsageError } from '../usage-error.ts';
import type { CliIo } from '../cli-io.ts';

export const checkUsage = `Usage: ormdrift check [modules, directories or globs...] [options]

Imports each module (.ts, .tsx, .mts, .cts, .js, .jsx, .mjs, .cjs; every one under a directory
or matching a glob), finds the ORM registries among its exports (TypeORM DataSources, entity
classes and EntitySchemas; Sequelize instances and models; Drizzle tables, enums and schemas,
also inside exported arrays and objects) and reports every difference between them and the
database.

Options:
  --db URL          PostgreSQL connection string (default: $DATABASE_URL)
  --format NAME     text (default), json, markdown, junit, sarif or github (annotations, and the
                    Markdown report as the job summary when GITHUB_STEP_SUMMARY is set)
  --out FILE        write the report to FILE instead of standard output
  --baseline FILE   report only findings the baseline file (from "ormdrift baseline") does not list
  --schema NAME     check only this schema (repeatable; default: every schema the models use)
  --rule CODE=LEVEL set a finding code's severity: off, warn or error (repeatable)
  --env-file FILE   load environment variables from FILE before importing the modules
  --verbose         list each registry found, one line each, on standard error
  --debug           print stack traces of errors (with source-mapped TypeScript lines)
  -h, --help        show this help

Exit codes: 0 no drift at error severity, 1 drift at error severity, 2 usage, load or connection error.`;

export async function checkCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      db: { type: 'string' },
      format: { type: 'string', default: 'text' },
      out: { type: 'string' },
      baseline: { type: 'string' },
      schema: { type: 'string', multiple: true },
      rule: { type: 'string', multiple: true },
      'env-file': { type: 'string', multiple: true },
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
  const baseline = values.baseline === undefined ? undefined : await readBaselineFile(values.baseline, io.cwd);
  const checked = await checkModules(positionals, values, io);
  const result = baseline ? withBaseline(checked, baseline, values.baseline!) : checked;
  const colors = format === 'text' && !values.out && io.stdout.isTTY === true && !io.env['NO_COLOR'];
  const report = reporters[format]({ color: colors }).render(result, { cwd: io.cwd, rules: rulesMeta });
  if (values.out) {
    const out = resolve(io.cwd, values.out);
    await writeFile(out, report).catch((cause: unknown) => {
      throw new UsageError(`cannot write the report to ${values.out}: ${(cause as Error).message}`, { cause });
    });
    io.stderr.write(`ormdrift: ${result.summary.errors} errors, ${result.summary.warnings} warnings; report written to ${values.out}\n`);
  } else io.stdout.write(report);
  const fixed = result.baseline?.fixed.length ?? 0;
  if (fixed > 0 && (values.out || format !== 'text')) {
    io.stderr.write(`ormdrift: ${fixed} ${fixed === 1 ? 'entry' : 'entries'} of ${values.baseline} no longer occur (fixed — remove them with \`ormdrift baseline --prune\`)\n`);
  }
  if (format === 'github') await writeJobSummary(result, io);
  return result.summary.errors > 0 ? 1 : 0;
}

/**
 * Imports the modules, finds their ORM registries and checks them against the database named by `--db`
 * or `DATABASE_URL`. Throws `UsageError` when there are no modules, nothing ORM-like in them, or no database.
 */
export async function checkModules(
  positionals: readonly string[],
  values: {
    readonly db?: string | undefined;
    readonly schema?: string[] | undefined;
    readonly rule?: string[] | undefined;
    readonly 'env-file'?: string[] | undefined;
    readonly verbose?: boolean | undefined;
    readonly debug?: boolean | undefined;
  },
  io: CliIo,
): Promise<CheckResult> {
  if (positionals.length === 0) throw new UsageError('no modules to check: ormdrift check src/data-source.ts --db postgres://...');
  const rules = parseRuleSettings(values.rule ?? []);
  for (const file of values['env-file'] ?? []) loadEnvFile(file, io.cwd);
  const url = values.db ?? io.env['DATABASE_URL'] ?? (values['env-file'] ? process.env['DATABASE_URL'] : undefined);
  if (!url) throw new UsageError('no database to check: pass --db postgres://user:password@host:5432/database or set DATABASE_URL');
  if (values.debug) process.setSourceMapsEnabled(true);

  const modules = [];
  for (const file of await moduleArguments(positionals, io.cwd)) modules.push({ file, path: resolve(io.cwd, file), exports: await importModule(file, io.cwd) });
  const sources = await findSources(modules);
  if (values.verbose) for (const source of sources) io.stderr.write(`ormdrift: found ${source.name}${source.name.endsWith(source.file) ? '' : ` in ${source.file}`}\n`);
  if (sources.length === 0) {
    throw new UsageError(
      `found nothing ORM-like in ${positionals.join(', ')}: export a TypeORM DataSource or entities, a Sequelize instance or models, or Drizzle tables from the module`,
    );
  }

  return runCheck(url, sources, { schemas: values.schema, rules });
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

async function runCheck(
  url: string,
  sources: readonly SchemaSource[],
  options: { schemas: string[] | undefined; rules: RuleSettings },
): Promise<CheckResult> {
  // Load the models before connecting: a broken model is reported without touching the database.
  const loaded = await Promise.all(sources.map(async (source) => ({ name: source.name, loaded: await loadSource(source) })));
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
}

async function loadSource(source: SchemaSource): Promise<LoadedSource> {
  try {
    return await source.load();
  } catch (cause) {
    throw new UsageError(`cannot load ${source.name}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { check, isReporterName, reporters, rulesMeta, type CheckResult, type LoadedSource, type RuleSettings, type SchemaSource } from '@ormdrift/core';
import { parseRuleSettings } from '../rule-settings.ts';
import { connectPostgres, PostgresIntrospector } from '@ormdrift/postgres';
import { findSources } from '../discover/find-sources.ts';
import { importModule } from '../load/import-module.ts';
import { UsageError } from '../usage-error.ts';
import type { CliIo } from '../cli-io.ts';

export const checkUsage = `Usage: ormdrift check [modules...] [options]

Imports each module (.ts, .mts, .cts, .js, .mjs, .cjs), finds the ORM registries among its
exports (TypeORM DataSources, entity classes and EntitySchemas; Sequelize instances and
models; Drizzle tables, enums and schemas) and reports every difference between them and
the database.

Options:
  --db URL          PostgreSQL connection string (default: $DATABASE_URL)
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
  const url = values.db ?? io.env['DATABASE_URL'];
  if (!url) throw new UsageError('no database to check: pass --db postgres://user:password@host:5432/database or set DATABASE_URL');

  const result = await checkModules(positionals, { url, schemas: values.schema, rules }, io);
  const colors = format === 'text' && !values.out && io.stdout.isTTY === true && !io.env['NO_COLOR'];
  const report = reporters[format]({ color: colors }).render(result, { cwd: io.cwd, rules: rulesMeta });
  if (values.out) {
    const out = resolve(io.cwd, values.out);
    await writeFile(out, report).catch((cause: unknown) => {
      throw new UsageError(`cannot write the report to ${values.out}: ${(cause as Error).message}`, { cause });
    });
    io.stderr.write(`ormdrift: ${result.summary.errors} errors, ${result.summary.warnings} warnings; report written to ${values.out}\n`);
  } else io.stdout.write(report);
  return result.summary.errors > 0 ? 1 : 0;
}

/** The check pipeline shared by the commands: import the modules, find their sources, load them, read the database. */
export async function checkModules(
  files: readonly string[],
  options: { url: string; schemas: string[] | undefined; rules: RuleSettings },
  io: CliIo,
): Promise<CheckResult> {
  const modules = [];
  for (const file of files) modules.push({ file, path: resolve(io.cwd, file), exports: await importModule(file, io.cwd) });
  const sources = await findSources(modules);
  if (sources.length === 0) {
    throw new UsageError(
      `found nothing ORM-like in ${files.join(', ')}: export a TypeORM DataSource or entities, a Sequelize instance or models, or Drizzle tables from the module`,
    );
  }
  return runCheck(options.url, sources, options);
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

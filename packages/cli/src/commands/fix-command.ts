import { basename, dirname, extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { escapeText, planFix, renderFix, type CheckResult, type FixNoteTopic, type FixPlan, type FixScripts } from '@ormdrift/core';
import { checkConnectionUrl, runSqlScript } from '@ormdrift/postgres';
import type { CliIo } from '../cli-io.ts';
import { refuseSourceAsOutput, writeOutputFile } from '../output-file.ts';
import { parseRuleSettings } from '../rule-settings.ts';
import { parseDuration } from '../parse-duration.ts';
import { UsageError } from '../usage-error.ts';
import { resolveMigrationsTarget, withMigratedDatabase } from '@ormdrift/migrations';
import { cliMigrationsRuntime } from '../migrations/cli-migrations-runtime.ts';
import { resolveCheckInput } from '../config/check-input.ts';
import { checkModules } from './check-command.ts';
import { parseTimeouts, timeoutOptions, timeoutUsage } from './timeout-options.ts';

export const fixUsage = `Usage: ormdrift fix [modules...] (--db URL | --migrations PATH) [options]

Checks the modules' ORM models against the database, as "ormdrift check" does, and writes the SQL
that adds what the database lacks: missing schemas, tables, columns, enum types and values, primary keys,
uniques, indexes and foreign keys, and the models' defaults. It never drops or retypes anything:
what no automatic fix is safe for is listed at the top of the script. Nothing runs unless --apply.
With --migrations and no --db, the database is the one the migrations build on a throwaway
PostgreSQL: the script is then the next migration your models need.

Options:
  --db URL          PostgreSQL connection string (default: $DATABASE_URL)
  --migrations PATH the project's migrations (SQL files, TypeORM, drizzle-kit or sequelize-cli): without
                    --db, fix what they build
  --migrations-kind KIND  sql, typeorm, drizzle or sequelize, when it cannot be told from the path
  --migration-timeout DURATION  limit each migration on the embedded PostgreSQL (default 5m)
  --out FILE        write the migration to FILE (default: standard output)
  --rollback FILE   write the SQL that removes exactly what the migration adds
  --concurrently    create the indexes of existing tables with CREATE INDEX CONCURRENTLY, in a
                    second file next to --out (<name>.concurrent.sql) that runs outside a transaction
  --apply           run the migration on --db, then check again: an error no guard catches rolls back
                    its transaction (exit 2); a step refused in a way its guard catches is skipped
                    with a WARNING, listed at the end, and exits 1
  --schema NAME     fix only this schema (repeatable; default: every schema the models use)
  --rule CODE=LEVEL a finding code's severity, as for check: a code that is off is not fixed (repeatable)
${timeoutUsage}
  --config FILE     read this config file instead of the first ormdrift.config.* found from the
                    working directory upward: its sources, database, schemas, ignore, owns, rules
                    and migrations, as check reads them; flags override it
  --debug           print stack traces of errors
  -h, --help        show this help

Exit codes: 0 written (with --apply: every step applied and the re-check has no error), 1 with --apply:
a step the database refused (each is listed with PostgreSQL's reason; the other steps are committed) or
drift at error severity remains, 2 usage, load, connection or SQL error (its transaction is rolled back).`;

/** `ormdrift fix`: plan, write, and on request apply and re-check. */
export async function fixCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      db: { type: 'string' },
      migrations: { type: 'string' },
      'migrations-kind': { type: 'string' },
      'migration-timeout': { type: 'string' },
      out: { type: 'string' },
      rollback: { type: 'string' },
      concurrently: { type: 'boolean' },
      apply: { type: 'boolean' },
      schema: { type: 'string', multiple: true },
      rule: { type: 'string', multiple: true },
      ...timeoutOptions,
      config: { type: 'string' },
      debug: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout.write(`${fixUsage}\n`);
    return 0;
  }
  const input = await resolveCheckInput(
    {
      modules: positionals,
      config: values.config,
      db: values.db,
      schemas: values.schema,
      rules: parseRuleSettings(values.rule ?? []),
      migrations: values.migrations,
      migrationsKind: values['migrations-kind'],
    },
    io,
  );
  if (input.detected) io.stderr.write(`ormdrift: ${input.detected}\n`);
  const modules = input.modules;
  if (modules.length === 0) {
    throw new UsageError(
      'no modules to fix: ormdrift fix src/data-source.ts --db postgres://... --out up.sql, or list them as "sources" in ormdrift.config.ts',
    );
  }
  const { connectTimeoutMs, statementTimeoutMs, importTimeoutMs } = parseTimeouts(values);
  const migrationTimeoutMs = parseDuration(values['migration-timeout'], '--migration-timeout');
  if (values.concurrently && !values.out) throw new UsageError('--concurrently writes a second file next to the first: pass --out up.sql too');
  for (const [flag, file] of [
    ['--out', values.out],
    ['--rollback', values.rollback],
  ] as const)
    if (file) refuseSourceAsOutput(flag, file, modules, io.cwd);
  if (values.out && values.rollback && resolve(io.cwd, values.out) === resolve(io.cwd, values.rollback)) {
    throw new UsageError(`--out and --rollback both name ${values.out}: the rollback would replace the migration; give them two files`);
  }
  const migrations = input.migrations ? await resolveMigrationsTarget(input.migrations, input.migrationsKind, io.cwd, migrationTimeoutMs) : undefined;
  // --migrations without --db means "what the migrations build", even where DATABASE_URL is set
  const url = input.db ?? (migrations ? undefined : io.env['DATABASE_URL']);
  if (!url && !migrations) {
    throw new UsageError('no database to fix: pass --db postgres://user:password@host:5432/database, set DATABASE_URL, or pass --migrations DIR');
  }
  if (values.apply && !url) throw new UsageError('--apply runs the migration on --db: pass --db, or leave --apply out to write the next migration');
  // a connection string that cannot work is said before the app's modules are imported: at once, and without running them
  if (url) checkConnectionUrl(url);
  const database =
    url ?? (<T>(use: (url: string) => Promise<T>) => withMigratedDatabase(migrations!, cliMigrationsRuntime(io, values.debug === true, importTimeoutMs), use));
  const options = {
    database,
    schemas: input.schemas ? [...input.schemas] : undefined,
    rules: input.rules,
    ignore: input.ignore,
    owns: input.owns,
    tables: input.tables,
    drizzleCasing: input.drizzleCasing,
    connectTimeoutMs,
    statementTimeoutMs,
    importTimeoutMs,
  };

  const result = await checkModules(modules, options, io);
  const plan = planFix(result, { concurrently: values.concurrently === true });
  const scripts = renderFix(plan);

  const concurrentFile = values.out && scripts.concurrent ? siblingFile(values.out, 'concurrent') : undefined;
  if (values.out) await write(io, values.out, scripts.up);
  else io.stdout.write(scripts.up);
  if (concurrentFile && scripts.concurrent) await write(io, concurrentFile, scripts.concurrent.text);
  if (values.rollback) await write(io, values.rollback, scripts.down);
  io.stderr.write(`${summary(plan, scripts, { out: values.out, rollback: values.rollback, concurrentFile, apply: values.apply === true })}\n`);

  if (!values.apply) return 0;
  if (scripts.batches.length === 0) {
    io.stderr.write('ormdrift: nothing to apply.\n');
    return result.summary.errors > 0 ? 1 : 0;
  }
  // a step refused in a way its guard catches raises an ormdrift WARNING and the rest is committed:
  // each such warning is one step not applied, and the command must not call that a success
  const refused: string[] = [];
  await runSqlScript(url!, scripts.batches, {
    ...(connectTimeoutMs !== undefined ? { connectTimeoutMs } : {}),
    onNotice: (notice) => {
      const message = escapeText(notice.message.replace(/^ormdrift: /, ''));
      if (notice.severity === 'WARNING' && notice.message.startsWith('ormdrift: ')) refused.push(message);
      io.stderr.write(`  ${notice.severity.toLowerCase()}: ${message}\n`);
    },
  });
  const after = await checkModules(modules, options, io);
  io.stderr.write(`${appliedSummary(plan.up.length, refused)} ${recheckSummary(result, after)}\n`);
  return after.summary.errors > 0 || refused.length > 0 ? 1 : 0;
}

/**
 * How much of the migration took effect: every step, or `N of M` and each refused step with PostgreSQL's reason
 * (the text of its WARNING), so that a partial apply is never read as a success.
 */
function appliedSummary(steps: number, refused: readonly string[]): string {
  if (refused.length === 0) return 'ormdrift fix: applied.';
  const applied = Math.max(steps - refused.length, 0);
  return [
    `ormdrift fix: applied ${applied} of ${plural(steps, 'step')}; ${refused.length} not applied (the rest is committed):`,
    ...refused.map((message) => `  - ${message}`),
    'Deal with each cause, then run ormdrift fix --apply again: it skips what is done.',
  ].join('\n');
}

async function write(io: CliIo, file: string, text: string): Promise<void> {
  await writeOutputFile(io.cwd, file, text, 'the script');
}

/** `up.sql` → `up.concurrent.sql`, beside it. */
function siblingFile(file: string, tag: string): string {
  const extension = extname(file) || '.sql';
  return join(dirname(file), `${basename(file, extname(file))}.${tag}${extension}`);
}

/** The one paragraph a user reads: what the migration adds, what it leaves to a person, what to run. */
function summary(
  plan: FixPlan,
  scripts: FixScripts,
  files: { out: string | undefined; rollback: string | undefined; concurrentFile: string | undefined; apply: boolean },
): string {
  const upName = files.out ?? 'the migration';
  const { added, changed } = countSteps(plan);
  const sentences: string[] = [];
  const does = [...added, ...changed];
  sentences.push(
    added.length > 0
      ? `ormdrift fix: ${upName} adds ${list(added)}.${changed.length > 0 ? ` It changes ${list(changed)} in place.` : ''}`
      : changed.length > 0
        ? `ormdrift fix: ${upName} changes ${list(changed)} in place.`
        : `ormdrift fix: ${upName} adds nothing: the database has every object the models declare.`,
  );
  if (plan.notes.length > 0) {
    const kinds = new Map<FixNoteTopic, number>();
    for (const note of plan.notes) kinds.set(note.topic, (kinds.get(note.topic) ?? 0) + 1);
    const counted = [...kinds].map(([topic, n]) => `${n} ${topicLabel(topic, n)}`);
    sentences.push(
      `It leaves ${plural(plan.notes.length, 'difference')} to a person (${list(counted)}), listed at its top with the reason no automatic fix is safe.`,
    );
  }
  const backfills = plan.up.filter(
    (step) =>
      step.operation.op === 'add-column' &&
      !step.operation.column.nullable &&
      step.operation.column.default === null &&
      step.operation.column.identity === null &&
      step.operation.column.generated === null,
  ).length;
  if (backfills > 0)
    sentences.push(
      `${backfills} NOT NULL column${backfills === 1 ? '' : 's'} without a default ${backfills === 1 ? 'is' : 'are'} added nullable if the table holds rows: a NOTICE names the backfill and the SET NOT NULL to run after.`,
    );
  if (scripts.concurrent && files.concurrentFile) {
    sentences.push(
      `${scripts.concurrent.statements.length} index${scripts.concurrent.statements.length === 1 ? ' is' : 'es are'} in ${files.concurrentFile}, to run after it and outside a transaction (CREATE INDEX CONCURRENTLY).`,
    );
  }
  if (plan.up.some((step) => step.operation.op === 'add-enum-values' && step.operation.commitFirst)) {
    sentences.push('New enum values are committed in a first transaction of their own, because PostgreSQL lets a new value be used only once it is committed.');
  }
  if (files.rollback) sentences.push(`${files.rollback} removes exactly what it adds${changed.length > 0 ? ' and changes back what it changes' : ''}.`);
  if (does.length > 0) {
    sentences.push(
      files.apply
        ? 'Applying it now, then checking again.'
        : `Nothing was run: review it, try it on a copy, then run psql -v ON_ERROR_STOP=1 -f ${files.out ?? 'up.sql'} (or pass --apply).`,
    );
  }
  return sentences.join(' ');
}

/** The steps of `up`, counted by kind in the words a user reads: what it adds, and what it changes in place. */
function countSteps(plan: FixPlan): { added: string[]; changed: string[] } {
  const counts = new Map<string, number>();
  const changes = new Map<string, number>();
  const bump = (what: string, n = 1) => counts.set(what, (counts.get(what) ?? 0) + n);
  const change = (what: string) => changes.set(what, (changes.get(what) ?? 0) + 1);
  // a constraint this migration adds NOT VALID is validated by it too: only one the database already holds NOT VALID counts
  const added = new Set(
    plan.up.flatMap(({ operation }) =>
      operation.op === 'add-check' || operation.op === 'add-foreign-key'
        ? [`${operation.table.schema}.${operation.table.name}.${operation.op === 'add-check' ? operation.name : operation.foreignKey.name}`]
        : [],
    ),
  );
  for (const { operation } of plan.up) {
    switch (operation.op) {
      case 'create-schema':
        bump('schema');
        break;
      case 'create-extension':
        bump('extension');
        break;
      case 'create-enum':
        bump('enum type');
        break;
      case 'add-enum-values':
        bump('enum value', operation.values.length);
        break;
      case 'create-table':
        bump('table');
        break;
      case 'add-column':
        bump('column');
        break;
      case 'set-default':
        bump('default');
        break;
      case 'add-primary-key':
        bump('primary key');
        break;
      case 'add-unique':
        bump('unique constraint');
        break;
      case 'create-index':
        bump(operation.index.unique ? 'unique index' : 'index');
        break;
      case 'add-foreign-key':
        bump('foreign key');
        break;
      case 'add-check':
        bump('check');
        break;
      case 'add-exclusion':
        bump('exclusion');
        break;
      case 'create-sequence':
        bump('sequence');
        break;
      case 'set-collation':
        change('collation');
        break;
      case 'set-deferrable':
        change('constraint deferral');
        break;
      case 'alter-sequence':
        change('sequence');
        break;
      case 'rename-sequence':
        change('sequence name');
        break;
      case 'set-identity':
        change('identity column');
        break;
      case 'validate-check':
      case 'validate-foreign-key':
        if (!added.has(`${operation.table.schema}.${operation.table.name}.${operation.name}`)) change('NOT VALID constraint');
        break;
      default:
        break;
    }
  }
  const counted = (map: Map<string, number>) => [...map].map(([what, n]) => plural(n, what));
  return { added: counted(counts), changed: counted(changes) };
}

/**
 * What each kind of note is called in the summary, singular and plural where the plural is not the label plus `s`:
 * the name of what a person finds in the database (a non-unique index where a unique one is declared).
 */
const topics: Record<FixNoteTopic, string | readonly [string, string]> = {
  type: 'column type',
  nullability: 'nullability change',
  default: 'default',
  identity: 'identity or generated column',
  'foreign-key-actions': 'foreign-key action',
  'unique-nulls': 'NULLS NOT DISTINCT unique',
  'unique-partial': 'partial unique',
  'unique-deferral': 'unique deferral',
  'unique-index': 'non-unique index',
  'unique-name-taken': ['unique whose name is held on other keys', 'uniques whose names are held on other keys'],
  'unique-in-database': ['unique index declared plain', 'unique indexes declared plain'],
  'invalid-index': 'invalid index',
  'partial-index': 'partial index',
  'larger-index': 'larger index',
  'index-parameters': ['index with other operator class parameters', 'indexes with other operator class parameters'],
  'index-definition': ['index built otherwise', 'indexes built otherwise'],
  'registry-conflict': 'registry conflict',
  'extra-column': 'extra column',
  exclusion: 'exclusion',
  'extra-table': 'extra table',
  'expression-index': 'expression index',
  check: 'check constraint',
  'extra-constraint': 'extra constraint',
};

/** A topic's label for `n` notes: its plural form, or the label plus `s` (`es` after an x). */
function topicLabel(topic: FixNoteTopic, n: number): string {
  const label = topics[topic];
  if (typeof label !== 'string') return n === 1 ? label[0] : label[1];
  return n === 1 ? label : `${label}${label.endsWith('x') ? 'es' : 's'}`;
}

function plural(n: number, what: string): string {
  return `${n} ${what}${n === 1 ? '' : what.endsWith('x') ? 'es' : 's'}`;
}

function list(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

function recheckSummary(before: CheckResult, after: CheckResult): string {
  const missing = (result: CheckResult) => result.findings.filter((finding) => finding.code.startsWith('missing-')).length;
  return `Check again: ${plural(after.summary.errors, 'error')} and ${plural(after.summary.warnings, 'warning')} (were ${before.summary.errors} and ${before.summary.warnings}); ${missing(after)} missing-* findings remain (were ${missing(before)}).`;
}

import { parseArgs } from 'node:util';
import {
  checkConnectionUrl,
  compareLedger,
  connectPostgres,
  defaultStatementTimeoutMs,
  isStatementTimeout,
  LedgerNotFoundError,
  QueryInterruptedError,
  readLedger,
  withDeadline,
} from '@ormdrift/postgres';
import { listMigrations, resolveMigrationsTarget, type MigrationsTarget } from '@ormdrift/migrations';
import type { CliIo } from '../cli-io.ts';
import { refuseSourceAsOutput, writeOutputFile } from '../output-file.ts';
import { migrationStatus, renderStatusJson, renderStatusText, statusCodes, type MigrationStatus } from '../migrations/migration-findings.ts';
import { cliMigrationsRuntime } from '../migrations/cli-migrations-runtime.ts';
import { connectionTimeoutUsage, importTimeoutUsage, parseTimeouts, timeoutOptions } from './timeout-options.ts';
import { readConfig } from '../config/read-config.ts';
import { withSeverities } from '../config/check-input.ts';
import { UsageError } from '../usage-error.ts';
import { interruptibleRead } from '../interrupt.ts';
import { parseRuleSettings } from '../rule-settings.ts';
import { plural, type RuleSettings } from '@ormdrift/core';

export const statusUsage = `Usage: ormdrift status --migrations PATH [options]

Compares the migrations on disk with the ledger the database keeps of those it applied (TypeORM's
migrations table, drizzle.__drizzle_migrations, SequelizeMeta, or a schema_migrations-style table
for plain SQL files). Reads only; runs nothing.

Options:
  --db URL          PostgreSQL connection string (default: $DATABASE_URL)
  --migrations PATH a folder of .sql files, a drizzle-kit folder, a folder of TypeORM or
                    sequelize-cli migrations, or a module exporting a TypeORM DataSource
  --migrations-kind sql, typeorm, drizzle or sequelize (default: told from what PATH holds)
  --config FILE     read this config file instead of the first ormdrift.config.* found from the
                    working directory upward: its migrations and database; flags override it
  --ledger TABLE    the ledger table, when the project named it otherwise (schema.table or table)
  --rule CODE=LEVEL unapplied-migration or unknown-migration: off, warn or error (repeatable); over
                    the config's "rules"
${connectionTimeoutUsage('each query on the ledger')}
${importTimeoutUsage('importing each TypeORM or sequelize-cli migration module')}
  --format NAME     text (default) or json
  --out FILE        write the report to FILE instead of standard output
  --debug           print stack traces of errors
  -h, --help        show this help

Findings: unapplied-migration (error): on disk, not applied to the database;
          unknown-migration (warning): in the ledger, not on disk.
Exit codes: 0 every migration applied, 1 unapplied migrations, 2 usage, load or connection error.`;

export async function statusCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    options: {
      db: { type: 'string' },
      migrations: { type: 'string' },
      'migrations-kind': { type: 'string' },
      ledger: { type: 'string' },
      rule: { type: 'string', multiple: true },
      ...timeoutOptions,
      config: { type: 'string' },
      format: { type: 'string', default: 'text' },
      out: { type: 'string' },
      debug: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout.write(`${statusUsage}\n`);
    return 0;
  }
  if (values.format !== 'text' && values.format !== 'json') throw new UsageError(`unknown format "${values.format}": use --format text or --format json`);
  // "x.y.z" would otherwise be read as schema x, table y: a wrong ledger read quietly is worse than none
  if (values.ledger !== undefined && !/^[^.]+(\.[^.]+)?$/.test(values.ledger)) {
    throw new UsageError(`--ledger ${values.ledger}: --ledger takes a table or schema.table`);
  }
  const flagRules = parseRuleSettings(values.rule ?? []);
  // a code status never reports would be turned off (or up) silently: say which codes it takes
  const foreign = Object.keys(flagRules).filter((code) => !statusCodes.includes(code as (typeof statusCodes)[number]));
  if (foreign.length > 0) {
    throw new UsageError(`--rule ${foreign.join(', ')}: ormdrift status reports only ${statusCodes.join(' and ')}, so its --rule takes those codes`);
  }
  const { connectTimeoutMs, statementTimeoutMs, importTimeoutMs } = parseTimeouts(values);
  const config = await readConfig(values.config, io.cwd);
  const migrations = values.migrations ?? config?.migrations?.path;
  const kind = values['migrations-kind'] ?? (values.migrations === undefined ? config?.migrations?.kind : undefined);
  if (!migrations) {
    throw new UsageError('no migrations to compare: ormdrift status --migrations migrations/ --db postgres://..., or set "migrations" in ormdrift.config.ts');
  }
  const url = values.db ?? config?.database ?? io.env['DATABASE_URL'];
  if (!url) throw new UsageError('no database to compare: pass --db postgres://user:password@host:5432/database or set DATABASE_URL');
  // a connection string that cannot work is said before the migration modules are imported: at once, and without running them
  checkConnectionUrl(url);
  const target = await resolveMigrationsTarget(migrations, kind, io.cwd);

  const rules = withSeverities(config?.rules ?? {}, flagRules);
  const status = await readMigrationStatus(target, url, io.cwd, values.ledger, { connectTimeoutMs, statementTimeoutMs, importTimeoutMs }, rules).catch(
    (error: unknown) => {
      // status, unlike check, can be told where the ledger is: say how
      if (error instanceof UsageError && error.cause instanceof LedgerNotFoundError && !error.message.includes('--ledger')) {
        throw new UsageError(`${error.message} If the project names its ledger otherwise, pass --ledger TABLE (or schema.table)`, { cause: error.cause });
      }
      throw error;
    },
  );
  const report = values.format === 'json' ? renderStatusJson(status) : renderStatusText(status, !values.out && io.stdout.isTTY === true && !io.env['NO_COLOR']);
  if (values.out) {
    refuseSourceAsOutput('--out', values.out, [], io.cwd);
    await writeOutputFile(io.cwd, values.out, report, 'the report');
    io.stderr.write(`ormdrift: ${plural(status.summary.errors, 'error')}, ${plural(status.summary.warnings, 'warning')}; report written to ${values.out}\n`);
  } else io.stdout.write(report);
  return status.summary.errors > 0 ? 1 : 0;
}

/** How long reading the ledger may take; the CLI's --connect-timeout, --statement-timeout and --import-timeout. */
export interface LedgerReadTimeouts {
  readonly connectTimeoutMs?: number | undefined;
  /** Importing each TypeORM or sequelize-cli migration module, in milliseconds. Default 30 s. */
  readonly importTimeoutMs?: number | undefined;
  /** Each query on the server; ormdrift itself waits 2 s more. Default 10 s. */
  readonly statementTimeoutMs?: number | undefined;
}

/**
 * Lists the migrations on disk, reads the database's ledger (in a READ ONLY transaction, each query limited by
 * `statement_timeout` and a client-side deadline 2 s later: a deploy's migration may hold the ledger locked) and
 * compares them; Ctrl-C or SIGTERM cancels the ledger query on the server. `ledger` overrides the ledger table (`table` or `schema.table`). Throws {@link UsageError} when the
 * ledger is missing, locked past the timeout, or the server stops answering. `rules` set the findings' severities
 * (or turn a code off), as in `check`.
 */
export async function readMigrationStatus(
  target: MigrationsTarget,
  url: string,
  cwd: string,
  ledger?: string,
  timeouts: LedgerReadTimeouts = {},
  rules?: RuleSettings,
): Promise<MigrationStatus> {
  const disk = await listMigrations(target, cliMigrationsRuntime({ cwd }, false, timeouts.importTimeoutMs));
  const [schema, table] = ledger?.includes('.') ? ledger.split('.', 2) : [undefined, ledger];
  const options = { ...disk.ledger, ...(table ? { table } : {}), ...(schema ? { schema } : {}) };
  const statementTimeoutMs = timeouts.statementTimeoutMs ?? defaultStatementTimeoutMs;
  // Ctrl-C or SIGTERM aborts the signal: the ledger query is cancelled on the server before the run exits
  return interruptibleRead(async (signal) => {
    const connection = await connectPostgres(url, {
      ...(timeouts.connectTimeoutMs === undefined ? {} : { connectTimeoutMs: timeouts.connectTimeoutMs }),
      signal,
    });
    const answer = <T>(work: Promise<T>) => withDeadline(work, statementTimeoutMs + 2_000, signal);
    let interrupted = false;
    try {
      await answer(connection.client.query('begin read only'));
      await answer(connection.client.query("select set_config('statement_timeout', $1, true)", [String(statementTimeoutMs)]));
      const read = await answer(readLedger(connection.client, target.kind, options));
      return migrationStatus(compareLedger(disk.migrations, read), read.at, rules);
    } catch (error) {
      if (error instanceof LedgerNotFoundError) throw new UsageError(error.message, { cause: error });
      if (error instanceof QueryInterruptedError) {
        interrupted = true;
        // the query still runs on the server, holding its locks and the connection until its statement timeout
        await connection.cancel().catch(() => {});
        if (error.reason === 'aborted') throw error;
        throw new UsageError(
          `the database stopped answering while reading the migrations ledger (no answer within ${(statementTimeoutMs + 2_000) / 1000} s): check the server and the network, or raise --statement-timeout`,
          { cause: error },
        );
      }
      if (isStatementTimeout(error)) {
        throw new UsageError(
          'could not read the migrations ledger (canceling statement due to statement timeout): a migration running now may hold it locked; wait for it to end, or raise --statement-timeout',
          { cause: error },
        );
      }
      throw error;
    } finally {
      if (!interrupted) await answer(connection.client.query('rollback')).catch(() => {});
      await connection.close().catch(() => {});
    }
  });
}

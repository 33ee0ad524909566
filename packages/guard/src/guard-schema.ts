import type { CheckResult } from '@ormdrift/core';
import type { GuardDatabase } from './database-introspector.ts';
import { checkSchema, type CheckSchemaOptions } from './check-schema.ts';
import { SchemaCheckTimeoutError, SchemaDriftError } from './schema-drift-error.ts';
import { validateGuardOptions } from './validate-options.ts';

/** Where the guard writes: `console` by default; pino, winston and Nest's `Logger` fit. */
export interface GuardLogger {
  warn(message: string): void;
}

// the guard checks the database the app runs on: a database built from migrations is for tests (checkSchema)
export interface GuardOptions extends Omit<CheckSchemaOptions, 'signal' | 'db' | 'migrations'> {
  /** The database: see {@link GuardDatabase}. */
  readonly db: GuardDatabase;
  /**
   * `throw` (default): reject with a {@link SchemaDriftError} when a finding is an error, with a
   * {@link SchemaCheckTimeoutError} on timeout, and with the cause when the check cannot run. `warn`: log all of
   * these through `logger` and resolve: the app starts whatever the database holds.
   */
  readonly mode?: 'throw' | 'warn';
  /** The longest the guard holds startup, in milliseconds, loading the models and reading the database. Default 5000. */
  readonly timeoutMs?: number;
  /** Default `console`. */
  readonly logger?: GuardLogger;
  /** The environment to read `ORMDRIFT_SKIP` from; default `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** How a guarded start went; `throw` mode rejects instead of resolving with `drift` (errors), `timed-out` or `failed`. */
export interface GuardOutcome {
  /** `clean`: no finding; `drift`: findings (logged); `skipped`: ORMDRIFT_SKIP; `timed-out`, `failed`: logged, in `warn` mode. */
  readonly status: 'clean' | 'drift' | 'skipped' | 'timed-out' | 'failed';
  readonly result?: CheckResult;
  readonly error?: Error;
  /** How long the guard held startup, in milliseconds. */
  readonly durationMs: number;
}

/** The default of {@link GuardOptions.timeoutMs}. */
export const defaultGuardTimeoutMs = 5_000;

/**
 * Checks once, at startup, that the database matches the ORM models, and refuses to start (or warns) when it does
 * not. Never holds startup longer than `timeoutMs`: the check is then stopped (a connection it opened from a URL, or
 * asked a `pg.Pool` for, that is still being opened is dropped; a catalog read is cancelled on the server) and no
 * timer is left behind. A connection Sequelize's pool is opening for it is out of reach: it lasts until that pool's
 * own connect timeout (`dialectOptions.connectionTimeoutMillis`), and holds the process open until then.
 * `ORMDRIFT_SKIP=1` skips the check, with one warning line naming the variable on every start, so that a skipped
 * guard cannot go unnoticed. A wrong option (`mode: 'thorw'`, an unknown code in `allow` or `rules`) throws a TypeError
 * (`RuleSettingsError` for `rules`) before anything is read, in either mode. A connection the app owns is borrowed, never ended; a URL is connected to and closed.
 */
export async function guardSchema(options: GuardOptions): Promise<GuardOutcome> {
  validateGuardOptions(options);
  const started = performance.now();
  const logger = options.logger ?? console;
  const mode = options.mode ?? 'throw';
  const elapsed = () => Math.round(performance.now() - started);
  const env = options.env ?? process.env;
  if (isSet(env['ORMDRIFT_SKIP'])) {
    logger.warn(
      `⚠ ormdrift: SCHEMA CHECK SKIPPED because ORMDRIFT_SKIP=${env['ORMDRIFT_SKIP']} is set: drift between the models and the database goes unnoticed until it is unset`,
    );
    return { status: 'skipped', durationMs: elapsed() };
  }

  const timeoutMs = options.timeoutMs ?? defaultGuardTimeoutMs;
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<{ timedOut: SchemaCheckTimeoutError }>((resolve) => {
    timer = setTimeout(() => {
      const error = new SchemaCheckTimeoutError(timeoutMs);
      controller.abort(error);
      resolve({ timedOut: error });
    }, timeoutMs);
  });
  const { mode: _mode, timeoutMs: _timeoutMs, logger: _logger, env: _env, ...checkOptions } = options;
  const running = checkSchema({ ...checkOptions, signal: controller.signal }).then(
    (result) => ({ result }),
    (error: unknown) => ({ error: error instanceof Error ? error : new Error(String(error)) }),
  );
  const settled = await Promise.race([running, timedOut]);
  clearTimeout(timer);

  if ('timedOut' in settled) return fail('timed-out', settled.timedOut);
  if ('error' in settled) {
    // the check saw the abort before the timer's promise won the race
    if (controller.signal.reason instanceof SchemaCheckTimeoutError) return fail('timed-out', controller.signal.reason);
    return fail('failed', settled.error);
  }
  const { result } = settled;
  if (result.findings.length === 0) return { status: 'clean', result, durationMs: elapsed() };
  const drift = new SchemaDriftError(result);
  if (mode === 'throw' && result.summary.errors > 0) throw drift;
  logger.warn(drift.message);
  return { status: 'drift', result, durationMs: elapsed() };

  function fail(status: 'timed-out' | 'failed', error: Error): GuardOutcome {
    if (mode === 'throw') throw error;
    // loud, and saying the app runs unchecked, the same way whatever stopped the check (a timeout, a connection or a
    // loading failure): a warn-mode start must not read as a checked one
    logger.warn(`⚠ ormdrift: the schema check did NOT run, the app starts unchecked: ${error.message.replace(/^ormdrift: /, '')}`);
    return { status, error, durationMs: elapsed() };
  }
}

function isSet(value: string | undefined): boolean {
  return value !== undefined && /^(1|true|yes|on)$/i.test(value.trim());
}

import { defaultImportTimeoutMs } from '../load/import-deadline.ts';
import { parseDuration } from '../parse-duration.ts';

/**
 * The duration options of the commands that connect to a database or import modules, as `parseArgs` takes them:
 * one definition, so that check, fix, diff and status spell, parse and limit them alike.
 */
export const connectionTimeoutOptions = {
  'connect-timeout': { type: 'string' },
  'statement-timeout': { type: 'string' },
} as const;

/** {@link connectionTimeoutOptions} and `--import-timeout`, for the commands that import the app's modules. */
export const timeoutOptions = {
  ...connectionTimeoutOptions,
  'import-timeout': { type: 'string' },
} as const;

/** The `--help` lines of {@link connectionTimeoutOptions}; `what` is what a statement reads ("each catalog query"). */
export function connectionTimeoutUsage(what = 'each catalog query'): string {
  return [
    '  --connect-timeout DURATION    give up connecting after this long (default 10s; 500ms, 10s, 1m)',
    `  --statement-timeout DURATION  limit ${what} (default 10s; ormdrift itself waits 2s more)`,
  ].join('\n');
}

/** The `--help` line of `--import-timeout`; `what` is what it limits. */
export function importTimeoutUsage(what = 'importing each module and building its models'): string {
  return `  --import-timeout DURATION     limit ${what} (default 30s)`;
}

/** The `--help` lines of {@link timeoutOptions}. */
export const timeoutUsage = `${connectionTimeoutUsage()}
${importTimeoutUsage()}`;

/** Milliseconds; undefined where the flag is absent and the callee's default applies. */
export interface Timeouts {
  readonly connectTimeoutMs: number | undefined;
  readonly statementTimeoutMs: number | undefined;
  /** Always set: 30 s when absent. */
  readonly importTimeoutMs: number;
}

/**
 * Reads the timeout flags a command was given (see `parseDuration` for the spellings). Every one is read before
 * anything runs, so a wrong one is said even where its flag would not be used.
 *
 * @throws UsageError for a value that is not a positive duration with its unit.
 */
export function parseTimeouts(values: {
  readonly 'connect-timeout'?: string | undefined;
  readonly 'statement-timeout'?: string | undefined;
  readonly 'import-timeout'?: string | undefined;
}): Timeouts {
  return {
    connectTimeoutMs: parseDuration(values['connect-timeout'], '--connect-timeout'),
    statementTimeoutMs: parseDuration(values['statement-timeout'], '--statement-timeout'),
    importTimeoutMs: parseDuration(values['import-timeout'], '--import-timeout') ?? defaultImportTimeoutMs,
  };
}

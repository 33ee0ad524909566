import { UsageError } from './usage-error.ts';

const units: Record<string, number> = { ms: 1, s: 1_000, m: 60_000 };

/**
 * The longest duration a flag takes, in milliseconds: 2^31 - 1 (INT_MAX), PostgreSQL's maximum for
 * `statement_timeout` (an integer setting in milliseconds, `0 .. INT_MAX` in its GUC table) and the longest delay
 * Node's timers keep (a longer one fires after 1 ms, with a TimeoutOverflowWarning).
 */
export const maximumDurationMs = 2_147_483_647;

/**
 * Reads a duration flag: a number with its unit (`500ms`, `10s`, `1.5m`). Returns milliseconds, or undefined when
 * the flag is absent. Throws a {@link UsageError} for anything else: a bare number (`3` reads as 3 ms to
 * PostgreSQL and as 3 s to most people, so neither is guessed; the message suggests the likely one), zero (which in
 * PostgreSQL means "wait forever"), or more than {@link maximumDurationMs}.
 */
export function parseDuration(text: string | undefined, flag: string): number | undefined {
  if (text === undefined) return undefined;
  if (/^\s*-/.test(text)) throw new UsageError(negativeDuration(flag, text));
  const bare = /^\s*(\d+(?:\.\d+)?)\s*$/.exec(text);
  if (bare && Number(bare[1]) > 0) {
    const number = bare[1]!;
    throw new UsageError(
      `${flag} ${number} has no unit: say ${likelyUnits(Number(number))
        .map((unit) => `${number}${unit}`)
        .join(' or ')}`,
    );
  }
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m)?\s*$/.exec(text);
  const ms = match ? Math.round(Number(match[1]) * units[match[2] ?? 'ms']!) : NaN;
  if (ms > maximumDurationMs) {
    // the limit that binds is the one of what the flag times: the server's setting, or Node's own timer
    const limit =
      flag === '--statement-timeout' ? "PostgreSQL's limit for statement_timeout, INT_MAX milliseconds" : 'the longest timer Node keeps, INT_MAX milliseconds';
    throw new UsageError(`${flag} ${text.trim()} is more than the maximum, ${maximumDurationMs}ms (about 24.8 days: ${limit})`);
  }
  // zero with its unit is a duration, only not one a limit can be
  if (match?.[2] && ms === 0) throw new UsageError(`${flag} ${text.trim()} must be more than 0: e.g. ${flag} 10s (0 would mean no limit)`);
  if (!(ms > 0)) {
    throw new UsageError(`${flag} ${text} is not a duration: give a number with a unit (ms, s or m), e.g. ${flag} 10s (0 would mean no limit)`);
  }
  return ms;
}

/**
 * The units a bare number likely meant, likeliest first: milliseconds from 100 up (what PostgreSQL reads a bare
 * number as; below 100 ms no timeout is meant), seconds up to 600 (ten minutes; `2000` seconds is no likely wait).
 */
function likelyUnits(number: number): string[] {
  const units: string[] = [];
  if (number >= 100) units.push('ms');
  if (number <= 600) units.push('s');
  return units;
}

/** The one line for a negative duration flag (`--statement-timeout -5s`). */
export function negativeDuration(flag: string, text: string): string {
  return `${flag} must be a positive duration, not ${text}: e.g. ${flag} 10s`;
}

/** `500 ms`, `10 s`, `5 min`: a duration for messages (one spelling for the CLI's and the migrations' messages). */
export { formatDuration } from '@ormdrift/migrations';

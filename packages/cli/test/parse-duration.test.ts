import { describe, expect, it } from 'vitest';
import { formatDuration, maximumDurationMs, parseDuration } from '../src/parse-duration.ts';

describe('parseDuration', () => {
  it.each([
    ['500ms', 500],
    ['10s', 10_000],
    ['1.5s', 1_500],
    ['2m', 120_000],
    [' 3 s ', 3_000],
  ])('%s is %d ms', (text, ms) => expect(parseDuration(text, '--statement-timeout')).toBe(ms));

  it('is undefined when the flag is absent', () => expect(parseDuration(undefined, '--statement-timeout')).toBeUndefined());

  it.each(['-1', '-5s', ' -0.5s'])('rejects the negative %j as not a positive duration', (text) =>
    expect(() => parseDuration(text, '--statement-timeout')).toThrow(
      `--statement-timeout must be a positive duration, not ${text}: e.g. --statement-timeout 10s`,
    ),
  );

  it.each([
    // too short to mean milliseconds: seconds
    ['3', '--migration-timeout 3 has no unit: say 3s'],
    [' 1.5 ', '--migration-timeout 1.5 has no unit: say 1.5s'],
    // either reading is a plausible wait: both, milliseconds (PostgreSQL's reading) first
    ['500', '--migration-timeout 500 has no unit: say 500ms or 500s'],
    ['100', '--migration-timeout 100 has no unit: say 100ms or 100s'],
    ['600', '--migration-timeout 600 has no unit: say 600ms or 600s'],
    // 2000 s (33 minutes) is no likely wait: milliseconds only
    ['2000', '--migration-timeout 2000 has no unit: say 2000ms'],
    ['601', '--migration-timeout 601 has no unit: say 601ms'],
  ])('refuses the bare number %j in one line, suggesting its likely unit', (text, message) =>
    expect(() => parseDuration(text, '--migration-timeout')).toThrow(new RegExp(`^${message}$`)),
  );

  it("takes the maximum, 2147483647 ms (PostgreSQL's INT_MAX for statement_timeout), and refuses more naming it", () => {
    expect(parseDuration('2147483647ms', '--statement-timeout')).toBe(maximumDurationMs);
    for (const text of ['99999m', '2147483648ms', '9999999999s'])
      expect(() => parseDuration(text, '--statement-timeout')).toThrow(
        new RegExp(
          `^--statement-timeout ${text} is more than the maximum, 2147483647ms \\(about 24\\.8 days: PostgreSQL's limit for statement_timeout, INT_MAX milliseconds\\)$`,
        ),
      );
  });

  it.each([
    [500, '500 ms'],
    [10_000, '10 s'],
    [1_500, '1.5 s'],
    [300_000, '5 min'],
    [90_000, '90 s'],
  ])('formats %d ms as %s', (ms, text) => expect(formatDuration(ms)).toBe(text));

  it('rejects "0s": a limit must be more than 0', () =>
    expect(() => parseDuration('0s', '--import-timeout')).toThrow(/^--import-timeout 0s must be more than 0: e\.g\. --import-timeout 10s/));

  it.each(['0', 'ten', '10h', '', '1e3'])('rejects %j in one line naming the flag', (text) =>
    expect(() => parseDuration(text, '--import-timeout')).toThrow(
      new RegExp(`^--import-timeout ${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is not a duration`),
    ),
  );
});

import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from '../src/parse-duration.ts';

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
    ['3', '--migration-timeout 3 has no unit: say 3s or 3000ms'],
    ['500', '--migration-timeout 500 has no unit: say 500s or 500000ms'],
    [' 1.5 ', '--migration-timeout 1.5 has no unit: say 1.5s or 1500ms'],
  ])('refuses the bare number %j in one line', (text, message) => expect(() => parseDuration(text, '--migration-timeout')).toThrow(message));

  it.each([
    [500, '500 ms'],
    [10_000, '10 s'],
    [1_500, '1.5 s'],
    [300_000, '5 min'],
    [90_000, '90 s'],
  ])('formats %d ms as %s', (ms, text) => expect(formatDuration(ms)).toBe(text));

  it.each(['0', '0s', 'ten', '10h', '', '1e3', '9999999999s'])('rejects %j in one line naming the flag', (text) =>
    expect(() => parseDuration(text, '--import-timeout')).toThrow(
      new RegExp(`^--import-timeout ${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is not a duration`),
    ),
  );
});

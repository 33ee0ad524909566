import { describe, expect, it } from 'vitest';
import { parseDuration } from '../src/parse-duration.ts';

describe('parseDuration', () => {
  it.each([
    ['500', 500],
    ['500ms', 500],
    ['10s', 10_000],
    ['1.5s', 1_500],
    ['2m', 120_000],
    [' 3 s ', 3_000],
  ])('%s is %d ms', (text, ms) => expect(parseDuration(text, '--statement-timeout')).toBe(ms));

  it('is undefined when the flag is absent', () => expect(parseDuration(undefined, '--statement-timeout')).toBeUndefined());

  it.each(['0', '0s', '-1', 'ten', '10h', '', '1e3', '9999999999'])('rejects %j in one line naming the flag', (text) =>
    expect(() => parseDuration(text, '--import-timeout')).toThrow(
      new RegExp(`^--import-timeout ${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is not a duration`),
    ),
  );
});

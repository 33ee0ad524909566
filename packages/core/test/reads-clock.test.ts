import { describe, expect, it } from 'vitest';
import { parseColumnType, readsClock } from '@ormdrift/core';

const date = parseColumnType('date');
const text = parseColumnType('text');

describe('readsClock: a default whose value depends on when it is read', () => {
  it.each([
    ['now()', date],
    ['CURRENT_DATE', date],
    ['CURRENT_TIMESTAMP', parseColumnType('timestamp with time zone')],
    ['LOCALTIME(2)', parseColumnType('time(2) without time zone')],
    ['localtimestamp', parseColumnType('timestamp without time zone')],
    ['pg_catalog.now()', date],
    ['clock_timestamp()', date],
    ["(now() + '30 days'::interval)", parseColumnType('timestamp with time zone')],
    ["('now'::text)::date", date],
    ["('now'::text)::time(0) without time zone", parseColumnType('time(0) without time zone')],
    ["'today'", date],
    ["' Tomorrow '::timestamp without time zone", parseColumnType('timestamp without time zone')],
    ["'{now}'::date[]", parseColumnType('date[]')],
  ])('%s reads the clock', (expression, type) => {
    expect(readsClock(expression, type)).toBe(true);
  });

  it.each([
    ["'2026-12-01'::date", date],
    ["('2026-12-01'::text)::date", date],
    ["'epoch'::date", date],
    ["'now'::text", text],
    ["('now'::text)", text],
    ["'nowhere'::date", date],
    ['"now"', text],
    ['my_schema.now()', date],
    ['"current_date"', text],
    ['nextval(\'"now_seq"\'::regclass)', parseColumnType('integer')],
  ])('%s does not', (expression, type) => {
    expect(readsClock(expression, type)).toBe(false);
  });

  it('no default reads nothing', () => {
    expect(readsClock(null, date)).toBe(false);
  });
});

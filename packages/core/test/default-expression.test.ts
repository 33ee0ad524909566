import { describe, expect, it } from 'vitest';
import { canonicalDefault, parseColumnType } from '@ormdrift/core';

/**
 * Each group is one default of a column of the given type, spelled first as a model or migration
 * writes it and then as `pg_get_expr()` returns it (or another ORM spells it). All must compare equal.
 */
const equivalent: readonly { readonly meaning: string; readonly type: string; readonly spellings: readonly string[] }[] = [
  { meaning: 'a varchar literal', type: 'character varying(20)', spellings: [`'active'`, `'active'::character varying`, `'active'::character varying(20)`] },
  { meaning: 'a char literal', type: 'character(2)', spellings: [`'US'`, `'US'::bpchar`] },
  { meaning: 'a negative integer', type: 'integer', spellings: [`-1`, `'-1'::integer`, `(-1)`, `('-1'::integer)::integer`] },
  { meaning: 'zero', type: 'integer', spellings: [`0`, `'0'`, `'0'::integer`] },
  { meaning: 'a decimal, whatever its trailing zeros', type: 'numeric(10,2)', spellings: [`1.5`, `'1.50'::numeric`, `'1.5'`] },
  { meaning: 'an empty jsonb object', type: 'jsonb', spellings: [`'{}'`, `'{}'::jsonb`] },
  { meaning: 'a jsonb object, whatever its key order and spacing', type: 'jsonb', spellings: [`'{"b":1,"a":2}'`, `'{"a": 2, "b": 1}'::jsonb`] },
  { meaning: 'an empty text array', type: 'text[]', spellings: [`'{}'`, `'{}'::text[]`, `ARRAY[]::text[]`] },
  { meaning: 'an empty varchar array', type: 'character varying(255)[]', spellings: [`'{}'`, `(ARRAY[]::character varying[])::character varying(255)[]`] },
  { meaning: 'an enum label', type: 'accounts_role_enum', spellings: [`'member'`, `'member'::accounts_role_enum`, `'member'::"public"."Accounts_role_enum"`] },
  {
    meaning: 'the current timestamp',
    type: 'timestamp with time zone',
    spellings: [`now()`, `CURRENT_TIMESTAMP`, `current_timestamp`, `('now'::text)::timestamp(3) with time zone`, `('now'::text)::timestamp without time zone`],
  },
  { meaning: 'the current date', type: 'date', spellings: [`CURRENT_DATE`, `('now'::text)::date`] },
  { meaning: 'a serial sequence', type: 'integer', spellings: [`nextval('users_id_seq'::regclass)`, `nextval('"Users_id_seq"'::regclass)`] },
  { meaning: 'a random uuid', type: 'uuid', spellings: [`uuid_generate_v4()`, `gen_random_uuid()`] },
  // 't'::boolean is how a boolean literal may be written; PostgreSQL reads it as true.
  { meaning: 'true', type: 'boolean', spellings: [`true`, `TRUE`, `'t'::boolean`, `'true'::boolean`] },
  { meaning: 'false', type: 'boolean', spellings: [`false`, `'f'::boolean`] },
  {
    meaning: 'a timestamptz written without an offset, read in UTC as the introspector pins it',
    type: 'timestamp with time zone',
    spellings: [`'2024-01-02 03:04:05'`, `'2024-01-02 03:04:05+00'::timestamp with time zone`],
  },
  // values PostgreSQL stores in another spelling than the one written
  {
    meaning: 'an hour',
    type: 'interval',
    spellings: [`'1 hour'`, `'01:00:00'::interval`, `INTERVAL '1 hour'`, `'60 minutes'::interval`, `'PT1H'`, `'@ 3600 secs'`],
  },
  { meaning: 'thirty days', type: 'interval', spellings: [`INTERVAL '30 days'`, `'30 days'::interval`, `interval '30 day'`] },
  { meaning: 'a year and a half', type: 'interval', spellings: [`'1.5 years'`, `'1 year 6 mons'::interval`, `'18 months'`] },
  { meaning: 'a day and two hours', type: 'interval', spellings: [`'1 day 2 hours'`, `'1 day 02:00:00'::interval`, `'1 02:00:00'`, `'P1DT2H'`] },
  { meaning: 'minus a day', type: 'interval', spellings: [`'-1 day'`, `'-1 days'::interval`, `'1 day ago'`] },
  {
    meaning: 'now plus thirty days',
    type: 'timestamp with time zone',
    spellings: [`CURRENT_TIMESTAMP + INTERVAL '30 days'`, `(CURRENT_TIMESTAMP + '30 days'::interval)`, `(now() + '30 days'::interval)`],
  },
  { meaning: 'now plus a day', type: 'timestamp with time zone', spellings: [`now() + interval '1 day'`, `(now() + '1 day'::interval)`] },
  { meaning: 'now plus an hour', type: 'timestamp without time zone', spellings: [`now() + interval '1 hour'`, `(now() + '01:00:00'::interval)`] },
  {
    meaning: 'a typed timestamp literal',
    type: 'timestamp without time zone',
    spellings: [`TIMESTAMP '2024-01-01'`, `'2024-01-01 00:00:00'::timestamp without time zone`],
  },
  { meaning: 'a typed date literal', type: 'date', spellings: [`DATE '2024-01-01'`, `'2024-01-01'::date`] },
  { meaning: 'zero money', type: 'money', spellings: [`0`, `'$0.00'::money`, `'0'`] },
  { meaning: 'money with grouping', type: 'money', spellings: [`1000.5`, `'$1,000.50'::money`] },
  { meaning: 'negative money', type: 'money', spellings: [`-1`, `'-$1.00'::money`] },
  { meaning: 'a bit string', type: 'bit(3)', spellings: [`B'101'`, `'101'::"bit"`, `'101'`, `b'101'::bit(3)`] },
  { meaning: 'a hex bit string', type: 'bit varying', spellings: [`X'A'`, `'1010'::bit varying`] },
  { meaning: 'a small double', type: 'double precision', spellings: [`1e-7`, `0.0000001`, `'1e-07'::double precision`, `1E-7`] },
  { meaning: 'a small real', type: 'real', spellings: [`0.0000001`, `'1e-07'::real`] },
  { meaning: 'a double', type: 'double precision', spellings: [`1.5`, `'1.5'::double precision`, `1.50`, `DOUBLE PRECISION '1.5'`] },
  { meaning: 'an exponent in a numeric', type: 'numeric', spellings: [`1e-7`, `0.0000001`, `'0.00000010'::numeric`] },
  { meaning: 'a large exponent in an integer', type: 'integer', spellings: [`1e3`, `1000`, `'1000'::integer`] },
  { meaning: 'a boolean spelled yes', type: 'boolean', spellings: [`true`, `'yes'::boolean`, `'on'`, `'1'::boolean`] },
];

/** Defaults of a column of the given type that mean different things and must not compare equal. */
const different: readonly (readonly [type: string, a: string, b: string])[] = [
  ['character varying', `'active'`, `'inactive'`],
  ['character varying', `'active'::character varying`, `'Active'::character varying`],
  ['integer', `0`, `1`],
  ['integer', `-1`, `1`],
  ['numeric', `1.5`, `1.05`],
  // A literal 'now' timestamp is frozen when the table is created: it is not now().
  ['timestamp without time zone', `now()`, `'2024-01-01 00:00:00'::timestamp without time zone`],
  ['timestamp with time zone', `now()`, `clock_timestamp()`],
  ['text', `'it''s'`, `'its'`],
  ['boolean', `true`, `false`],
  ['jsonb', `'{}'::jsonb`, `'[]'::jsonb`],
  ['jsonb', `'{"a":1}'::jsonb`, `'{"a":"1"}'::jsonb`],
  // json and text keep their text as written: key order is part of the value
  ['text', `'{"b":1,"a":2}'::text`, `'{"a":2,"b":1}'::text`],
  ['text[]', `'{}'::text[]`, `'{a}'::text[]`],
  ['uuid', `gen_random_uuid()`, `uuid_generate_v1()`],
  ['integer', `nextval('users_id_seq'::regclass)`, `0`],
  ['character varying', `''::character varying`, `'-'::character varying`],
  // a varchar default '007' (a code with leading zeros) is not '7', nor '1.50' '1.5'
  ['character varying', `'007'::character varying`, `'7'::character varying`],
  ['character varying', `'1.50'::character varying`, `'1.5'`],
  ['text', `'a  b'::text`, `'a b'::text`],
  // PostgreSQL keeps days and hours apart: '1 day' and '24 hours' are not one interval
  ['interval', `'1 day'`, `'24:00:00'::interval`],
  ['interval', `'1 hour'`, `'01:00:01'::interval`],
  ['interval', `'1 mon'`, `'30 days'::interval`],
  ['timestamp with time zone', `now() + interval '1 day'`, `(now() + '2 days'::interval)`],
  ['timestamp with time zone', `now() + interval '1 day'`, `(now() - '1 day'::interval)`],
  ['money', `0`, `'$0.01'::money`],
  ['bit(3)', `B'101'`, `'100'::"bit"`],
  ['double precision', `1e-7`, `'1e-06'::double precision`],
  ['numeric', `1e-7`, `0.000001`],
  // interval text in a text column is text
  ['text', `'1 hour'`, `'01:00:00'::text`],
];

describe('canonicalDefault', () => {
  const pairs = equivalent.flatMap(({ meaning, type, spellings }) => spellings.slice(1).map((other) => [meaning, type, spellings[0]!, other] as const));

  it.each(pairs)('%s (%s): %s ≡ %s', (_, type, a, b) => {
    expect(canonicalDefault(b, parseColumnType(type))).toBe(canonicalDefault(a, parseColumnType(type)));
  });

  it.each(different)('%s: %s ≢ %s', (type, a, b) => {
    expect(canonicalDefault(a, parseColumnType(type))).not.toBe(canonicalDefault(b, parseColumnType(type)));
  });

  it.each([null, undefined, 'NULL', 'null', 'NULL::character varying', '   '])('%j is no default at all', (expression) => {
    expect(canonicalDefault(expression, parseColumnType('character varying'))).toBeNull();
  });

  it('keeps an empty string, which is a default, apart from no default', () => {
    expect(canonicalDefault(`''::character varying`, parseColumnType('character varying'))).not.toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { canonicalDefault, parseColumnType } from '@ormdrift/core';

/**
 * Each group is one default, spelled first as a model or migration writes it and then as
 * `pg_get_expr()` returns it (or another ORM spells it). All must compare equal.
 */
const equivalent: readonly { readonly meaning: string; readonly spellings: readonly string[] }[] = [
  { meaning: 'a varchar literal', spellings: [`'active'`, `'active'::character varying`, `'active'::character varying(20)`] },
  { meaning: 'a char literal', spellings: [`'US'`, `'US'::bpchar`] },
  { meaning: 'a negative integer', spellings: [`-1`, `'-1'::integer`, `(-1)`] },
  { meaning: 'zero', spellings: [`0`, `'0'`, `'0'::integer`] },
  { meaning: 'an empty jsonb object', spellings: [`'{}'`, `'{}'::jsonb`] },
  { meaning: 'an empty text array', spellings: [`'{}'`, `'{}'::text[]`] },
  { meaning: 'an empty varchar array', spellings: [`'{}'`, `(ARRAY[]::character varying[])::character varying(255)[]`] },
  { meaning: 'an enum label', spellings: [`'member'`, `'member'::accounts_role_enum`, `'member'::"public"."Accounts_role_enum"`] },
  {
    meaning: 'the current timestamp',
    spellings: [`now()`, `CURRENT_TIMESTAMP`, `current_timestamp`, `('now'::text)::timestamp(3) with time zone`, `('now'::text)::timestamp without time zone`],
  },
  { meaning: 'the current date', spellings: [`CURRENT_DATE`, `('now'::text)::date`] },
  { meaning: 'a serial sequence', spellings: [`nextval('users_id_seq'::regclass)`, `nextval('"Users_id_seq"'::regclass)`] },
  { meaning: 'a random uuid', spellings: [`uuid_generate_v4()`, `gen_random_uuid()`] },
  // 't'::boolean is how a boolean literal may be written; PostgreSQL reads it as true.
  { meaning: 'true', spellings: [`true`, `TRUE`, `'t'::boolean`, `'true'::boolean`] },
  { meaning: 'false', spellings: [`false`, `'f'::boolean`] },
  { meaning: 'a JSON object, whatever its key order and spacing', spellings: [`'{"b":1,"a":2}'`, `'{"a": 2, "b": 1}'::jsonb`] },
  { meaning: 'a decimal, whatever its trailing zeros', spellings: [`1.5`, `'1.50'::numeric`] },
];

/** Defaults that mean different things and must not compare equal. */
const different: readonly (readonly [string, string])[] = [
  [`'active'`, `'inactive'`],
  [`'active'::character varying`, `'Active'::character varying`],
  [`0`, `1`],
  [`-1`, `1`],
  [`1.5`, `1.05`],
  // A literal 'now' timestamp is frozen when the table is created: it is not now().
  [`now()`, `'2024-01-01 00:00:00'::timestamp without time zone`],
  [`now()`, `clock_timestamp()`],
  [`'it''s'`, `'its'`],
  [`true`, `false`],
  [`'{}'::jsonb`, `'[]'::jsonb`],
  [`'{"a":1}'::jsonb`, `'{"a":"1"}'::jsonb`],
  [`'{}'::text[]`, `'{a}'::text[]`],
  [`gen_random_uuid()`, `uuid_generate_v1()`],
  [`nextval('users_id_seq'::regclass)`, `0`],
  [`''::character varying`, `'-'::character varying`],
];

describe('canonicalDefault', () => {
  const pairs = equivalent.flatMap(({ meaning, spellings }) => spellings.slice(1).map((other) => [meaning, spellings[0]!, other] as const));

  it.each(pairs)('%s: %s ≡ %s', (_, a, b) => {
    expect(canonicalDefault(b)).toBe(canonicalDefault(a));
  });

  it.each(different)('%s ≢ %s', (a, b) => {
    expect(canonicalDefault(a)).not.toBe(canonicalDefault(b));
  });

  it.each([null, undefined, 'NULL', 'null', 'NULL::character varying', '   '])('%j is no default at all', (expression) => {
    expect(canonicalDefault(expression)).toBeNull();
  });

  it('keeps an empty string, which is a default, apart from no default', () => {
    expect(canonicalDefault(`''::character varying`)).not.toBeNull();
  });

  // A varchar default '007' (a zip code, a code with leading zeros) is not '7', while a quoted number
  // and PostgreSQL's folded constant are one value.
  it(`'007'::character varying ≢ '7'::character varying, yet '0' ≡ 0 and '1.50'::numeric ≡ 1.5`, () => {
    expect(canonicalDefault(`'007'::character varying`)).not.toBe(canonicalDefault(`'7'::character varying`));
    expect(canonicalDefault(`'0'`)).toBe(canonicalDefault(`0`));
    expect(canonicalDefault(`'1.50'::numeric`)).toBe(canonicalDefault(`1.5`));
  });

  it(`'1.50' ≢ '1.5' in a varchar column, though 1.50 ≡ 1.5 in a numeric one`, () => {
    const varchar = parseColumnType('character varying');
    expect(canonicalDefault(`'1.50'::character varying`, varchar)).not.toBe(canonicalDefault(`'1.5'`, varchar));
    const numeric = parseColumnType('numeric(10,2)');
    expect(canonicalDefault(`1.50`, numeric)).toBe(canonicalDefault(`'1.5'`, numeric));
  });

  it(`'a  b'::text ≢ 'a b'::text`, () => {
    expect(canonicalDefault(`'a  b'::text`)).not.toBe(canonicalDefault(`'a b'::text`));
  });
});

import { describe, expect, it } from 'vitest';
import { canonicalDefault, parseColumnType } from '@ormdrift/core';

/**
 * Defaults whose literal PostgreSQL rewrites for the column's type: first as an ORM writes it
 * (drizzle-kit here), then as `pg_get_expr()` returns it. Each group must compare equal in a
 * column of that type, and each `different` pair must not.
 */
const equivalent: readonly { readonly type: string; readonly spellings: readonly string[] }[] = [
  { type: 'character varying(30)[]', spellings: [`'{"primary","a b"}'`, `'{primary,"a b"}'::character varying[]`] },
  { type: 'text[]', spellings: [`'{"a","b"}'`, `'{a,b}'::text[]`, `'{a, b}'`] },
  { type: 'text[]', spellings: [`'{"","NULL","x\\"y","c,d"}'`, `'{"","NULL","x\\"y","c,d"}'::text[]`] },
  { type: 'text[]', spellings: [`'{NULL,a}'`, `'{null,"a"}'::text[]`] },
  { type: 'boolean[]', spellings: [`'{true,false}'`, `'{t,f}'::boolean[]`] },
  { type: 'integer[][]', spellings: [`'{{1,2},{3,4}}'`, `'{{1,2},{3,4}}'::integer[]`] },
  { type: 'timestamp without time zone', spellings: [`'2024-01-02 03:04:05.000'`, `'2024-01-02 03:04:05'::timestamp without time zone`] },
  { type: 'timestamp(3) without time zone', spellings: [`'2024-01-02 03:04:05.120'`, `'2024-01-02 03:04:05.12'::timestamp without time zone`] },
  // a timestamp without time zone drops the offset of its input
  { type: 'timestamp without time zone', spellings: [`'2024-01-02T03:04:05.000Z'`, `'2024-01-02 03:04:05'::timestamp without time zone`] },
  // an instant, printed in the session's time zone
  {
    type: 'timestamp with time zone',
    spellings: [`'2024-01-02T03:04:05.000Z'`, `'2024-01-02 03:04:05+00'::timestamp with time zone`, `'2024-01-02 04:04:05+01'::timestamp with time zone`],
  },
  { type: 'timestamp without time zone[]', spellings: [`'{"2024-01-02 03:04:05.000"}'`, `'{"2024-01-02 03:04:05"}'::timestamp without time zone[]`] },
];

const different: readonly (readonly [type: string, a: string, b: string])[] = [
  ['text[]', `'{"a b"}'`, `'{a,b}'::text[]`],
  // a quoted "NULL" is the string NULL, a bare one is a null element
  ['text[]', `'{"NULL"}'`, `'{NULL}'::text[]`],
  ['text[]', `'{a,b}'`, `'{b,a}'::text[]`],
  ['timestamp without time zone', `'2024-01-02 03:04:05.001'`, `'2024-01-02 03:04:05'::timestamp without time zone`],
  ['timestamp with time zone', `'2024-01-02T03:04:05.000Z'`, `'2024-01-02 03:04:05+01'::timestamp with time zone`],
  // outside an array column, braces are just text
  ['text', `'{"a"}'`, `'{a}'::text`],
];

describe('canonicalDefault of literals PostgreSQL rewrites for their type', () => {
  const pairs = equivalent.flatMap(({ type, spellings }) => spellings.slice(1).map((other) => [type, spellings[0]!, other] as const));

  it.each(pairs)('%s: %s ≡ %s', (type, a, b) => {
    const column = parseColumnType(type);
    expect(canonicalDefault(b, column)).toBe(canonicalDefault(a, column));
  });

  it.each(different)('%s: %s ≢ %s', (type, a, b) => {
    const column = parseColumnType(type);
    expect(canonicalDefault(a, column)).not.toBe(canonicalDefault(b, column));
  });

  it('leaves a malformed array literal as it is written', () => {
    expect(canonicalDefault(`'{"a'`, parseColumnType('text[]'))).toBe(`'{"a'`);
  });
});

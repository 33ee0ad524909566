import { describe, expect, it } from 'vitest';
import { canonicalDefault, parseColumnType } from '@ormdrift/core';

/**
 * Array defaults written as an `ARRAY[...]` constructor (Sequelize's spelling) and as
 * `pg_get_expr()` prints them back, or as a literal a migration may write: one value each.
 */
const equivalent: readonly { readonly type: string; readonly spellings: readonly string[] }[] = [
  { type: 'integer[]', spellings: ['ARRAY[7,13]::INTEGER[]', 'ARRAY[7, 13]', `'{7,13}'::integer[]`] },
  {
    type: 'character varying(30)[]',
    spellings: [`ARRAY['x','y z']::VARCHAR(30)[]`, `ARRAY['x'::character varying(30), 'y z'::character varying(30)]`, `'{x,"y z"}'::character varying[]`],
  },
  { type: 'boolean[]', spellings: ['ARRAY[true,false]::BOOLEAN[]', 'ARRAY[true, false]', `'{t,f}'::boolean[]`] },
  { type: 'numeric[]', spellings: ['ARRAY[1.5,-2]::DECIMAL[]', `ARRAY[1.5, ('-2'::integer)::numeric]`] },
  { type: 'text[]', spellings: [`ARRAY['it''s','a,b']::TEXT[]`, `ARRAY['it''s'::text, 'a,b'::text]`, `'{it''s,"a,b"}'::text[]`] },
];

const different: readonly (readonly [type: string, a: string, b: string])[] = [
  ['integer[]', 'ARRAY[7,13]::INTEGER[]', 'ARRAY[13, 7]'],
  ['text[]', `ARRAY['a,b']::TEXT[]`, `'{a,b}'::text[]`],
];

describe('canonicalDefault: ARRAY[...] constructors', () => {
  it.each(equivalent)('$type: $spellings.0 is one value in every spelling', ({ type, spellings }) => {
    const column = parseColumnType(type);
    const [first, ...rest] = spellings.map((spelling) => canonicalDefault(spelling, column));
    for (const other of rest) expect(other).toBe(first);
  });

  it.each(different)('%s: %s differs from %s', (type, a, b) => {
    const column = parseColumnType(type);
    expect(canonicalDefault(a, column)).not.toBe(canonicalDefault(b, column));
  });

  it('leaves a constructor of expressions alone', () => {
    expect(canonicalDefault('ARRAY[now(), now()]', parseColumnType('timestamp with time zone[]'))).toBe('array[now(), now()]');
  });
});

import { describe, expect, it } from 'vitest';
import { checkRelation } from '@ormdrift/core';

describe('checkRelation: which way a database check of one bound differs from the declared one', () => {
  it.each([
    ['qty > 0', '(qty > 5)', 'stricter'],
    ['qty > 0', '(qty >= 0)', 'looser'],
    ['"qty" > 0', '(0 <= qty)', 'looser'],
    ['qty <= 12', '(qty <= 20)', 'looser'],
    ['qty <= 12', '(qty < 12)', 'stricter'],
    ['qty >= 0', '(qty = 3)', 'stricter'],
    ['"items"."qty" > 0', '(items.qty > 5)', 'stricter'],
    ['"total" >= 0', '(total > (0)::numeric)', 'stricter'],
    ['"total" >= 0', `(total >= ('-1'::integer)::numeric)`, 'looser'],
    ['price > 0.5', `(price > '0.25'::numeric)`, 'looser'],
  ])('model %s, database %s: %s', (declared, held, relation) => {
    expect(checkRelation(declared, held)).toBe(relation);
  });

  it.each([
    // neither admits all the other does
    ['qty > 0', '(qty < 100)'],
    // another column
    ['qty > 0', '(amount > 5)'],
    // two bounds, an expression, a non-number: not decided
    ['qty > 0 AND qty <= 12', '((qty > 0) AND (qty <= 20))'],
    ['qty > 0', '((qty + 1) > 5)'],
    [`name > 'a'`, `(name > 'b'::text)`],
    ['qty <> 0', '(qty > 0)'],
    // the same rows
    ['qty > 0', '(qty > 0)'],
  ])('model %s, database %s: unknown', (declared, held) => {
    expect(checkRelation(declared, held)).toBe('unknown');
  });

  it('compares whole numbers on a whole-number column: qty > 0 and qty >= 1 admit the same rows', () => {
    expect(checkRelation('qty > 0', '(qty >= 1)', new Set(['qty']))).toBe('unknown');
    expect(checkRelation('qty > 0', '(qty >= 2)', new Set(['qty']))).toBe('stricter');
    expect(checkRelation('qty > 0', '(qty >= 1)')).toBe('stricter');
  });
});

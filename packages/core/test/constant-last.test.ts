import { describe, expect, it } from 'vitest';
import { constantLast, samePredicate } from '@ormdrift/core';

describe('constantLast: a comparison written constant-first reads as its mirror', () => {
  it.each([
    ['0 < qty', 'qty > 0'],
    ['(0 < items.qty)', '(items.qty > 0)'],
    ['(0 <= qty)', '(qty >= 0)'],
    ['(10 > qty)', '(qty < 10)'],
    ['(10 >= qty)', '(qty <= 10)'],
    ['(0 = qty)', '(qty = 0)'],
    ['(0 <> qty)', '(qty <> 0)'],
    [`('-1'::integer < items.qty)`, `(items.qty > '-1'::integer)`],
    [`(-1.5 < "Qty")`, `("Qty" > -1.5)`],
    [`('a'::text < (items.name)::text)`, `((items.name)::text > 'a'::text)`],
    [`('2020-01-01 00:00:00'::timestamp without time zone <= items.at)`, `(items.at >= '2020-01-01 00:00:00'::timestamp without time zone)`],
    [`(0 < length(items.name))`, `(length(items.name) > 0)`],
    ['((0 < qty) AND (qty < 100))', '((qty > 0) AND (qty < 100))'],
    ['0 < qty AND 100 > qty', 'qty > 0 AND qty < 100'],
    ['((0 < a) OR (0 < b))', '((a > 0) OR (b > 0))'],
    [`(('x'::text = kind) AND ((0 < a) OR (b IS NULL)))`, `((kind = 'x'::text) AND ((a > 0) OR (b IS NULL)))`],
  ])('%s is %s', (written, turned) => {
    expect(constantLast(written)).toBe(turned);
  });

  it.each([
    'qty > 0',
    '(items.qty > 0)',
    '(0 < 1)',
    '(0 < qty + 1)',
    '(0 = ANY (ids))',
    `('{}' @> tags)`,
    `('{}' <@ tags)`,
    `(0 < qty OR flag)`,
    `(0 < qty IS TRUE)`,
    `('a' ~~ name)`,
    `(0 OPERATOR(s.<) qty)`,
    `(label = '(0 < qty)')`,
    `(name = '0 < qty')`,
    `("a""b" > 0)`,
    '(0 < qty',
  ])('%s is left as written', (text) => {
    expect(constantLast(text)).toBe(text);
  });

  it('turns only what stands outside quotes', () => {
    expect(constantLast(`(('0 < x' = label) AND (0 < qty))`)).toBe(`((label = '0 < x') AND (qty > 0))`);
  });

  it('makes a commuted predicate the same as the declared one', () => {
    expect(samePredicate('qty > 0', '(0 < qty)')).toBe(true);
    expect(samePredicate('"c" > 0', '(0 < "c")')).toBe(true);
    expect(samePredicate('qty > 0', '(0 > qty)')).toBe(false);
    expect(samePredicate('qty > 0', '(0 <= qty)')).toBe(false);
  });
});

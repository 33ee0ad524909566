import { describe, expect, it } from 'vitest';
import { orderedOperands } from '../src/predicate/operand-order.ts';
import { samePredicate } from '../src/predicate/predicate-text.ts';

describe('orderedOperands', () => {
  it('orders the terms of an OR chain and of an AND chain, at every depth', () => {
    expect(orderedOperands('((b > 0) OR (a > 0))')).toBe('((a > 0) OR (b > 0))');
    expect(orderedOperands('(c = 1) AND ((b > 0) OR (a > 0))')).toBe('((a > 0) OR (b > 0)) AND (c = 1)');
  });

  it('orders the list an IN becomes, as the server deparses it', () => {
    expect(orderedOperands("(status = ANY (ARRAY['y'::text, 'x'::text]))")).toBe("(status = ANY (ARRAY['x'::text, 'y'::text]))");
    expect(orderedOperands("(status = ANY ('{y,x}'::text[]))")).toBe("(status = ANY ('{x,y}'::text[]))");
    expect(orderedOperands("(status <> ALL (ARRAY['y'::text, 'x'::text]))")).toBe("(status <> ALL (ARRAY['x'::text, 'y'::text]))");
  });

  it('leaves what order may matter in, or what it cannot read, as written', () => {
    // a chain mixing AND and OR at one level
    expect(orderedOperands('b > 0 OR a > 0 AND c > 0')).toBe('b > 0 OR a > 0 AND c > 0');
    // an array compared whole: its order is its value
    expect(orderedOperands("(tags = (ARRAY['b'::text, 'a'::text]))")).toBe("(tags = (ARRAY['b'::text, 'a'::text]))");
    // an array literal with quoted elements
    expect(orderedOperands(`(s = ANY ('{"b,c",a}'::text[]))`)).toBe(`(s = ANY ('{"b,c",a}'::text[]))`);
    // words inside quotes and names are no operators
    expect(orderedOperands(`(note = 'b or a')`)).toBe(`(note = 'b or a')`);
    expect(orderedOperands('((b > 0) OR (a > 0)')).toBe('((b > 0) OR (a > 0)');
  });

  it('makes a reordered IN list or OR chain the same predicate, and a changed one not', () => {
    expect(samePredicate("status IN ('x', 'y')", "status IN ('y', 'x')")).toBe(true);
    expect(samePredicate('(a > 0) OR (b > 0)', '(b > 0) OR (a > 0)')).toBe(true);
    expect(samePredicate("status IN ('x', 'y')", "status IN ('x', 'z')")).toBe(false);
    expect(samePredicate('a > 0 OR b > 0', 'a > 0 AND b > 0')).toBe(false);
  });
});

import { readOnlyComparison, type ComparisonOptions } from './read-only-comparison.ts';
import { constantLast, orderedOperands, type PredicatePair } from '@ormdrift/core';
import type { Queryable } from '../introspect/queryable.ts';

/**
 * Compares partial-index predicates as PostgreSQL itself reads them: each predicate is planned (never
 * run) as the filter of a sequential scan of its table, `EXPLAIN (VERBOSE) SELECT FROM ONLY t WHERE
 * (predicate)`, and two predicates are one when the server deparses both to the same filter, after
 * the same parse analysis, implicit casts and constant folding it applies to a stored index predicate.
 * The server keeps the order a comparison was written in: each filter is read with its constant-first
 * comparisons turned constant-last (`constantLast`), so that `(0 < qty)` and `(qty > 0)` are one, as the
 * planner itself proves them, and its AND/OR terms and IN lists in one order (`orderedOperands`).
 *
 * Everything runs inside a READ ONLY transaction that is always rolled back; each statement goes
 * through the extended protocol (it carries a parameter), which accepts one statement only, so a
 * predicate's text cannot smuggle in another command; EXPLAIN without ANALYZE executes nothing.
 * A predicate the server cannot plan (a missing column, a syntax error) leaves its pair undecided,
 * inside a savepoint so that the others still run. Resolves to one verdict per pair: true, false or
 * undefined. Throws nothing.
 */
export async function comparePredicates(client: Queryable, pairs: readonly PredicatePair[], options: ComparisonOptions = {}): Promise<(boolean | undefined)[]> {
  if (pairs.length === 0) return [];
  // a sequential scan keeps the whole predicate as its filter; an index scan would fold it into the index
  const sequentialScan = ['enable_indexscan', 'enable_bitmapscan', 'enable_indexonlyscan'].map((setting) => `set local ${setting} = off`);
  return readOnlyComparison(client, pairs.length, options, sequentialScan, async () => {
    const filters = new Map<string, string | undefined>();
    const filter = async (table: PredicatePair['table'], predicate: string): Promise<string | undefined> => {
      const key = `${table.schema}\u0000${table.name}\u0000${predicate}`;
      if (filters.has(key)) return filters.get(key);
      options.signal?.throwIfAborted();
      const relation = `${quoteIdentifier(table.schema)}.${quoteIdentifier(table.name)}`;
      await client.query('savepoint ormdrift_predicate');
      let result: string | undefined;
      try {
        const rows = (await client.query(`explain (verbose, costs off, format json) select from only ${relation} where (${predicate}) and $1::boolean`, [true]))
          .rows;
        result = planFilter(rows);
        await client.query('release savepoint ormdrift_predicate');
      } catch {
        await client.query('rollback to savepoint ormdrift_predicate');
        result = undefined;
      }
      filters.set(key, result);
      return result;
    };
    const verdicts: (boolean | undefined)[] = [];
    for (const pair of pairs) {
      const expected = await filter(pair.table, pair.expected);
      const actual = await filter(pair.table, pair.actual);
      verdicts.push(expected === undefined || actual === undefined ? undefined : expected === actual);
    }
    return verdicts;
  });
}

/** The filter of the plan's scan (or its one-time filter when the predicate folds to a constant), as the server deparsed it. */
function planFilter(rows: readonly unknown[]): string | undefined {
  const first = rows[0] as Record<string, unknown> | undefined;
  const value = first ? Object.values(first)[0] : undefined;
  const document = (typeof value === 'string' ? JSON.parse(value) : value) as { Plan?: Record<string, unknown> }[] | undefined;
  const texts: string[] = [];
  const walk = (plan: Record<string, unknown> | undefined) => {
    if (!plan) return;
    for (const field of ['Filter', 'One-Time Filter'])
      if (typeof plan[field] === 'string') texts.push(`${field}: ${orderedOperands(constantLast(plan[field] as string))}`);
    for (const child of (plan['Plans'] as Record<string, unknown>[] | undefined) ?? []) walk(child);
  };
  walk(document?.[0]?.Plan);
  return texts.join('\n');
}

function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

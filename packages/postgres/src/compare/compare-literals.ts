import { readOnlyComparison, type ComparisonOptions } from './read-only-comparison.ts';
import type { LiteralPair } from '@ormdrift/core';
import type { Queryable } from '../introspect/queryable.ts';

/**
 * A type name as `format_type()` prints it, and nothing else: it is the one part of the statement
 * that cannot be a parameter (a cast's target is syntax), so anything else is not sent.
 */
const typeName =
  /^(?:"(?:[^"]|"")+"|[a-z_][a-z0-9_$]*)(?:\.(?:"(?:[^"]|"")+"|[a-z_][a-z0-9_$]*))?(?: (?:varying|precision))?(?:\(\d+(?:,\d+)?\))?(?: with(?:out)? time zone)?(?:\[\])*$/;

/**
 * Compares constant literals by value on the server: every pair in ONE statement, inside a READ
 * ONLY transaction that is always rolled back. The literal texts travel as parameters and are
 * read by the types' own input functions and compared by their output functions
 * (`($1::text::interval)::text = ($2::text::interval)::text`): two texts are one value when the
 * database would store and print them alike. No other function is ever called, so nothing volatile
 * runs and nothing is written.
 *
 * On PostgreSQL 16 and later `pg_input_is_valid()` guards each pair, so a text one type does not
 * accept leaves that pair undecided; before 16, one such text makes the whole batch undecided.
 * Resolves to one verdict per pair: true (same value), false (different), undefined (not decided).
 * Throws nothing: a failure of the statement leaves every pair undecided.
 */
export async function compareLiterals(client: Queryable, pairs: readonly LiteralPair[], options: ComparisonOptions = {}): Promise<(boolean | undefined)[]> {
  const sendable = pairs.map((pair) => typeName.test(pair.type));
  if (!sendable.includes(true)) return pairs.map(() => undefined);
  // as the introspector reads: timestamptz values compare in one zone
  return readOnlyComparison(client, pairs.length, options, [`set local timezone = 'UTC'`], async () => {
    const guarded = (
      (await client.query(`select pg_catalog.to_regproc('pg_catalog.pg_input_is_valid') is not null as guarded`)).rows[0] as { guarded: boolean }
    ).guarded;
    const values: string[] = [];
    const columns = pairs.flatMap((pair, index) => {
      if (!sendable[index]) return [];
      values.push(pair.expected, pair.actual);
      const [a, b] = [`$${values.length - 1}`, `$${values.length}`];
      // compared by the type's own output of each value, not `=`: some types have no equality operator (point)
      const same = `(${a}::text::${pair.type})::text = (${b}::text::${pair.type})::text`;
      if (!guarded) return [`${same} as "${index}"`];
      values.push(pair.type);
      const type = `$${values.length}`;
      return [`case when pg_input_is_valid(${a}, ${type}) and pg_input_is_valid(${b}, ${type}) then ${same} end as "${index}"`];
    });
    const row = (await client.query(`select ${columns.join(', ')}`, values)).rows[0] as Record<string, boolean | null>;
    return pairs.map((_, index) => row[String(index)] ?? undefined);
  });
}

import type { QualifiedName } from '@ormdrift/core';
import type { Queryable } from '../introspect/queryable.ts';
import { readOnlyComparison, type ComparisonOptions } from './read-only-comparison.ts';

/**
 * The operator class names of each named index's key columns, in key order, default classes included
 * (`pg_opclass.opcname` of each `pg_index.indclass` entry, which holds the key columns only, not INCLUDE ones):
 * one statement for every index, the names sent as parameters, inside a READ ONLY transaction that is always rolled
 * back. Undefined for an index not found; a failure leaves every answer undefined. Throws only when `signal` is
 * already aborted.
 */
export async function readIndexKeyClasses(
  client: Queryable,
  indexes: readonly QualifiedName[],
  options: ComparisonOptions = {},
): Promise<(string[] | undefined)[]> {
  if (indexes.length === 0) return [];
  return readOnlyComparison<string[]>(client, indexes.length, options, [], async () => {
    const rows = (
      await client.query(
        `select q.ord::int as ord,
                array(select opc.opcname::text
                      from unnest(idx.indclass::oid[]) with ordinality k(opc_oid, key)
                      join pg_catalog.pg_opclass opc on opc.oid = k.opc_oid
                      order by k.key)::text[] as classes
         from unnest($1::text[], $2::text[]) with ordinality q(schema, name, ord)
         join pg_catalog.pg_namespace n on n.nspname = q.schema
         join pg_catalog.pg_class ic on ic.relnamespace = n.oid and ic.relname = q.name
         join pg_catalog.pg_index idx on idx.indexrelid = ic.oid`,
        [indexes.map((index) => index.schema), indexes.map((index) => index.name)],
      )
    ).rows as { ord: number; classes: string[] }[];
    const answers: (string[] | undefined)[] = indexes.map(() => undefined);
    for (const row of rows) answers[row.ord - 1] = row.classes;
    return answers;
  });
}

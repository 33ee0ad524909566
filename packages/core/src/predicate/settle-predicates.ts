import type { IndexModel, SchemaModel, TableModel, UniqueModel } from '../model/schema-model.ts';
import { SchemaIndex } from '../model/schema-index.ts';
import type { ComparePredicates, PredicatePair } from './predicate-comparison.ts';
import { samePredicate } from './predicate-text.ts';
import { type Candidate, settledByServer } from '../normalize/server-verdicts.ts';

type Partial = IndexModel | UniqueModel;

/**
 * Lets PostgreSQL decide the partial-index predicates that text left different: for every
 * declared partial index or unique, each database index of the same table on the same columns
 * whose predicate reads otherwise is sent, in one batch, to `compare`. Where the server deparses
 * both alike, the database's index takes the model's spelling, so the diff that follows sees no
 * change. A failed comparison changes nothing: the text comparison's verdict stands.
 */
export async function settlePredicates(
  expected: SchemaModel,
  actual: SchemaModel,
  compare: ComparePredicates,
  options: { readonly signal?: AbortSignal } = {},
): Promise<SchemaModel> {
  const found = new SchemaIndex(actual);
  const candidates: Candidate<Partial, PredicatePair>[] = [];
  for (const table of expected.tables) {
    const stored = found.table(table);
    if (!stored) continue;
    for (const declared of [...table.indexes, ...table.uniques]) {
      if (declared.where === undefined) continue;
      for (const object of [...stored.indexes, ...stored.uniques]) {
        if (object.where === undefined || samePredicate(object.where, declared.where)) continue;
        if (object.columns.join(',') !== declared.columns.join(',') && !(declared.columns.length === 0 && object.name === declared.name)) continue;
        candidates.push({ object, pair: { table, expected: declared.where, actual: object.where }, spelling: declared.where });
      }
    }
  }
  const settled = await settledByServer(candidates, compare, options);
  if (settled.size === 0) return actual;
  const respell = <T extends Partial>(object: T): T => (settled.has(object) ? { ...object, where: settled.get(object)! } : object);
  return {
    ...actual,
    tables: actual.tables.map((table): TableModel => ({ ...table, indexes: table.indexes.map(respell), uniques: table.uniques.map(respell) })),
  };
}

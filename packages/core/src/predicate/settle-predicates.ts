import type { CheckModel, ColumnModel, ExclusionModel, IndexModel, SchemaModel, TableModel, UniqueModel } from '../model/schema-model.ts';
import { exclusionParts, exclusionProbe, sameExclusion } from './exclusion-text.ts';
import { SchemaIndex } from '../model/schema-index.ts';
import type { ComparePredicates, PredicatePair } from './predicate-comparison.ts';
import { predicateText, samePredicate } from './predicate-text.ts';
import { type Candidate, settledByServer } from '../normalize/server-verdicts.ts';

type Partial = IndexModel | UniqueModel;
/** The expression keys of one database index, as an object of their own for the server's verdict. */
interface IndexKeys {
  readonly index: IndexModel;
}

/**
 * Index keys are not boolean, and their order matters: all are asked as the arguments of one call,
 * `num_nulls((key1), (key2)) = 0`, which takes any types and keeps its arguments in order (the planner
 * would reorder the terms of an AND by cost).
 */
function keysProbe(keys: readonly string[]): string {
  return `pg_catalog.num_nulls(${keys.map((key) => `(${key})`).join(', ')}) = 0`;
}

/**
 * Lets PostgreSQL decide the partial-index predicates that text left different: for every
 * declared partial index or unique, each database index of the same table on the same columns
 * whose predicate reads otherwise is sent, in one batch, to `compare`. Where the server deparses
 * both alike, the database's index takes the model's spelling, so the diff that follows sees no
 * change. CHECK constraints likewise: every declared check against each check of the same table
 * whose expression reads otherwise, so that a check found under another name or spelling matches;
 * the expressions of generated columns, asked as `(expression) IS NOT NULL` on both sides; and EXCLUDE
 * constraints of the same method, operators and options, whose element expressions and predicate are
 * asked as one boolean expression (`exclusionProbe`); and the expression keys of an index found by name, asked as
 * `num_nulls((key), ...) = 0` on both sides, which take the model's spelling when alike.
 * A failed comparison changes nothing: the text comparison's verdict stands.
 */
export async function settlePredicates(
  expected: SchemaModel,
  actual: SchemaModel,
  compare: ComparePredicates,
  options: { readonly signal?: AbortSignal } = {},
): Promise<SchemaModel> {
  const found = new SchemaIndex(actual);
  const candidates: Candidate<Partial | CheckModel | ColumnModel | ExclusionModel | IndexKeys, PredicatePair>[] = [];
  // an index can be asked about both its predicate and its keys: the keys' answer is kept apart
  const keysOf = new Map<IndexModel, IndexKeys>();
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
    for (const declared of table.indexes) {
      if (declared.expressions === undefined || declared.name === undefined) continue;
      const object = stored.indexes.find((candidate) => candidate.name === declared.name);
      const held = object?.expressions;
      if (!object || held === undefined || held.length !== declared.expressions.length) continue;
      if (held.every((key, i) => predicateText(key) === predicateText(declared.expressions![i]!))) continue;
      const keys = keysOf.get(object) ?? { index: object };
      keysOf.set(object, keys);
      candidates.push({
        object: keys,
        pair: { table, expected: keysProbe(declared.expressions), actual: keysProbe(held) },
        spelling: JSON.stringify(declared.expressions),
      });
    }
    for (const declared of table.checks ?? []) {
      const checks = stored.checks ?? [];
      // already present as written: nothing to ask
      if (checks.some((object) => samePredicate(object.expression, declared.expression))) continue;
      for (const object of checks)
        candidates.push({ object, pair: { table, expected: declared.expression, actual: object.expression }, spelling: declared.expression });
    }
    for (const declared of table.exclusions ?? []) {
      const exclusions = stored.exclusions ?? [];
      const parts = exclusionParts(declared.expression);
      if (!parts || exclusions.some((object) => sameExclusion(object.expression, declared.expression))) continue;
      for (const object of exclusions) {
        const found = exclusionParts(object.expression);
        if (!found || found.skeleton !== parts.skeleton || found.elements.length !== parts.elements.length) continue;
        if ((found.where === undefined) !== (parts.where === undefined)) continue;
        candidates.push({ object, pair: { table, expected: exclusionProbe(parts), actual: exclusionProbe(found) }, spelling: declared.expression });
      }
    }
    // a generated column's expression is not boolean: asked as `(expression) IS NOT NULL`, both sides alike
    for (const declared of table.columns) {
      const object = stored.columns.find((column) => column.name === declared.name);
      if (declared.generated === null || !object || object.generated === null || predicateText(declared.generated) === predicateText(object.generated))
        continue;
      candidates.push({
        object,
        pair: { table, expected: `(${declared.generated}) IS NOT NULL`, actual: `(${object.generated}) IS NOT NULL` },
        spelling: declared.generated,
      });
    }
  }
  const settled = await settledByServer(candidates, compare, options);
  if (settled.size === 0) return actual;
  // the database's own spelling is kept beside the model's: a finding prints what the database holds
  const respell = <T extends Partial>(object: T): T =>
    settled.has(object) ? { ...object, where: settled.get(object)!, ...(object.where !== undefined ? { heldWhere: object.where } : {}) } : object;
  // both answers are looked up by the database's own index object, before either respells it
  const respellIndex = (object: IndexModel): IndexModel => {
    const keys = keysOf.get(object);
    const respelled = respell(object);
    return keys && settled.has(keys) ? { ...respelled, expressions: JSON.parse(settled.get(keys)!) as string[] } : respelled;
  };
  const respellCheck = (object: CheckModel): CheckModel => (settled.has(object) ? { ...object, expression: settled.get(object)! } : object);
  const respellColumn = (object: ColumnModel): ColumnModel => (settled.has(object) ? { ...object, generated: settled.get(object)! } : object);
  const respellExclusion = (object: ExclusionModel): ExclusionModel => (settled.has(object) ? { ...object, expression: settled.get(object)! } : object);
  return {
    ...actual,
    tables: actual.tables.map(
      (table): TableModel => ({
        ...table,
        columns: table.columns.map(respellColumn),
        indexes: table.indexes.map(respellIndex),
        uniques: table.uniques.map(respell),
        ...(table.checks ? { checks: table.checks.map(respellCheck) } : {}),
        ...(table.exclusions ? { exclusions: table.exclusions.map(respellExclusion) } : {}),
      }),
    ),
  };
}

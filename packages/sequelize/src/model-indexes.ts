import { postgresIdentifier } from '@ormdrift/core';
import type { IndexModel, SourceProblem, UniqueModel } from '@ormdrift/core';
import type { IndexLike, ModelLike, QueryGeneratorLike } from './sequelize-shapes.ts';

export interface ModelIndexes {
  readonly uniques: readonly UniqueModel[];
  readonly indexes: readonly IndexModel[];
  readonly problems: readonly SourceProblem[];
}

/**
 * The indexes `sync()` adds after creating the table: `options.indexes` as Sequelize conformed
 * and named them (`_indexes`, which also holds the GIN index of a JSONB attribute with
 * `index: true`). A unique index guarantees uniqueness as a UNIQUE constraint does, so it is a
 * unique; a partial one is an index. Index fields are column names, used verbatim: Sequelize does not map attribute names
 * through `field` or `underscored` here.
 */
export function modelIndexes(model: ModelLike, queryGenerator: QueryGeneratorLike): ModelIndexes {
  const uniques: UniqueModel[] = [];
  const indexes: IndexModel[] = [];
  const problems: SourceProblem[] = [];
  for (const index of model._indexes ?? model.options.indexes ?? []) {
    const columns = index.fields.map(fieldName);
    const expression = columns.some((column) => column === undefined);
    const name = index.name === undefined ? {} : { name: postgresIdentifier(index.name) };
    const where = predicate(index, queryGenerator);
    if (index.unique && expression) {
      problems.push({ type: 'ignored-declaration', ref: `${model.name}.${index.name ?? 'index'}`, message: 'a unique index on an expression is not checked' });
      continue;
    }
    // A partial unique index guarantees uniqueness only where its predicate holds: it is checked
    // as an index with that predicate (core matches a unique only with a full one).
    if (index.unique && where.where === undefined) uniques.push({ ...name, columns: columns as string[], nullsNotDistinct: false });
    // an expression index has no column list and is matched by name
    else indexes.push({ ...name, columns: expression ? [] : (columns as string[]), ...where });
  }
  return { uniques, indexes, problems };
}

/** A field is a column name, `{ name | attribute, order, length, collate }`, or an expression (`fn`, `literal`). */
function fieldName(field: unknown): string | undefined {
  if (typeof field === 'string') return field;
  if (typeof field === 'object' && field !== null) {
    const { attribute, name } = field as { attribute?: unknown; name?: unknown };
    if (typeof attribute === 'string') return attribute;
    if (typeof name === 'string') return name;
  }
  return undefined;
}

/** `where` rendered by the query generator, as `addIndexQuery()` appends it, without its `WHERE`. */
function predicate(index: IndexLike, queryGenerator: QueryGeneratorLike): { where?: string } {
  if (index.where === undefined || index.where === null) return {};
  try {
    const sql = queryGenerator.whereQuery?.(index.where) ?? '';
    const where = sql.replace(/^\s*WHERE\s+/i, '').trim();
    return where === '' ? {} : { where };
  } catch {
    return { where: String(index.where) };
  }
}

import { identifierAsPrinted, postgresIdentifier } from '@ormdrift/core';
import type { IndexKeyOptions, IndexModel, SourceProblem, UniqueModel } from '@ormdrift/core';
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
 * unique (a partial one: a unique with its predicate); one on an expression is an index. Index fields are column names, used verbatim: Sequelize does not map attribute names
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
    const ref = `${model.name}.${index.name ?? 'index'}`;
    const where = predicate(index, queryGenerator);
    if (!where.ok) {
      // without its predicate, a partial unique index would be checked as a full UNIQUE and a partial index as a full one
      problems.push({ type: 'ignored-declaration', ref, message: `the index predicate cannot be rendered (${where.reason}); the index is not checked` });
      continue;
    }
    // column names as PostgreSQL stores them, cut to 63 bytes like the columns themselves
    const stored = expression ? [] : (columns as string[]).map(postgresIdentifier);
    // A unique index on plain columns is a unique; a partial one guarantees uniqueness only where its predicate
    // holds, and is compared as a unique with that predicate (an index of its name without UNIQUE does not match)
    if (index.unique && !expression)
      uniques.push({ ...name, columns: stored, nullsNotDistinct: false, ...(where.where === undefined ? {} : { where: where.where }) });
    // an expression index (unique or not) has no column list: it is matched by name, then by its keys' SQL text
    else
      indexes.push({
        ...name,
        columns: stored,
        ...(where.where === undefined ? {} : { where: where.where }),
        ...indexMethod(index),
        ...(expression ? expressionKeys(index, queryGenerator) : indexKeys(index)),
        // an expression index is not a unique: whether it rejects duplicates is compared on the index
        ...(expression && index.unique ? { unique: true } : {}),
      });
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

/**
 * Every key of an expression index as SQL text, as `addIndexQuery()` writes it: an expression through the query
 * generator (`lower("email")`), a column as its quoted name. Nothing when a key cannot be rendered: the index is
 * then matched by name only.
 */
function expressionKeys(index: IndexLike, queryGenerator: QueryGeneratorLike): { expressions?: string[] } {
  const render = queryGenerator.formatSqlExpression ?? queryGenerator.handleSequelizeMethod;
  try {
    const expressions = index.fields.map((field) => {
      const column = fieldName(field);
      if (column !== undefined) return identifierAsPrinted(postgresIdentifier(column));
      if (render === undefined) throw new TypeError('the query generator cannot render an expression');
      return render.call(queryGenerator, field);
    });
    return { expressions };
  } catch {
    return {};
  }
}

/** `using` (or `method`) as `addIndexQuery()` writes it after USING; absent for btree, PostgreSQL's default. */
function indexMethod(index: IndexLike): { method?: string } {
  const method = (index.using ?? index.method)?.toLowerCase();
  return method && method !== 'btree' ? { method } : {};
}

/**
 * Each field's `collate`, operator class (its own `operator`, else the index's) and `order` (`DESC`,
 * `ASC NULLS FIRST`...), as `addIndexQuery()` appends them; absent when every key is plain. `collate` is a
 * collation name, which `addIndexQuery()` quotes whole (`COLLATE "C"`): it cannot name a schema.
 */
function indexKeys(index: IndexLike): { keys?: IndexKeyOptions[] } {
  const keys = index.fields.map((field): IndexKeyOptions => {
    const own = typeof field === 'object' && field !== null ? (field as { operator?: unknown; order?: unknown; collate?: unknown }) : {};
    const opclass = typeof own.operator === 'string' ? own.operator : index.operator;
    const order = typeof own.order === 'string' ? own.order.toUpperCase() : '';
    const descending = /\bDESC\b/.test(order);
    const nullsFirst = /NULLS\s+FIRST/.test(order) ? true : /NULLS\s+LAST/.test(order) ? false : descending;
    return {
      ...(typeof own.collate === 'string' && own.collate !== '' ? { collation: own.collate } : {}),
      ...(opclass ? { opclass } : {}),
      ...(descending ? { descending } : {}),
      ...(nullsFirst !== descending ? { nullsFirst } : {}),
    };
  });
  return keys.some((key) => Object.keys(key).length > 0) ? { keys } : {};
}

type Predicate = { readonly ok: true; readonly where?: string } | { readonly ok: false; readonly reason: string };

/**
 * `where` rendered by the query generator, as `addIndexQuery()` appends it, without its `WHERE`.
 * A `where` that renders to nothing (`{}`) adds no predicate there either.
 */
function predicate(index: IndexLike, queryGenerator: QueryGeneratorLike): Predicate {
  if (index.where === undefined || index.where === null) return { ok: true };
  if (typeof queryGenerator.whereQuery !== 'function') return { ok: false, reason: 'the query generator has no whereQuery()' };
  try {
    const where = queryGenerator
      .whereQuery(index.where)
      .replace(/^\s*WHERE\s+/i, '')
      .trim();
    return where === '' ? { ok: true } : { ok: true, where };
  } catch (cause) {
    return { ok: false, reason: (cause instanceof Error ? cause.message : String(cause)).split('\n')[0] ?? '' };
  }
}

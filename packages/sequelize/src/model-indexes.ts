import { identifierAsPrinted, indexKeyText, postgresIdentifier, type IndexKeyText } from '@ormdrift/core';
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
 * through `field` or `underscored` here. A `literal()` field that names a column of the table (`tableColumns`,
 * as stored) with only options after it (`"title" gin_trgm_ops`) is that column key: `addIndexQuery()` writes
 * it as it writes `{ name: 'title', operator: 'gin_trgm_ops' }`.
 */
export function modelIndexes(model: ModelLike, queryGenerator: QueryGeneratorLike, tableColumns: readonly string[] = []): ModelIndexes {
  const uniques: UniqueModel[] = [];
  const indexes: IndexModel[] = [];
  const problems: SourceProblem[] = [];
  for (const index of model._indexes ?? model.options.indexes ?? []) {
    const keys = index.fields.map((field) => fieldKey(index, field, queryGenerator, tableColumns));
    const columns = keys.map((key) => key?.column);
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
    const stored = expression ? [] : (columns as string[]);
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
        ...keyOptions(keys),
        ...(expression ? expressionKeys(keys) : {}),
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
 * One field as `addIndexQuery()` writes it: a column (its name as stored, `{ name, operator, collate, order }`
 * options), or an expression rendered by the query generator and read as PostgreSQL reads an index key (a
 * literal naming a column with its operator class is that column key). Undefined when the expression cannot be
 * rendered: the index is then matched by name only.
 */
function fieldKey(index: IndexLike, field: unknown, queryGenerator: QueryGeneratorLike, tableColumns: readonly string[]): IndexKeyText | undefined {
  const column = fieldName(field);
  if (column !== undefined) return { column: postgresIdentifier(column), options: fieldOptions(index, field) };
  const render = queryGenerator.formatSqlExpression ?? queryGenerator.handleSequelizeMethod;
  try {
    if (render === undefined) return undefined;
    return indexKeyText(render.call(queryGenerator, field), tableColumns);
  } catch {
    return undefined;
  }
}

/** Every key of an expression index as SQL text, a column as its quoted name; nothing when a key cannot be rendered. */
function expressionKeys(keys: readonly (IndexKeyText | undefined)[]): { expressions?: string[] } {
  if (keys.some((key) => key === undefined)) return {};
  return { expressions: keys.map((key) => key!.expression ?? identifierAsPrinted(key!.column!)) };
}

/** The keys' options, in key order; absent when every key is plain. */
function keyOptions(keys: readonly (IndexKeyText | undefined)[]): { keys?: IndexKeyOptions[] } {
  const options = keys.map((key) => key?.options ?? {});
  return options.some((option) => Object.keys(option).length > 0) ? { keys: options } : {};
}

/** `using` (or `method`) as `addIndexQuery()` writes it after USING; absent for btree, PostgreSQL's default. */
function indexMethod(index: IndexLike): { method?: string } {
  const method = (index.using ?? index.method)?.toLowerCase();
  return method && method !== 'btree' ? { method } : {};
}

/**
 * A column field's `collate`, operator class (its own `operator`, else the index's) and `order` (`DESC`,
 * `ASC NULLS FIRST`...), as `addIndexQuery()` appends them. `collate` is a
 * collation name, which `addIndexQuery()` quotes whole (`COLLATE "C"`): it cannot name a schema.
 */
function fieldOptions(index: IndexLike, field: unknown): IndexKeyOptions {
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

import type { ColumnModel, ForeignKeyModel, IndexModel, SchemaModel, TableModel, UniqueModel } from '../model/schema-model.ts';
import { SchemaIndex } from '../model/schema-index.ts';
import { sameColumnType } from '../normalize/column-type.ts';
import { valueSource } from '../normalize/value-source.ts';
import type { ColumnAspect, SchemaChange } from './schema-change.ts';

export interface DiffOptions {
  /** Schemas whose undeclared tables count as extra; by default those the expected schema uses. */
  readonly schemas?: readonly string[];
}

/** Compares the expected schema (merged from the models) with the actual one (read from a database). */
export function diffSchemas(expected: SchemaModel, actual: SchemaModel, options: DiffOptions = {}): SchemaChange[] {
  const changes: SchemaChange[] = [];
  const actualIndex = new SchemaIndex(actual);
  const expectedIndex = new SchemaIndex(expected);

  for (const declared of expected.enums) {
    const found = actualIndex.enum(declared);
    if (!found) changes.push({ kind: 'missing-enum', enum: declared });
    else {
      const missingValues = declared.values.filter((value) => !found.values.includes(value));
      if (missingValues.length > 0) changes.push({ kind: 'modify-enum', expected: declared, actual: found, missingValues });
    }
  }

  for (const table of expected.tables) {
    const found = actualIndex.table(table);
    if (!found || !isTableLike(found)) {
      changes.push({ kind: 'missing-table', table });
      continue;
    }
    diffTable(table, found, changes);
  }

  const schemas = new Set(options.schemas ?? expected.tables.map((table) => table.schema));
  for (const table of actual.tables) {
    if (!schemas.has(table.schema) || !isTableLike(table) || table.kind === 'partition') continue;
    if (!expectedIndex.table(table)) changes.push({ kind: 'extra-table', table });
  }
  return changes;
}

/** Views are not tables: a model's table must be a real one, and a view is never an orphan. */
function isTableLike(table: TableModel): boolean {
  return table.kind === 'table' || table.kind === 'partitioned-table' || table.kind === 'partition';
}

function diffTable(expected: TableModel, actual: TableModel, changes: SchemaChange[]): void {
  const actualColumns = new Map(actual.columns.map((column) => [column.name, column]));
  for (const column of expected.columns) {
    const found = actualColumns.get(column.name);
    if (!found) {
      changes.push({ kind: 'missing-column', table: expected, column });
      continue;
    }
    const changed = columnDifferences(column, found);
    if (changed.length > 0) changes.push({ kind: 'modify-column', table: expected, expected: column, actual: found, changed });
  }
  const declared = new Set(expected.columns.map((column) => column.name));
  for (const column of actual.columns) {
    if (!declared.has(column.name)) changes.push({ kind: 'extra-column', table: expected, column });
  }

  if (expected.primaryKey && !hasUnique(actual, { columns: expected.primaryKey.columns, nullsNotDistinct: false })) {
    const unique: UniqueModel = { columns: expected.primaryKey.columns, nullsNotDistinct: false };
    changes.push({ kind: 'missing-unique', table: expected, unique, primaryKey: true });
  }
  for (const unique of expected.uniques) {
    if (!hasUnique(actual, unique)) {
      changes.push({ kind: 'missing-unique', table: expected, unique, primaryKey: false });
    }
  }
  for (const index of expected.indexes) {
    if (!hasIndex(actual, index)) changes.push({ kind: 'missing-index', table: expected, index });
  }
  for (const foreignKey of expected.foreignKeys) {
    const found = actual.foreignKeys.filter((candidate) => sameForeignKey(foreignKey, candidate));
    if (found.length === 0) changes.push({ kind: 'missing-foreign-key', table: expected, foreignKey });
    else if (!found.some((candidate) => sameActions(foreignKey, candidate))) {
      changes.push({ kind: 'modify-foreign-key', table: expected, expected: foreignKey, actual: found[0]! });
    }
  }
}

function columnDifferences(expected: ColumnModel, actual: ColumnModel): ColumnAspect[] {
  const changed: ColumnAspect[] = [];
  if (!sameColumnType(expected.type, actual.type)) changed.push('type');
  if (expected.nullable !== actual.nullable) changed.push('nullable');
  if (valueSource(expected) !== valueSource(actual)) changed.push('default');
  return changed;
}


function sameColumnSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((column) => b.includes(column));
}

/** A unique constraint, a unique index or the primary key on the same columns all guarantee uniqueness. */
function hasUnique(table: TableModel, wanted: UniqueModel): boolean {
  if (wanted.where === undefined && table.primaryKey && sameColumnSet(table.primaryKey.columns, wanted.columns)) return true;
  return table.uniques.some(
    (unique) =>
      sameColumnSet(unique.columns, wanted.columns) &&
      // NULLS NOT DISTINCT rejects a second NULL that a plain unique allows: not the same guarantee
      unique.nullsNotDistinct === wanted.nullsNotDistinct &&
      // a partial unique guards only the rows its predicate covers (predicates are not compared as text)
      (unique.where === undefined) === (wanted.where === undefined),
  );
}

function hasIndex(table: TableModel, index: IndexModel): boolean {
  if (index.columns.length === 0) return table.indexes.some((candidate) => candidate.name === index.name);
  const sameOrder = (columns: readonly string[]) => columns.length === index.columns.length && columns.every((c, i) => c === index.columns[i]);
  // a partial index serves only the queries its predicate covers: it cannot stand in for a full one
  const covers = (candidate: { columns: readonly string[]; where?: string }) => sameOrder(candidate.columns) && (index.where !== undefined || candidate.where === undefined);
  return (
    table.indexes.some(covers) ||
    table.uniques.some(covers) ||
    (table.primaryKey !== null && sameOrder(table.primaryKey.columns))
  );
}

/** NO ACTION and RESTRICT differ only for deferred constraints: to the application they are one. */
function sameActions(expected: ForeignKeyModel, actual: ForeignKeyModel): boolean {
  const action = (value: string) => (value === 'RESTRICT' ? 'NO ACTION' : value);
  return action(expected.onDelete) === action(actual.onDelete) && action(expected.onUpdate) === action(actual.onUpdate);
}

function sameForeignKey(expected: ForeignKeyModel, actual: ForeignKeyModel): boolean {
  const pairs = (fk: ForeignKeyModel) => fk.columns.map((column, i) => `${column}>${fk.references.columns[i]}`).sort().join(',');
  return (
    expected.references.schema === actual.references.schema &&
    expected.references.name === actual.references.name &&
    pairs(expected) === pairs(actual)
  );
}

import {
  enumColumnType,
  parseColumnType,
  type CheckModel,
  type ColumnModel,
  type ColumnType,
  type Deferrable,
  type ExclusionModel,
  type ForeignKeyModel,
  type IndexKeyOptions,
  type IndexModel,
  qualifiedKey,
  type ReferentialAction,
  type SchemaModel,
  type SequenceModel,
  type TableKind,
  type TableModel,
  type UniqueModel,
} from '@ormdrift/core';
import type { RawColumn, RawConstraint, RawEnum, RawIndex, RawTable } from './catalog-rows.ts';

export interface CatalogRows {
  tables: RawTable[];
  columns: RawColumn[];
  constraints: RawConstraint[];
  indexes: RawIndex[];
  enums: RawEnum[];
}

const tableKinds: Record<Exclude<RawTable['kind'], 'S'>, TableKind> = {
  r: 'table',
  p: 'partitioned-table',
  v: 'view',
  m: 'materialized-view',
  f: 'foreign-table',
};

/** pg_constraint's one-letter referential actions. */
const actions: Record<string, ReferentialAction> = {
  a: 'NO ACTION',
  r: 'RESTRICT',
  c: 'CASCADE',
  n: 'SET NULL',
  d: 'SET DEFAULT',
};

/** Maps the catalog rows into the canonical model, grouping each kind of row by its table once. */
export function catalogToModel(rows: CatalogRows): SchemaModel {
  const columns = groupBy(rows.columns, (row) => row.table_oid);
  const constraints = groupBy(rows.constraints, (row) => row.table_oid);
  const indexes = groupBy(rows.indexes, (row) => row.table_oid);
  const relations = rows.tables.filter((row) => row.kind !== 'S');
  // a sequence's owning table by oid: a search of every relation per sequence grew as tables × sequences
  const relationsByOid = new Map(relations.map((row) => [row.oid, row]));
  const sequences = rows.tables.filter((row) => row.kind === 'S').map((row) => toSequence(row, relationsByOid));
  // an identity column's options live on its sequence
  const identitySequences = new Map(
    sequences
      .filter((sequence) => sequence.ownedBy?.identity)
      .map((sequence) => [`${qualifiedKey(sequence.ownedBy!)}\u0000${sequence.ownedBy!.column}`, sequence]),
  );

  const tables = relations.map((raw): TableModel => {
    const tableKey = qualifiedKey(raw);
    const own = constraints.get(raw.oid) ?? [];
    const primary = own.find((row) => row.type === 'p');
    const kind = raw.parent_name !== null ? 'partition' : tableKinds[raw.kind as Exclude<RawTable['kind'], 'S'>];
    const tableIndexes = indexes.get(raw.oid) ?? [];
    return {
      schema: raw.schema,
      name: raw.name,
      kind,
      ...(raw.parent_schema !== null && raw.parent_name !== null ? { partitionOf: { schema: raw.parent_schema, name: raw.parent_name } } : {}),
      // only an identity column has a sequence to look up: no key string for the others
      columns: (columns.get(raw.oid) ?? []).map((row) =>
        row.identity === 'a' || row.identity === 'd'
          ? withIdentitySequence(toColumn(row), identitySequences.get(`${tableKey}\u0000${row.name}`))
          : toColumn(row),
      ),
      primaryKey: primary ? { name: primary.name, columns: primary.columns, ...deferral(primary) } : null,
      foreignKeys: own.filter((row) => row.type === 'f').map(toForeignKey),
      uniques: [
        ...own
          .filter((row) => row.type === 'u')
          .map((row): UniqueModel => ({ name: row.name, columns: row.columns, nullsNotDistinct: row.nulls_not_distinct, ...deferral(row) })),
        // a unique index on plain columns guarantees uniqueness as a constraint does
        ...tableIndexes.filter((row) => row.is_unique && !row.columns.includes('')).map(toUnique),
      ],
      checks: own
        .filter((row) => row.type === 'c' && row.check_expr !== null)
        .map((row): CheckModel => ({ name: row.name, expression: row.check_expr!, ...notValidated(row) })),
      ...exclusions(own),
      indexes: tableIndexes.map(
        (row): IndexModel => ({
          name: row.name,
          columns: row.columns.includes('') ? [] : row.columns,
          ...(row.predicate !== null ? { where: row.predicate } : {}),
          ...(row.method !== 'btree' ? { method: row.method } : {}),
          ...indexKeys(row),
          ...(row.expressions !== null ? { expressions: row.expressions } : {}),
          // a unique index on plain columns is a unique (above); on an expression, only the index says so
          ...(row.expressions !== null && row.is_unique ? { unique: true } : {}),
          ...(row.included !== null && row.included.length > 0 ? { include: row.included } : {}),
          ...(row.invalid ? { invalid: true as const } : {}),
        }),
      ),
      sources: [],
    };
  });

  const enums = rows.enums.map((row) => ({ schema: row.schema, name: row.name, values: row.values, sources: [] }));
  return { tables, enums, sequences };
}

function toSequence(row: RawTable, relations: ReadonlyMap<string, RawTable>): SequenceModel {
  const owner = row.owner_table_oid === null ? undefined : relations.get(row.owner_table_oid);
  return {
    schema: row.schema,
    name: row.name,
    ...(row.seq_type === 'smallint' || row.seq_type === 'integer' || row.seq_type === 'bigint' ? { dataType: row.seq_type } : {}),
    ...(row.seq_increment !== null ? { increment: row.seq_increment } : {}),
    ...(row.seq_min !== null ? { minValue: row.seq_min } : {}),
    ...(row.seq_max !== null ? { maxValue: row.seq_max } : {}),
    ...(row.seq_start !== null ? { start: row.seq_start } : {}),
    ...(row.seq_cache !== null ? { cache: row.seq_cache } : {}),
    ...(row.seq_cycle !== null ? { cycle: row.seq_cycle } : {}),
    ...(owner && row.owner_column !== null
      ? { ownedBy: { schema: owner.schema, name: owner.name, column: row.owner_column, identity: row.owner_identity === true } }
      : {}),
    sources: [],
  };
}

/** An identity column with its sequence's name and options. */
function withIdentitySequence(column: ColumnModel, sequence: SequenceModel | undefined): ColumnModel {
  if (column.identity === null || sequence === undefined) return column;
  const { ownedBy: _owner, sources: _sources, ...options } = sequence;
  return { ...column, sequence: options };
}

function toColumn(row: RawColumn): ColumnModel {
  const generated = row.generated === 's' || row.generated === 'v';
  // built in place, not by spreading optional parts: this runs for every column of the database
  const column: { -readonly [K in keyof ColumnModel]: ColumnModel[K] } = {
    name: row.name,
    type: columnType(row),
    nullable: !row.not_null,
    default: generated ? null : row.default_expr,
    identity: row.identity === 'a' ? 'always' : row.identity === 'd' ? 'by-default' : null,
    generated: generated ? (row.default_expr ?? '') : null,
  };
  if (row.collation !== null) {
    column.collation = row.collation;
    if (row.collation_schema !== null) column.collationSchema = row.collation_schema;
  }
  return column;
}

/** Absent for NOT DEFERRABLE, the common case, so that the model stays as small as before. */
function deferral(row: RawConstraint): { deferrable?: Deferrable } {
  return row.deferrable ? { deferrable: row.deferred ? 'deferred' : 'immediate' } : {};
}

/**
 * The table's EXCLUDE constraints, each as the text after `EXCLUDE` (the `DEFERRABLE` and `INITIALLY DEFERRED`
 * the server appends to the definition are read from `condeferrable` / `condeferred` instead); absent when it
 * has none, so that a table without exclusions reads as before.
 */
function exclusions(rows: readonly RawConstraint[]): { exclusions?: ExclusionModel[] } {
  const found = rows
    .filter((row) => row.type === 'x' && row.exclusion_def !== null)
    .map(
      (row): ExclusionModel => ({
        name: row.name,
        expression: row.exclusion_def!.replace(/^EXCLUDE\s+/, '').replace(/(\s+DEFERRABLE)?(\s+INITIALLY DEFERRED)?$/, ''),
        ...deferral(row),
      }),
    );
  return found.length > 0 ? { exclusions: found } : {};
}

function columnType(row: RawColumn): ColumnType {
  if (row.type_schema !== null && row.type_name !== null) return enumColumnType(row.type, { schema: row.type_schema, name: row.type_name });
  if (row.element_schema !== null && row.element_name !== null) {
    // enum arrays are typtype 'b' (base); the element type tells
    return enumColumnType(row.type, { schema: row.element_schema, name: row.element_name }, Math.max(row.dims, 1));
  }
  return parseColumnType(row.type, { arrayDims: row.dims });
}

function toForeignKey(row: RawConstraint): ForeignKeyModel {
  return {
    name: row.name,
    columns: row.columns,
    references: { schema: row.ref_schema ?? '', name: row.ref_table ?? '', columns: row.ref_columns ?? [] },
    onDelete: actions[row.on_delete] ?? 'NO ACTION',
    onUpdate: actions[row.on_update] ?? 'NO ACTION',
    ...deferral(row),
    ...notValidated(row),
  };
}

/** `notValidated` for a check or foreign key added NOT VALID and never validated; absent for a validated one (the common case). */
function notValidated(row: RawConstraint): { notValidated?: true } {
  return row.validated === false ? { notValidated: true } : {};
}

/** The keys' non-default options; absent when every key is plain (the common case keeps the model small). */
function indexKeys(row: RawIndex): { keys?: IndexKeyOptions[] } {
  // each array is null when every key has the default: the common case needs no key object at all
  if (row.opclasses === null && row.options === null && row.collations === null && row.class_parameters === null) return {};
  // an expression index has no `columns`: its keys are its expressions, each with its operator class and order
  const keys = (row.expressions ?? row.columns).map((_, i): IndexKeyOptions => {
    const opclass = row.opclasses?.[i] ?? '';
    const bits = row.options?.[i] ?? 0;
    const descending = (bits & 1) !== 0;
    const nullsFirst = (bits & 2) !== 0;
    const collation = row.collations?.[i] ?? '';
    const collationSchema = row.collation_schemas?.[i] ?? '';
    const opclassParameters = row.class_parameters?.[i] ?? '';
    // a default class named only for its parameters: it is the class a key without one uses
    const isDefault = opclass !== '' && opclassParameters !== '' && row.default_classes?.[i] === true;
    return {
      ...(opclass !== '' ? { opclass } : {}),
      ...(isDefault ? { defaultOpclass: opclass } : {}),
      ...(opclassParameters !== '' ? { opclassParameters } : {}),
      ...(descending ? { descending } : {}),
      ...(nullsFirst !== descending ? { nullsFirst } : {}),
      ...(collation !== '' ? { collation } : {}),
      ...(collation !== '' && collationSchema !== '' ? { collationSchema } : {}),
    };
  });
  return keys.some((key) => Object.keys(key).length > 0) ? { keys } : {};
}

function toUnique(row: RawIndex): UniqueModel {
  return {
    name: row.name,
    columns: row.columns,
    nullsNotDistinct: row.nulls_not_distinct,
    ...(row.predicate !== null ? { where: row.predicate } : {}),
    ...(row.invalid ? { invalid: true as const } : {}),
  };
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const value = key(row);
    const group = groups.get(value);
    if (group) group.push(row);
    else groups.set(value, [row]);
  }
  return groups;
}

/**
 * Small factories for in-memory schema models, so that a test reads like the DDL it stands for.
 * Model-side tables carry a provenance (`User (typeorm)` by default); database-side tables, like the
 * ones the introspector reads, carry none.
 */
import {
  enumColumnType,
  parseColumnType,
  type CheckModel,
  type ColumnModel,
  type ColumnType,
  type EnumModel,
  type ExclusionModel,
  type ForeignKeyModel,
  type IndexModel,
  type Provenance,
  type QualifiedName,
  type ReferentialAction,
  type SchemaModel,
  type TableKind,
  type TableModel,
  type UniqueModel,
} from '@ormdrift/core';

export function source(model = 'User', orm = 'typeorm', registry = 'default'): Provenance {
  return { orm, registry, model };
}

/** `column('email', 'varchar(255)')`: NOT NULL, no default, no identity, not generated unless told. */
export function column(name: string, type: string | ColumnType, options: Partial<Omit<ColumnModel, 'name' | 'type'>> = {}): ColumnModel {
  return {
    name,
    type: typeof type === 'string' ? parseColumnType(type) : type,
    nullable: false,
    default: null,
    identity: null,
    generated: null,
    ...options,
  };
}

/** A column of a user-defined enum type, `public` unless the name is `schema.name`. */
export function enumColumn(name: string, enumName: string, options: Partial<Omit<ColumnModel, 'name' | 'type'>> = {}): ColumnModel {
  return column(name, enumColumnType(enumName, qualified(enumName)), options);
}

export interface TableOptions {
  readonly schema?: string;
  readonly kind?: TableKind;
  readonly partitionOf?: QualifiedName;
  /** Primary-key column names. */
  readonly primaryKey?: readonly string[];
  readonly foreignKeys?: readonly ForeignKeyModel[];
  readonly uniques?: readonly UniqueModel[];
  readonly indexes?: readonly IndexModel[];
  readonly checks?: readonly CheckModel[];
  readonly exclusions?: readonly ExclusionModel[];
  readonly sources?: readonly Provenance[];
}

/** A table as a model declares it: kind `table`, schema `public`, declared by `User (typeorm)`. */
export function table(name: string, columns: readonly ColumnModel[], options: TableOptions = {}): TableModel {
  return {
    schema: options.schema ?? 'public',
    name,
    kind: options.kind ?? 'table',
    ...(options.partitionOf ? { partitionOf: options.partitionOf } : {}),
    columns,
    primaryKey: options.primaryKey ? { columns: options.primaryKey } : null,
    foreignKeys: options.foreignKeys ?? [],
    uniques: options.uniques ?? [],
    indexes: options.indexes ?? [],
    ...(options.checks ? { checks: options.checks } : {}),
    ...(options.exclusions ? { exclusions: options.exclusions } : {}),
    sources: options.sources ?? [source()],
  };
}

/** A table as the database holds it: no provenance. */
export function dbTable(name: string, columns: readonly ColumnModel[], options: Omit<TableOptions, 'sources'> = {}): TableModel {
  return table(name, columns, { ...options, sources: [] });
}

export function unique(columns: readonly string[], options: Partial<Omit<UniqueModel, 'columns'>> = {}): UniqueModel {
  return { columns, nullsNotDistinct: false, ...options };
}

export function index(columns: readonly string[], options: Partial<Omit<IndexModel, 'columns'>> = {}): IndexModel {
  return { columns, ...options };
}

/** `foreignKey(['user_id'], 'users(id)')`, or `'audit.users(id)'` for another schema. */
export function foreignKey(
  columns: readonly string[],
  target: string,
  options: {
    name?: string;
    onDelete?: ReferentialAction;
    onUpdate?: ReferentialAction;
    inherited?: ForeignKeyModel['inherited'];
    deferrable?: ForeignKeyModel['deferrable'];
  } = {},
): ForeignKeyModel {
  const match = /^(.+)\((.+)\)$/.exec(target);
  if (!match) throw new Error(`foreignKey target must read table(columns): ${target}`);
  return {
    ...(options.name ? { name: options.name } : {}),
    columns,
    references: { ...qualified(match[1]!), columns: match[2]!.split(',').map((part) => part.trim()) },
    onDelete: options.onDelete ?? 'NO ACTION',
    onUpdate: options.onUpdate ?? 'NO ACTION',
    ...(options.inherited ? { inherited: options.inherited } : {}),
    ...(options.deferrable ? { deferrable: options.deferrable } : {}),
  };
}

/** `exclusion('USING gist (during WITH &&)', 'EXC_bookings')`: the text after EXCLUDE. */
export function exclusion(expression: string, name?: string, deferrable?: ExclusionModel['deferrable']): ExclusionModel {
  return { ...(name ? { name } : {}), expression, ...(deferrable ? { deferrable } : {}) };
}

export function enumType(name: string, values: readonly string[], sources: readonly Provenance[] = [source()]): EnumModel {
  return { ...qualified(name), values, sources };
}

/** A database enum type: no provenance. */
export function dbEnum(name: string, values: readonly string[]): EnumModel {
  return enumType(name, values, []);
}

export function schema(tables: readonly TableModel[], enums: readonly EnumModel[] = []): SchemaModel {
  return { tables, enums };
}

function qualified(name: string): QualifiedName {
  const dot = name.indexOf('.');
  return dot === -1 ? { schema: 'public', name } : { schema: name.slice(0, dot), name: name.slice(dot + 1) };
}

/** `check('"seats" > 0', 'CHK_seats')`: a CHECK constraint, named when a name is given. */
export function check(expression: string, name?: string): CheckModel {
  return { ...(name ? { name } : {}), expression };
}

import { enumColumnType, parseColumnType, type ColumnType, type QualifiedName, postgresIdentifier } from '@ormdrift/core';
import type { AttributeLike, DataTypeLike } from './sequelize-shapes.ts';

export type ResolvedColumnType =
  | { readonly ok: true; readonly type: ColumnType; readonly enumValues?: readonly string[] }
  | { readonly ok: false; readonly reason: string };

/**
 * Data types Sequelize renders for PostgreSQL as text PostgreSQL rejects: `sync()` fails on
 * them, so no column of theirs can exist. `TINYINT` has a PostgreSQL class in Sequelize but
 * still prints `TINYINT`.
 */
const rejectedByPostgres = new Set(['TINYINT', 'MEDIUMINT', 'NUMBER', 'NOW', 'UUIDV1', 'UUIDV4']);

/**
 * The column type `sync()` creates for an attribute (already normalized for the instance's
 * dialect, as `Model.getAttributes()` holds it). The text is what `attributeToSQL()` renders,
 * `type.toString()`, so that `DATE(3)` is `TIMESTAMP WITH TIME ZONE` (Sequelize drops the
 * precision for PostgreSQL), `STRING` is `VARCHAR(255)`, `FLOAT` is `FLOAT` (= double
 * precision); only ENUMs are replaced, as `dataTypeMapping()` does, by the type
 * `enum_<table>_<column>` that `ensureEnums()` creates in the table's schema.
 */
export function sequelizeColumnType(attribute: AttributeLike, place: { readonly table: QualifiedName; readonly column: string }): ResolvedColumnType {
  const { type } = attribute;
  if (typeof type === 'string') return { ok: true, type: parseColumnType(type) }; // `type: 'TIMESTAMP'` is sent verbatim

  const enumType = enumTypeName(place);
  if (type.key === 'ENUM') return { ok: true, type: enumColumnType('ENUM', enumType), enumValues: enumValues(type, attribute) };
  if (type.key === 'ARRAY' && type.type?.key === 'ENUM') return { ok: true, type: enumColumnType('ENUM[]', enumType, 1), enumValues: enumValues(type.type) };
  if (rejectedByPostgres.has(type.key))
    return { ok: false, reason: `DataTypes.${type.key} has no PostgreSQL equivalent (sync() sends "${safeSql(type)}", which PostgreSQL rejects)` };

  const text = safeSql(type);
  if (text === undefined) return { ok: false, reason: `DataTypes.${type.key} cannot be rendered for PostgreSQL` };
  return { ok: true, type: parseColumnType(text) };
}

/** `Utils.generateEnumName(table, field)`, in the table's schema. */
export function enumTypeName(place: { readonly table: QualifiedName; readonly column: string }): QualifiedName {
  return { schema: place.table.schema, name: postgresIdentifier(`enum_${place.table.name}_${place.column}`) };
}

/** `pgEnum()` creates the type from the data type's values (`normalizeAttribute` copies `values: [...]` onto it). */
function enumValues(type: DataTypeLike, attribute?: AttributeLike): readonly string[] {
  return (type.values ?? attribute?.values ?? []).map(String);
}

function safeSql(type: DataTypeLike): string | undefined {
  try {
    return type.toString();
  } catch {
    return undefined;
  }
}

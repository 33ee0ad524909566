import { enumColumnType, parseColumnType, postgresIdentifier, type ColumnType, type QualifiedName } from '@ormdrift/core';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { columnArrayShape, columnSqlType } from './column-dimensions.ts';
import { isDrizzleEnum } from './recognize.ts';

/** A pgEnum as a column refers to it: its qualified type name and its labels. */
export interface ColumnEnum extends QualifiedName {
  readonly values: readonly string[];
}

export interface DrizzleColumnType {
  readonly type: ColumnType;
  /** The enum type the column needs, exported by the module or not. */
  readonly enum?: ColumnEnum;
}

/**
 * The type drizzle-kit writes for a column: `getSQLType()` is the very text it puts in
 * `CREATE TABLE` (`varchar(100)`, `numeric(10, 2)`, `timestamp (3) with time zone`, `serial`,
 * `text[]`), and the canonical parser reads every one of those spellings. Enum columns print
 * only the enum's bare name, so their type is built from the enum itself, schema included.
 */
export function drizzleColumnType(column: PgColumn): DrizzleColumnType {
  const { element, dimensions: arrayDims } = columnArrayShape(column);
  const declared = (element as { enum?: unknown }).enum;
  if (isDrizzleEnum(declared)) {
    const type: QualifiedName = { schema: declared.schema ?? 'public', name: postgresIdentifier(declared.enumName) };
    return {
      type: enumColumnType(columnSqlType(column), type, arrayDims),
      enum: { ...type, values: [...declared.enumValues] },
    };
  }
  const raw = columnSqlType(column);
  return { type: parseColumnType(raw, { arrayDims }) };
}

import { is } from 'drizzle-orm';
import { PgArray, type PgColumn } from 'drizzle-orm/pg-core';

/** An array column's element column and its number of dimensions (0 for a column that is no array). */
export interface ColumnArrayShape {
  /** The column of one element: the column itself, or what `.array()` wrapped. */
  readonly element: PgColumn;
  readonly dimensions: number;
}

/**
 * How a column is an array, whichever drizzle-orm built it. Before 1.0, `.array()` wraps the
 * element column in a `PgArray` (nested once per dimension), whose `getSQLType()` already ends in
 * `[]`. drizzle-orm 1.0 keeps the column itself and records `column.dimensions` instead, and its
 * `getSQLType()` is the element's type: read naively, a `text[]` column is `text`.
 */
export function columnArrayShape(column: PgColumn): ColumnArrayShape {
  const dimensions = arrayDimensions(column);
  if (dimensions !== undefined) return { element: column, dimensions };
  let element: PgColumn = column;
  let wrapped = 0;
  while (is(element, PgArray)) {
    element = element.baseColumn;
    wrapped++;
  }
  return { element, dimensions: wrapped };
}

/**
 * The column's type as drizzle-kit writes it in `CREATE TABLE`, arrays included: `getSQLType()`,
 * plus the `[]` of each dimension drizzle-orm 1.0 leaves out of it.
 */
export function columnSqlType(column: PgColumn): string {
  const dimensions = arrayDimensions(column);
  const sqlType = column.getSQLType();
  return dimensions !== undefined && dimensions > 0 ? `${sqlType}${'[]'.repeat(dimensions)}` : sqlType;
}

/**
 * drizzle-orm 1.0's array dimensions, or undefined. Before 1.0, `dimensions` is something else on the
 * pgvector-style columns (`bit`, `vector`, `halfvec`, `sparsevec`): their length, already in
 * `getSQLType()` (`bit(3)`); drizzle-orm 1.0 calls that `length`.
 */
function arrayDimensions(column: PgColumn): number | undefined {
  const dimensions = (column as { dimensions?: unknown }).dimensions;
  if (typeof dimensions !== 'number') return undefined;
  if (/Vector$/.test(column.columnType) && column.getSQLType().endsWith(`(${dimensions})`)) return undefined;
  return dimensions;
}

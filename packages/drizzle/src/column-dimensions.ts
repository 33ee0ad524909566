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
  const dimensions = (column as { dimensions?: unknown }).dimensions;
  if (typeof dimensions === 'number') return { element: column, dimensions };
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
  const dimensions = (column as { dimensions?: unknown }).dimensions;
  const sqlType = column.getSQLType();
  return typeof dimensions === 'number' && dimensions > 0 ? `${sqlType}${'[]'.repeat(dimensions)}` : sqlType;
}

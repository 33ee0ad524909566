import type { PgColumn } from 'drizzle-orm/pg-core';

/**
 * The name of the UNIQUE constraint a column's `.unique()` makes, as drizzle-kit creates it. Before 1.0,
 * drizzle-orm names an unnamed one itself (`<table>_<column>_unique`, in `column.uniqueName`); drizzle-orm
 * 1.0 leaves `uniqueName` undefined and drizzle-kit 1.0 names the constraint as PostgreSQL would,
 * `<table>_<column>_key`. `table` and `column` are the database names (after casing).
 */
export function columnUniqueName(declared: PgColumn, table: string, column: string): string {
  return declared.uniqueName ?? `${table}_${column}_key`;
}

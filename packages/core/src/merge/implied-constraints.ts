import type { TableModel } from '../model/schema-model.ts';
import { valueSource } from '../normalize/value-source.ts';

/**
 * A declared table with what PostgreSQL implies made explicit: every primary-key column, identity
 * column and serial column (a `nextval()` default) is NOT NULL in the database whatever the ORM's
 * own flag says (drizzle-orm does not mark `bigserial({ mode: 'bigint' })` NOT NULL, for one).
 * Applied once to every declaration, so no adapter has to remember it.
 */
export function withImpliedConstraints(table: TableModel): TableModel {
  const keyColumns = new Set(table.primaryKey?.columns ?? []);
  const implied = (name: string, identity: unknown, source: string | null) => keyColumns.has(name) || identity !== null || source === 'autoincrement';
  if (!table.columns.some((column) => column.nullable && implied(column.name, column.identity, valueSource(column)))) return table;
  return {
    ...table,
    columns: table.columns.map((column) =>
      column.nullable && implied(column.name, column.identity, valueSource(column)) ? { ...column, nullable: false } : column,
    ),
  };
}

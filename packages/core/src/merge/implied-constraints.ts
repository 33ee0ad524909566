import type { TableModel } from '../model/schema-model.ts';

/**
 * A declared table with what PostgreSQL implies made explicit: every primary-key column and identity
 * column is NOT NULL in the database whatever the ORM's own flag says. Applied once to every declaration,
 * so no adapter has to remember it. A `nextval()` default alone implies nothing: a nullable column may
 * draw from a sequence; the adapters mark their ORM's serial columns (which PostgreSQL makes NOT NULL) themselves.
 */
export function withImpliedConstraints(table: TableModel): TableModel {
  const keyColumns = new Set(table.primaryKey?.columns ?? []);
  const implied = (name: string, identity: unknown) => keyColumns.has(name) || identity !== null;
  if (!table.columns.some((column) => column.nullable && implied(column.name, column.identity))) return table;
  return {
    ...table,
    columns: table.columns.map((column) => (column.nullable && implied(column.name, column.identity) ? { ...column, nullable: false } : column)),
  };
}

import type { ColumnModel, TableModel } from '../model/schema-model.ts';
import { formatColumnType } from '../normalize/column-type.ts';
import { canonicalDefault } from '../normalize/default-expression.ts';
import { displayName } from '../model/qualified-name.ts';

/** The column shape findings carry in `expected` / `actual`. */
export function columnShape(column: ColumnModel): { type: string; nullable: boolean; default: string | null } {
  return {
    type: formatColumnType(column.type),
    nullable: column.nullable,
    default: column.generated !== null
      ? `generated always as (${column.generated}) stored`
      : column.identity
        ? `generated ${column.identity === 'always' ? 'always' : 'by default'} as identity`
        : displayDefault(column),
  };
}

/** "User (typeorm)" or "User (typeorm), Account (sequelize)": who declared a table. */
export function declaredBy(table: TableModel): string {
  const names = table.sources.map((source) => `${source.model ?? displayName(table)} (${source.orm})`);
  return [...new Set(names)].join(', ') || 'the models';
}

export function columnRef(table: TableModel, column: string): string {
  return `${displayName(table)}.${column}`;
}

/** A default as a user reads it: `0` rather than an ORM's `'0'`; other expressions as written. */
function displayDefault(column: ColumnModel): string | null {
  const canonical = canonicalDefault(column.default, column.type);
  if (canonical === null) return null;
  return /^(-?\d+(\.\d+)?|true|false)$/.test(canonical) ? canonical : column.default;
}

import { toCamelCase, toSnakeCase } from 'drizzle-orm/casing';

/**
 * The `casing` option of `drizzle()` and of drizzle.config.ts. It lives in those configs, not in
 * the table, so the adapter cannot read it from the schema module: the user passes it.
 */
export type DrizzleCasing = 'snake_case' | 'camelCase';

/** Anything naming a column: a column, an index's column. */
export interface NamedColumn {
  readonly name: string;
  readonly keyAsName?: boolean;
}

/**
 * A column's database name, as drizzle-kit's `getColumnCasing` computes it: casing applies only to
 * a column named after its property key (`keyAsName`), never to a name the user wrote.
 */
export function columnName(column: NamedColumn, casing: DrizzleCasing | undefined): string {
  if (!column.keyAsName || casing === undefined) return column.name;
  return casing === 'camelCase' ? toCamelCase(column.name) : toSnakeCase(column.name);
}

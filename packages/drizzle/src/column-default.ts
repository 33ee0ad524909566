import { serialDefault, type QualifiedName } from '@ormdrift/core';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { columnSqlType } from './column-dimensions.ts';
import type { DrizzleCasing } from './drizzle-casing.ts';
import { isSql, quoteLiteral, sqlText } from './sql-text.ts';

export interface DefaultContext {
  readonly table: QualifiedName;
  /** The column's database name (after casing). */
  readonly column: string;
  readonly casing: DrizzleCasing | undefined;
}

/**
 * The column's database default, as drizzle-kit writes it after `DEFAULT` in `CREATE TABLE`
 * (its `generatePgSnapshot`), or null when the database has none.
 *
 * Only `.default()` and `.defaultNow()`/`.defaultRandom()` (which are `.default(sql...)`) are
 * database defaults. `$defaultFn()` and `$onUpdate()` also set `hasDefault`, but they run in
 * JavaScript at insert time and the database never sees them. Serial columns get the sequence
 * default PostgreSQL creates for them; identity columns have none (they are not defaults).
 *
 * A value drizzle-kit has no spelling for (a `point({ mode: 'xy' })`'s `{ x: 1, y: 2 }`, a `line`'s
 * tuple, a `vector`'s array: drizzle-kit itself writes `DEFAULT [object Object]` or `DEFAULT 1,2`) is
 * rendered as the text the column sends at insert, its own `mapToDriverValue()` (`'(1,2)'`). Throws
 * `UnrenderableDefault` when even that gives no text.
 */
export function drizzleColumnDefault(column: PgColumn, context: DefaultContext): string | null {
  if (column.generated !== undefined || column.generatedIdentity !== undefined) return null;
  const value: unknown = column.default;
  if (value === undefined) return serialColumnDefault(column, context);
  if (isSql(value)) return sqlText(value, context.casing);
  if (typeof value === 'string') return quoteLiteral(value);

  const sqlType = columnSqlType(column).toLowerCase();
  if (sqlType === 'json' || sqlType === 'jsonb') return `'${JSON.stringify(value)}'::${sqlType}`;
  if (value instanceof Date) return quoteLiteral(dateLiteral(value, sqlType));
  if (/\[\d*\]/.test(sqlType) && Array.isArray(value)) return `'${arrayLiteral(value, sqlType)}'`;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return driverValueLiteral(column, value);
}

/** A default that cannot be written as SQL: the adapter reports it as not compared. */
export class UnrenderableDefault extends Error {}

/** The column's own insert-time text for a structured value, as a quoted literal. */
function driverValueLiteral(column: PgColumn, value: unknown): string {
  let driverValue: unknown;
  try {
    driverValue = column.mapToDriverValue(value);
  } catch {
    driverValue = undefined;
  }
  if (typeof driverValue === 'string') return quoteLiteral(driverValue);
  if (typeof driverValue === 'number' || typeof driverValue === 'bigint' || typeof driverValue === 'boolean') return String(driverValue);
  throw new UnrenderableDefault(`its default ${describe(value)} cannot be written as SQL`);
}

function describe(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return typeof value;
  }
}

/** drizzle-kit's spelling of a `Date` default: a date, a zone-less timestamp to the millisecond, or ISO 8601. */
function dateLiteral(value: Date, sqlType: string): string {
  if (sqlType === 'date') return value.toISOString().split('T')[0]!;
  if (sqlType === 'timestamp') return value.toISOString().replace('T', ' ').slice(0, 23);
  return value.toISOString();
}

/**
 * drizzle-kit's `buildArrayString`: a PostgreSQL array literal (`{"a","b c"}`) with every string
 * element quoted; not escaped for the enclosing SQL string, exactly as drizzle-kit writes it.
 */
function arrayLiteral(values: readonly unknown[], sqlType: string): string {
  const elementType = sqlType.split('[')[0]!;
  const elements = values.map((value) => {
    if (typeof value === 'number' || typeof value === 'bigint') return value.toString();
    if (typeof value === 'boolean') return value ? 'true' : 'false';
    if (Array.isArray(value)) return arrayLiteral(value, elementType);
    if (value instanceof Date) return `"${dateLiteral(value, elementType)}"`;
    if (typeof value === 'object' && value !== null) return `"${JSON.stringify(value).replaceAll('"', '\\"')}"`;
    return `"${String(value)}"`;
  });
  return `{${elements.join(',')}}`;
}

const serialTypes = new Set(['serial', 'bigserial', 'smallserial']);

/**
 * Whether a column is `serial`, `bigserial` or `smallserial`: NOT NULL in the database whatever its `.notNull()`
 * says, as PostgreSQL makes every serial. A hand-written `.default(sql\`nextval(...)\`)` is not one.
 */
export function isSerialColumn(column: PgColumn): boolean {
  return serialTypes.has(column.getSQLType());
}

/** `serial` is `integer` plus `DEFAULT nextval('<table>_<column>_seq'::regclass)`, as pg_get_expr prints it. */
function serialColumnDefault(column: PgColumn, context: DefaultContext): string | null {
  return serialTypes.has(column.getSQLType()) ? serialDefault(context.table, context.column) : null;
}

import { serialDefault, type QualifiedName } from '@ormdrift/core';
import type { AttributeLike, QueryGeneratorLike } from './sequelize-shapes.ts';

export type ResolvedDefault = { readonly ok: true; readonly default: string | null } | { readonly ok: false; readonly reason: string };

/**
 * The database default `sync()` writes for an attribute, rendered by the instance's own query
 * generator (`escape(value, attribute)`, the call `attributeToSQL()` makes), so a value is
 * spelled exactly as Sequelize sends it: `'{"a":1}'`, `ARRAY[]::VARCHAR(255)[]`, `false`,
 * `CURRENT_TIMESTAMP` for `Sequelize.literal('CURRENT_TIMESTAMP')`.
 *
 * `autoIncrement` is `SERIAL`, whose default is the sequence PostgreSQL creates; an
 * `autoIncrementIdentity` column is an identity column and has no default.
 */
export function sequelizeDefault(
  attribute: AttributeLike,
  place: { readonly table: QualifiedName; readonly column: string },
  queryGenerator: QueryGeneratorLike,
): ResolvedDefault {
  if (attribute.autoIncrement) return { ok: true, default: attribute.autoIncrementIdentity ? null : serialDefault(place.table, place.column) };
  if (!isDatabaseDefault(attribute.defaultValue)) return { ok: true, default: null };
  try {
    const sql = queryGenerator.escape(attribute.defaultValue, attribute);
    return { ok: true, default: sql === 'NULL' ? null : sql };
  } catch (cause) {
    const message = (cause instanceof Error ? cause.message : String(cause)).split('\n')[0];
    return { ok: false, reason: `its defaultValue cannot be rendered as SQL (${message})` };
  }
}

/**
 * A `defaultValue` Sequelize computes in JavaScript on insert, as the model spells it (`DataTypes.NOW`, `a
 * defaultValue function`); undefined for a database default or none.
 */
export function clientSideDefault(value: unknown): string | undefined {
  if (value === undefined || isDatabaseDefault(value)) return undefined;
  if (typeof value === 'function') {
    const key = (value as { key?: unknown }).key;
    return typeof key === 'string' && javascriptDefaults.has(key) ? `DataTypes.${key}` : 'a defaultValue function';
  }
  return `DataTypes.${String((value as { key?: unknown }).key)}`;
}

/** Defaults Sequelize computes in JavaScript on insert: they never reach the database. */
const javascriptDefaults = new Set(['NOW', 'UUIDV1', 'UUIDV4']);

/**
 * Sequelize's `Utils.defaultValueSchemable()`, by shape: `DataTypes.NOW`, `UUIDV1`, `UUIDV4`
 * (the class or an instance of it) and any function are evaluated by Sequelize itself.
 */
export function isDatabaseDefault(value: unknown): boolean {
  if (value === undefined || typeof value === 'function') return false;
  if (typeof value === 'object' && value !== null) {
    const key = (value as { key?: unknown }).key;
    if (typeof key === 'string' && javascriptDefaults.has(key) && typeof (value as { toSql?: unknown }).toSql === 'function') return false;
  }
  return true;
}

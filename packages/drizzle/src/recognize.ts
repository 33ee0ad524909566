import { is } from 'drizzle-orm';
import { isPgEnum, isPgMaterializedView, isPgView, PgSchema, PgSequence, PgTable, type PgEnum } from 'drizzle-orm/pg-core';

/**
 * Drizzle's own brand checks. `is()` compares the `entityKind` each Drizzle class carries under
 * a `Symbol.for` key, and `isPgEnum` a `Symbol.for` flag, so a table built by the user's copy of
 * drizzle-orm is recognized even when it is not the copy this adapter resolves; `instanceof`
 * would not be. A plain object shaped like a table carries no brand and is not one.
 */

export function isDrizzleTable(value: unknown): value is PgTable {
  return is(value, PgTable);
}

export function isDrizzleEnum(value: unknown): value is PgEnum<[string, ...string[]]> {
  return isPgEnum(value);
}

export function isDrizzleSchema(value: unknown): value is PgSchema {
  return is(value, PgSchema);
}

/** A `pgSequence(...)`: a schema object of its own, so a module that exports only sequences is a schema module. */
export function isDrizzleSequence(value: unknown): value is PgSequence {
  return is(value, PgSequence);
}

/** Views and materialized views: Drizzle objects, but no table of their own. */
export function isDrizzleView(value: unknown): boolean {
  return isPgView(value) || isPgMaterializedView(value);
}

/** Whether a module that exports this value is a Drizzle schema module. */
export function isDrizzleExport(value: unknown): boolean {
  return isDrizzleTable(value) || isDrizzleEnum(value) || isDrizzleSchema(value) || isDrizzleSequence(value);
}

/**
 * What a Drizzle database object (`drizzle(url, { schema, casing })`) knows of the schema it was given, read as
 * `guardDrizzle(db, schema)` would be told it: drizzle-orm 0.x keeps the schema module in `db._.fullSchema` and
 * the casing in its dialect's `casing` cache (as a conversion function only); 1.x keeps the tables of
 * `defineRelations()` in `db._.relations`, and no casing (a 1.x table declares its own).
 */
export interface DrizzleDatabaseSchema {
  /** The schema's exports by name: tables, enums, sequences (0.x), or the relations' tables (1.x). */
  readonly schema: Readonly<Record<string, unknown>>;
  readonly casing?: 'snake_case' | 'camelCase';
}

const entityKind = Symbol.for('drizzle:entityKind');
/** drizzle-orm's PostgreSQL database classes: `PgDatabase` (0.x), `PgAsyncDatabase` and its base (1.x). */
const databaseKinds = new Set(['PgDatabase', 'PgAsyncDatabase', 'BasePgAsyncDatabase']);

/** Whether a value is a drizzle-orm PostgreSQL database object, by the entity kind its classes carry (as `is()` reads it). */
export function isDrizzleDatabase(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  for (let type = Object.getPrototypeOf(value)?.constructor; type; type = Object.getPrototypeOf(type)) {
    const kind = Object.hasOwn(type, entityKind) ? (type as { [entityKind]?: unknown })[entityKind] : undefined;
    if (typeof kind === 'string' && databaseKinds.has(kind)) return true;
  }
  return false;
}

/** The schema and casing a database object was built with; `undefined` when it was built without a schema. */
export function drizzleDatabaseSchema(db: object): DrizzleDatabaseSchema | undefined {
  const internals = (db as { _?: { fullSchema?: unknown; relations?: unknown } })._;
  let schema: Record<string, unknown> | undefined;
  if (isRecord(internals?.fullSchema) && Object.keys(internals.fullSchema).length > 0) schema = internals.fullSchema;
  else if (isRecord(internals?.relations)) {
    const tables = Object.entries(internals.relations).flatMap(([name, relation]) =>
      isRecord(relation) && relation['table'] !== undefined ? [[name, relation['table']] as const] : [],
    );
    if (tables.length > 0) schema = Object.fromEntries(tables);
  }
  if (!schema) return undefined;
  const casing = dialectCasing(db);
  return { schema, ...(casing ? { casing } : {}) };
}

/**
 * The dialect's casing, told by what its conversion does (0.x keeps the function, not the option's name):
 * `fooBar` to `foo_bar` is snake_case, `foo_bar` to `fooBar` camelCase.
 */
function dialectCasing(db: object): 'snake_case' | 'camelCase' | undefined {
  const convert = (db as { dialect?: { casing?: { convert?: unknown } } }).dialect?.casing?.convert;
  if (typeof convert !== 'function') return undefined;
  if (convert('fooBar') === 'foo_bar') return 'snake_case';
  if (convert('foo_bar') === 'fooBar') return 'camelCase';
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** The ORMs ormdrift has an adapter for. */
export type OrmName = 'typeorm' | 'sequelize' | 'drizzle';

/**
 * Which ORM made a value, told from the marks each ORM leaves on its own objects, so that
 * no ORM is imported to tell (importing sequelize costs ~250 ms, drizzle-orm ~110 ms, in an
 * app that uses neither). The adapter of that ORM then decides, with the ORM's own checks,
 * what the value is a part of. Returns undefined for anything no ORM made.
 *
 * - TypeORM brands its objects with `@instanceof` symbols from the global symbol registry, and
 *   keeps decorated entity classes in one global decorator storage.
 * - Drizzle marks its classes with `Symbol.for('drizzle:entityKind')` (what its `is()` reads) and
 *   enums with `Symbol.for('drizzle:isPgEnum')`.
 * - Sequelize 6 has no brand: an instance and a model class are told by the members only it
 *   has; a sequelize-typescript class added to no instance by its `sequelize:*` metadata.
 */
export function ormOf(value: unknown): OrmName | undefined {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return undefined;
  if (isTypeormValue(value)) return 'typeorm';
  if (isDrizzleValue(value)) return 'drizzle';
  if (isSequelizeValue(value)) return 'sequelize';
  return undefined;
}

/** A value that holds a registry's models itself: a TypeORM DataSource or a Sequelize instance. */
export function isRegistryRoot(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  return (value as { '@instanceof'?: unknown })['@instanceof'] === Symbol.for('DataSource') || isSequelizeInstance(value);
}

const typeormBrands = new Set([Symbol.for('DataSource'), Symbol.for('EntitySchema')]);

function isTypeormValue(value: object): boolean {
  if (typeormBrands.has((value as { '@instanceof'?: symbol })['@instanceof'] as symbol)) return true;
  return typeof value === 'function' && decoratedEntities().has(value);
}

let indexed: { tables: readonly { target: unknown }[]; length: number; targets: Set<unknown> } | undefined;

/** The classes in TypeORM's decorator storage, as a set rebuilt only when the storage grew (one lookup per export). */
function decoratedEntities(): ReadonlySet<unknown> {
  const storage = (globalThis as { typeormMetadataArgsStorage?: { tables?: readonly { target: unknown }[] } }).typeormMetadataArgsStorage;
  const tables = storage?.tables ?? [];
  if (indexed?.tables !== tables || indexed.length !== tables.length) {
    indexed = { tables, length: tables.length, targets: new Set(tables.map((table) => table.target)) };
  }
  return indexed.targets;
}

const entityKind = Symbol.for('drizzle:entityKind');
const isPgEnum = Symbol.for('drizzle:isPgEnum');
/** The Drizzle entity kinds that can be part of a PostgreSQL schema module. */
const drizzleKinds = new Set([
  'PgTable',
  'PgSchema',
  'PgView',
  'PgMaterializedView',
  'PgSequence',
  // a database object (`drizzle(url, { schema })`) holds its schema: 0.x's class, and 1.x's
  'PgDatabase',
  'PgAsyncDatabase',
  'BasePgAsyncDatabase',
]);

function isDrizzleValue(value: object): boolean {
  if (typeof value === 'function' && (value as { [isPgEnum]?: unknown })[isPgEnum] === true) return true;
  if (typeof value !== 'object') return false;
  // what drizzle-orm's `is()` does: walk the constructors, reading each one's entity kind
  for (let type = Object.getPrototypeOf(value)?.constructor; type; type = Object.getPrototypeOf(type)) {
    const kind = Object.hasOwn(type, entityKind) ? (type as { [entityKind]?: unknown })[entityKind] : undefined;
    if (typeof kind === 'string' && drizzleKinds.has(kind)) return true;
  }
  return false;
}

function isSequelizeValue(value: object): boolean {
  return isSequelizeInstance(value) || isSequelizeModel(value) || isDetachedModelClass(value);
}

function isSequelizeInstance(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  if (typeof candidate['define'] !== 'function' || typeof candidate['getQueryInterface'] !== 'function') return false;
  // Sequelize 6 and 7 keep their version on the class: an instance of a major the adapter does not read is still
  // claimed, so that the adapter refuses it in one line (Sequelize 7's removed `modelManager` throws when read)
  if (typeof (value.constructor as { version?: unknown } | undefined)?.version === 'string') return true;
  try {
    return (
      typeof candidate['getDialect'] === 'function' &&
      typeof candidate['models'] === 'object' &&
      Array.isArray((candidate['modelManager'] as { models?: unknown } | undefined)?.models)
    );
  } catch {
    return false;
  }
}

function isSequelizeModel(value: object): boolean {
  const candidate = value as Record<string, unknown>;
  return (
    typeof value === 'function' &&
    typeof candidate['getAttributes'] === 'function' &&
    typeof candidate['getTableName'] === 'function' &&
    isSequelizeInstance(candidate['sequelize'])
  );
}

function isDetachedModelClass(value: object): boolean {
  const reflect = Reflect as unknown as { getMetadata?(key: string, target: object): unknown };
  const prototype = (value as { prototype?: unknown }).prototype;
  return (
    typeof value === 'function' &&
    typeof prototype === 'object' &&
    prototype !== null &&
    typeof reflect.getMetadata === 'function' &&
    reflect.getMetadata('sequelize:modelName', prototype) !== undefined
  );
}

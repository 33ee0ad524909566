import type { GuardOptions, GuardOutcome } from './guard-schema.ts';
import { guardSchema } from './guard-schema.ts';
import { validateOrmGuardOptions } from './validate-options.ts';

/** The guard's options without what the sugar takes from the ORM object itself. */
export type OrmGuardOptions = Omit<GuardOptions, 'sources' | 'db'>;

// Each function refuses `sources` and `db` (a TypeError, as guardSchema's unknown options): from JavaScript they
// would otherwise be silently ignored, and the app checked against other models or another database than written.

/**
 * Guards a TypeORM app: its initialized DataSource is both the models and the connection (the driver's pool is
 * borrowed for the reads). Call it after `await dataSource.initialize()`; throws a TypeError when it was not.
 */
export async function guardDataSource(dataSource: object, options: OrmGuardOptions = {}): Promise<GuardOutcome> {
  validateOrmGuardOptions('guardDataSource', options);
  return guardSchema({ ...options, sources: dataSource, db: dataSource });
}

/** Guards a Sequelize app: the instance's models, read through the instance's own connection pool. */
export async function guardSequelize(sequelize: object, options: OrmGuardOptions = {}): Promise<GuardOutcome> {
  validateOrmGuardOptions('guardSequelize', options);
  return guardSchema({ ...options, sources: sequelize, db: sequelize });
}

/**
 * Guards a Drizzle app: `schema` is the schema module (`import * as schema from './schema'`), `db` the database
 * `drizzle()` returned over node-postgres, whose client or pool is borrowed. With `casing: 'snake_case'` in
 * `drizzle()`, pass the same `casing` here: the database object does not expose it.
 */
export async function guardDrizzle(
  db: object,
  schema: Readonly<Record<string, unknown>>,
  options: OrmGuardOptions & { readonly casing?: 'snake_case' | 'camelCase' } = {},
): Promise<GuardOutcome> {
  validateOrmGuardOptions('guardDrizzle', options, ['casing']);
  const { casing, ...rest } = options;
  if (casing === undefined) return guardSchema({ ...rest, sources: schema, db });
  const { drizzleSource } = await import('@ormdrift/drizzle');
  return guardSchema({ ...rest, sources: drizzleSource(schema, { casing }), db });
}

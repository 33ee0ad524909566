import type { Introspector } from '@ormdrift/core';
import { ormOf } from '@ormdrift/discover';
import {
  isPostgresClient,
  isPostgresPool,
  postgresIntrospector,
  type ConnectionLender,
  type PostgresClientLike,
  type PostgresPoolLike,
  type PostgresUrlIntrospectorOptions,
} from '@ormdrift/postgres';

/**
 * The database to check: a connection string, a connected `pg.Client`, a `pg.Pool`, or an ORM connection that is
 * already open (an initialized TypeORM DataSource, a Sequelize instance, a Drizzle database over node-postgres).
 * Connections the app owns are borrowed and never ended; a URL is connected to and closed by the check itself.
 */
export type GuardDatabase = string | PostgresClientLike | PostgresPoolLike | object;

/**
 * An introspector over `db`. For an ORM connection it borrows the ORM's own pool: TypeORM's `driver.master`
 * (a `pg.Pool`), Sequelize's connection manager (acquire and release, destroy when a read got no answer), a
 * Drizzle database's `$client`. Throws a TypeError naming what to pass when `db` is none of these, or when a
 * TypeORM DataSource is not initialized yet. A string that is no PostgreSQL URL is refused, when read, with a
 * `ConnectionError` that says to pass `db: 'postgres://…'` (`options.urlUsage` words it otherwise).
 */
export function databaseIntrospector(db: GuardDatabase, options: PostgresUrlIntrospectorOptions = {}): Introspector {
  if (typeof db === 'string') return postgresIntrospector(db, { urlUsage: guardUrlUsage, ...options });
  if (isDataSource(db)) return postgresIntrospector(dataSourcePool(db), options);
  if (isSequelizeInstance(db)) return postgresIntrospector(sequelizeLender(db), options);
  if (isDrizzleDatabase(db)) return databaseIntrospector(drizzleClient(db), options);
  if (isPostgresPool(db) || isPostgresClient(db)) return postgresIntrospector(db, options);
  throw new TypeError(
    'db is not a database ormdrift can read: pass a postgres:// URL, a pg Client or Pool, an initialized TypeORM DataSource, a Sequelize instance, or a Drizzle database over node-postgres',
  );
}

/** How the guard and `checkSchema` take the URL: their `db` option (the CLI's advice, `--db`, means nothing there). */
const guardUrlUsage = "db: 'postgres://user@host:5432/database'";

interface DataSourceLike {
  readonly isInitialized: boolean;
  readonly options: { readonly type?: string };
  readonly driver?: { readonly master?: unknown };
}

function isDataSource(value: object): value is DataSourceLike {
  return ormOf(value) === 'typeorm' && (value as { '@instanceof'?: unknown })['@instanceof'] === Symbol.for('DataSource');
}

/** The pool an initialized DataSource's PostgreSQL driver opened (`driver.master`, a `pg.Pool`). */
function dataSourcePool(dataSource: DataSourceLike): PostgresPoolLike {
  if (dataSource.options.type !== 'postgres') {
    throw new TypeError(`the DataSource is of type "${dataSource.options.type}": ormdrift checks PostgreSQL databases (type: "postgres")`);
  }
  if (!dataSource.isInitialized || !isPostgresPool(dataSource.driver?.master)) {
    throw new TypeError('the DataSource is not initialized: await dataSource.initialize() before checking it, or pass the database URL as db');
  }
  return dataSource.driver.master;
}

interface SequelizeLike {
  getDialect(): string;
  readonly connectionManager: {
    getConnection(options?: { type?: 'read' | 'write' }): Promise<PostgresClientLike>;
    releaseConnection(connection: PostgresClientLike): void;
    destroyConnection?(connection: PostgresClientLike): Promise<void>;
  };
}

function isSequelizeInstance(value: object): value is SequelizeLike {
  const candidate = value as Partial<SequelizeLike> & { getQueryInterface?: unknown };
  return typeof candidate.getQueryInterface === 'function' && typeof candidate.connectionManager?.getConnection === 'function';
}

/** Sequelize's own pool, through its connection manager: a read connection, released (or destroyed when broken). */
function sequelizeLender(sequelize: SequelizeLike): ConnectionLender {
  const dialect = sequelize.getDialect();
  if (dialect !== 'postgres')
    throw new TypeError(`the Sequelize instance uses the ${dialect} dialect: ormdrift checks PostgreSQL databases (dialect: 'postgres')`);
  const manager = sequelize.connectionManager;
  return {
    acquire: () => manager.getConnection({ type: 'read' }),
    release: async (connection, broken) => {
      if (broken && manager.destroyConnection) await manager.destroyConnection(connection).catch(() => {});
      else manager.releaseConnection(connection);
    },
  };
}

function isDrizzleDatabase(value: object): value is { $client: unknown } {
  return '$client' in value && typeof (value as { select?: unknown }).select === 'function';
}

/** The client a Drizzle database was made with: node-postgres's `pg.Pool` or `pg.Client`. */
function drizzleClient(db: { $client: unknown }): PostgresClientLike | PostgresPoolLike {
  const client = db.$client;
  if (isPostgresPool(client) || isPostgresClient(client)) return client;
  throw new TypeError('the Drizzle database is not over node-postgres (pg): pass db as a postgres:// URL, or a pg Client or Pool, to check it');
}

import { MigrationFailedError } from '@ormdrift/core';

/** The parts of a TypeORM DataSource the runner uses, declared structurally (the user's copy of TypeORM made it). */
interface MigratingDataSource {
  readonly options: Record<string, unknown>;
  readonly migrations: readonly { name?: string; up(queryRunner: unknown): Promise<unknown> }[];
  initialize(): Promise<unknown>;
  runMigrations(options?: { transaction?: 'all' | 'none' | 'each' }): Promise<readonly { name: string }[]>;
  destroy(): Promise<void>;
}
const silentLogger = {
  logQuery() {},
  logQueryError() {},
  logQuerySlow() {},
  logSchemaBuild() {},
  logMigration() {},
  log() {},
};

type DataSourceConstructor = new (options: Record<string, unknown>) => MigratingDataSource;

export interface TypeormMigrationsOptions {
  /** The project's DataSource: its `migrations`, `migrationsTableName`, `schema` and entities are kept. */
  readonly dataSource?: unknown;
  /** Migration classes, when they are given as a directory rather than by a DataSource. */
  readonly migrations?: readonly Function[];
  /** The DataSource class of the project's TypeORM; needed when no `dataSource` is given. */
  readonly DataSource?: unknown;
  /** Called with each migration's name as it starts: a caller's deadline can then name the one that hangs. */
  readonly onMigration?: (name: string) => void;
}

/**
 * Runs TypeORM migrations on the database at `url` with TypeORM's own runner (`DataSource.runMigrations()`, one
 * transaction per migration), through a new DataSource that copies the project's options but connects to `url`
 * and never synchronizes. Returns the names of the migrations it ran. Throws {@link MigrationFailedError} naming
 * the migration that failed; connection errors as TypeORM throws them.
 */
export async function runTypeormMigrations(url: string, options: TypeormMigrationsOptions): Promise<string[]> {
  const existing = options.dataSource as MigratingDataSource | undefined;
  const DataSource = (existing?.constructor ?? options.DataSource) as DataSourceConstructor | undefined;
  if (!DataSource) throw new TypeError('runTypeormMigrations needs a DataSource or the DataSource class');
  const dataSource = new DataSource({
    ...(existing?.options ?? { entities: [] }),
    ...(options.migrations ? { migrations: [...options.migrations] } : {}),
    type: 'postgres',
    url,
    ...{ host: undefined, port: undefined, username: undefined, password: undefined, database: undefined },
    ...{ ssl: false, extra: undefined, replication: undefined },
    synchronize: false,
    migrationsRun: false,
    dropSchema: false,
    logging: false,
    // TypeORM prints a failed migration to stdout whatever `logging` says: ormdrift reports it itself
    logger: silentLogger,
    subscribers: [],
  });
  await dataSource.initialize();
  try {
    // TypeORM's error does not say which migration failed: each one's `up` names itself on the way in and out
    for (const migration of dataSource.migrations) {
      const name = migration.name ?? migration.constructor.name;
      const up = migration.up.bind(migration);
      migration.up = async (queryRunner: unknown) => {
        options.onMigration?.(name);
        try {
          return await up(queryRunner);
        } catch (cause) {
          throw new MigrationFailedError(name, cause);
        }
      };
    }
    const ran = await dataSource.runMigrations({ transaction: 'each' });
    return ran.map((migration) => migration.name);
  } finally {
    await dataSource.destroy().catch(() => {});
  }
}

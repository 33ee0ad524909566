import { MigrationFailedError } from '@ormdrift/core';

/** One sequelize-cli migration file: its name (the file name, as `SequelizeMeta` records it) and its module. */
export interface SequelizeMigrationFile {
  readonly name: string;
  /** Imports the file; its exports (or `default`) hold `up(queryInterface, Sequelize)`. */
  load(): Promise<Record<string, unknown>>;
}

export interface SequelizeMigrationsOptions {
  readonly migrations: readonly SequelizeMigrationFile[];
  /** The project's `Sequelize` class (from its own copy of sequelize); by default the one beside ormdrift. */
  readonly Sequelize?: unknown;
  /** sequelize-cli's `migrationStorageTableName`; default `SequelizeMeta`. */
  readonly tableName?: string;
  /** Called with each migration's name as it starts: a caller's deadline can then name the one that hangs. */
  readonly onMigration?: (name: string) => void;
}

type SequelizeConstructor = new (
  url: string,
  options: Record<string, unknown>,
) => {
  getQueryInterface(): unknown;
  close(): Promise<void>;
};

/**
 * Runs sequelize-cli migrations (`up(queryInterface, Sequelize)`, in the order given) on the database at `url`
 * through `umzug`, recording them in `SequelizeMeta` as sequelize-cli does. Returns the names it ran. Throws
 * {@link MigrationFailedError} naming the migration that failed, and an Error saying what to install when
 * `umzug` or `sequelize` is missing.
 */
export async function runSequelizeMigrations(url: string, options: SequelizeMigrationsOptions): Promise<string[]> {
  const Sequelize = (options.Sequelize ?? (await import('sequelize')).Sequelize) as SequelizeConstructor;
  const umzug = await import('umzug').catch((cause: unknown) => {
    throw new Error('running Sequelize migrations needs the npm package umzug: npm i -D umzug', { cause });
  });
  const sequelize = new Sequelize(url, { dialect: 'postgres', logging: false });
  const queryInterface = sequelize.getQueryInterface();
  const runner = new umzug.Umzug({
    migrations: options.migrations.map((file) => ({
      name: file.name,
      up: async () => {
        options.onMigration?.(file.name);
        const module = await file.load();
        const up = (module['up'] ?? (module['default'] as Record<string, unknown> | undefined)?.['up']) as
          | ((queryInterface: unknown, sequelize: unknown) => Promise<unknown>)
          | undefined;
        if (typeof up !== 'function') throw new Error(`${file.name} exports no up(queryInterface, Sequelize) function`);
        await up(queryInterface, Sequelize);
      },
    })),
    context: queryInterface as object,
    storage: new umzug.SequelizeStorage({ sequelize: sequelize as never, ...(options.tableName ? { tableName: options.tableName } : {}) }),
    logger: undefined,
  });
  try {
    const ran = await runner.up();
    return ran.map((migration) => migration.name);
  } catch (error) {
    if (error instanceof umzug.MigrationError) {
      const name = (error as unknown as { migration: { name: string } }).migration.name;
      throw new MigrationFailedError(name, error.cause ?? error);
    }
    throw error;
  } finally {
    await sequelize.close().catch(() => {});
  }
}

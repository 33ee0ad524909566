import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { listSqlMigrations, type DiskMigration, type ReadLedgerOptions } from '@ormdrift/postgres';
import { isMigrationClass, scriptFiles } from './apply-migrations.ts';
import { MigrationsError } from './migrations-error.ts';
import { importWithHost, type ImportMigrationModule, type MigrationsRuntime } from './migrations-runtime.ts';
import type { MigrationsTarget } from './migrations-target.ts';

/** The migrations on disk, named as their tool's ledger names them, and where that ledger is. */
export interface DiskMigrations {
  readonly migrations: readonly DiskMigration[];
  readonly ledger: ReadLedgerOptions;
}

interface MigratingDataSourceLike {
  readonly options: { migrationsTableName?: string; schema?: string };
  readonly migrations: readonly { name?: string; constructor: Function }[];
  buildMetadatas(): Promise<void>;
}

/**
 * Lists the migrations without running any: SQL and sequelize-cli file names, drizzle-kit journal tags with the
 * SHA-256 of each file (what drizzle records), TypeORM migration names (a DataSource's, which TypeORM builds
 * without connecting, or the classes of a folder). Throws {@link MigrationsError} for what cannot be read, and what
 * `runtime.importModule` throws for a module that does not import.
 */
export async function listMigrations(target: MigrationsTarget, runtime: MigrationsRuntime): Promise<DiskMigrations> {
  switch (target.kind) {
    case 'sql':
      return { migrations: (await listSqlMigrations(target.path)).map(({ name }) => ({ name })), ledger: {} };
    case 'sequelize': {
      const files = (await stat(target.path)).isFile() ? [basename(target.path)] : await scriptFiles(target.path);
      return { migrations: files.map((name) => ({ name })), ledger: {} };
    }
    case 'drizzle':
      return { migrations: await drizzleMigrations(target), ledger: {} };
    case 'typeorm':
      return typeormMigrations(target, runtime.importModule ?? importWithHost(runtime.cwd));
  }
}

async function drizzleMigrations(target: MigrationsTarget): Promise<DiskMigration[]> {
  const journalFile = join(target.path, 'meta', '_journal.json');
  let journal: { entries: { tag: string; when: number }[] };
  try {
    journal = JSON.parse(await readFile(journalFile, 'utf8')) as typeof journal;
  } catch (cause) {
    throw new MigrationsError(`cannot read the drizzle-kit journal ${join(target.spec, 'meta', '_journal.json')}: ${(cause as Error).message}`, { cause });
  }
  const migrations: DiskMigration[] = [];
  for (const entry of journal.entries) {
    // drizzle-orm's migrator records the SHA-256 of the file as it reads it
    const text = await readFile(join(target.path, `${entry.tag}.sql`), 'utf8');
    migrations.push({ name: entry.tag, hash: createHash('sha256').update(text).digest('hex'), createdAt: entry.when });
  }
  return migrations;
}

async function typeormMigrations(target: MigrationsTarget, load: ImportMigrationModule): Promise<DiskMigrations> {
  const { isDataSource } = await import('@ormdrift/typeorm');
  if ((await stat(target.path)).isFile()) {
    const exports = await load(target.path);
    const dataSource = Object.values(exports).find(isDataSource) as MigratingDataSourceLike | undefined;
    if (!dataSource) throw new MigrationsError(`${target.spec} exports no TypeORM DataSource: export the DataSource whose migrations option lists them`);
    await dataSource.buildMetadatas(); // builds the migration instances too, without connecting
    return {
      migrations: dataSource.migrations.map((migration) => ({ name: migration.name ?? migration.constructor.name })),
      ledger: {
        ...(dataSource.options.migrationsTableName ? { table: dataSource.options.migrationsTableName } : {}),
        ...(dataSource.options.schema ? { schema: dataSource.options.schema } : {}),
      },
    };
  }
  const names: string[] = [];
  for (const file of await scriptFiles(target.path)) {
    const exports = await load(join(target.path, file));
    for (const value of Object.values(exports).filter(isMigrationClass)) {
      names.push((new (value as new () => { name?: string })().name ?? value.name) as string);
    }
  }
  return { migrations: names.map((name) => ({ name })), ledger: {} };
}

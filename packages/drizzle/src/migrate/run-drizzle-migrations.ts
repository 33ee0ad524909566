import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MigrationFailedError } from '@ormdrift/core';

export interface DrizzleMigrationsOptions {
  /** The drizzle-kit output folder (`meta/_journal.json` beside the `.sql` files). */
  readonly migrationsFolder: string;
  /** drizzle-kit's `migrations.table` / `migrations.schema` when the project configured them. */
  readonly migrationsTable?: string;
  readonly migrationsSchema?: string;
}

interface JournalEntry {
  readonly tag: string;
}

/**
 * Runs a drizzle-kit migrations folder on the database at `url` with drizzle-orm's own migrator
 * (`drizzle-orm/node-postgres/migrator`, which records them in `drizzle.__drizzle_migrations`). Returns the tags
 * of the journal. Throws {@link MigrationFailedError} naming the migration (its journal tag, e.g.
 * `0004_add_message_count`) whose statement failed.
 */
export async function runDrizzleMigrations(url: string, options: DrizzleMigrationsOptions): Promise<string[]> {
  const { drizzle } = await import('drizzle-orm/node-postgres');
  const { migrate } = await import('drizzle-orm/node-postgres/migrator');
  const { readMigrationFiles } = await import('drizzle-orm/migrator');
  const config = {
    migrationsFolder: options.migrationsFolder,
    ...(options.migrationsTable ? { migrationsTable: options.migrationsTable } : {}),
    ...(options.migrationsSchema ? { migrationsSchema: options.migrationsSchema } : {}),
  };
  const journal = JSON.parse(await readFile(join(options.migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: JournalEntry[] };
  const tags = journal.entries.map((entry) => entry.tag);
  const db = drizzle(url);
  try {
    await migrate(db, config);
    return tags;
  } catch (cause) {
    // drizzle's error carries the failed statement: find the migration that holds it
    const statement = failedStatement(cause);
    const files = readMigrationFiles(config);
    const index = statement === undefined ? -1 : files.findIndex((file) => file.sql.some((sql) => sql.trim() === statement.trim()));
    throw new MigrationFailedError(index >= 0 ? (tags[index] ?? `#${index + 1}`) : options.migrationsFolder, cause, statement);
  } finally {
    await db.$client.end().catch(() => {});
  }
}

function failedStatement(cause: unknown): string | undefined {
  for (let current = cause, depth = 0; current instanceof Error && depth < 4; depth++) {
    const query = (current as { query?: unknown }).query;
    if (typeof query === 'string') return query;
    current = current.cause;
  }
  return undefined;
}

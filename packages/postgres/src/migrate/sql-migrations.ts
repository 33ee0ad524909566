import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { MigrationFailedError } from '@ormdrift/core';
import type { Queryable } from '../introspect/queryable.ts';

/** One plain SQL migration file. */
export interface SqlMigration {
  /** The file name, e.g. `004_add_message_count.sql`: what ledgers record and messages name. */
  readonly name: string;
  readonly path: string;
}

const nameOrder = new Intl.Collator('en', { numeric: true }).compare;

/**
 * The `.sql` files of a directory (not its subdirectories) in name order, numbers compared as numbers
 * (`9_x.sql` before `10_x.sql`); `*.down.sql` files (the reverse of a migration) are left out. A single `.sql`
 * file is a list of one. Throws the file system's error when the path cannot be read.
 */
export async function listSqlMigrations(path: string): Promise<SqlMigration[]> {
  if ((await stat(path)).isFile()) return [{ name: basename(path), path }];
  const entries = await readdir(path, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.sql') && !entry.name.endsWith('.down.sql'))
    .map((entry) => entry.name)
    .sort(nameOrder)
    .map((name) => ({ name, path: join(path, name) }));
}

/**
 * Runs each file as it is written, one after the other, each in one simple-protocol query (so a file may hold
 * many statements and its own BEGIN/COMMIT). Stops at the first failure with a {@link MigrationFailedError}
 * naming the file, whose `statement` is the file's text (PostgreSQL's `position` counts into it). `onStart` is told
 * which file runs, before it runs; `onApplied` after it ran.
 */
export async function runSqlMigrations(
  client: Queryable,
  migrations: readonly SqlMigration[],
  onApplied?: (migration: SqlMigration) => Promise<void> | void,
  onStart?: (migration: SqlMigration) => void,
): Promise<void> {
  for (const migration of migrations) {
    onStart?.(migration);
    const text = await readFile(migration.path, 'utf8');
    try {
      await client.query(text);
    } catch (cause) {
      throw new MigrationFailedError(migration.name, cause, text);
    }
    await onApplied?.(migration);
  }
}

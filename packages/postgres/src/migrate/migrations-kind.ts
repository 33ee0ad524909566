import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';

/** The migration tools ormdrift runs: plain SQL files, TypeORM, drizzle-kit output, sequelize-cli migrations. */
export const migrationsKinds = ['sql', 'typeorm', 'drizzle', 'sequelize'] as const;
export type MigrationsKind = (typeof migrationsKinds)[number];

const scriptExtensions = new Set(['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs']);

/**
 * Tells the kind of migrations from what the path holds: a drizzle-kit folder has `meta/_journal.json`; `.sql`
 * files (or one `.sql` file) are plain SQL; a module file is a TypeORM DataSource whose `migrations` option
 * lists them; a directory of scripts is TypeORM when they speak of a `QueryRunner`/`MigrationInterface`,
 * Sequelize when of a `queryInterface`. Returns undefined when nothing tells; throws the file system's error
 * (ENOENT...) when the path cannot be read.
 */
export async function detectMigrationsKind(path: string): Promise<MigrationsKind | undefined> {
  if ((await stat(path)).isFile()) {
    if (path.endsWith('.sql')) return 'sql';
    return scriptExtensions.has(extname(path)) ? 'typeorm' : undefined;
  }
  const entries = await readdir(path, { withFileTypes: true });
  if (entries.some((entry) => entry.isDirectory() && entry.name === 'meta')) {
    const journal = await stat(join(path, 'meta', '_journal.json')).catch(() => undefined);
    if (journal?.isFile()) return 'drizzle';
  }
  const files = entries.filter((entry) => entry.isFile()).map((entry) => entry.name);
  if (files.some((name) => name.endsWith('.sql'))) return 'sql';
  for (const name of files.filter((file) => scriptExtensions.has(extname(file)) && !file.endsWith('.d.ts'))) {
    const text = await readFile(join(path, name), 'utf8');
    if (/\bQueryRunner\b|\bMigrationInterface\b|\bqueryRunner\b/.test(text)) return 'typeorm';
    if (/\bqueryInterface\b|\bQueryInterface\b/.test(text)) return 'sequelize';
  }
  return undefined;
}

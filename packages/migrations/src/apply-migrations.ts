import { cp, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { MigrationFailedError } from '@ormdrift/core';
import { connectPostgres, describeMigrationFailure, listSqlMigrations, runSqlMigrations } from '@ormdrift/postgres';
import { formatDuration } from './format-duration.ts';
import { MigrationsError } from './migrations-error.ts';
import { importWithHost, type ImportMigrationModule, type MigrationsRuntime } from './migrations-runtime.ts';
import type { MigrationsTarget } from './migrations-target.ts';

const scriptExtensions = new Set(['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs']);

/**
 * Which migrations to run, by position in the order on disk: those before `from` have already run (through the
 * same function); `to` is exclusive. `name`, when the steps are one migration, names it in messages.
 */
export interface MigrationSteps {
  readonly from: number;
  readonly to: number;
  readonly name?: string;
}

/**
 * Runs the project's migrations (all, or `steps` of them) on the database at `url` with their own tool and returns the names it ran, in
 * order. A failing migration or a folder with no migrations is a {@link MigrationsError} of one line naming the
 * migration and PostgreSQL's message and position; a module that throws on import fails as `runtime.importModule`
 * says. A statement that runs longer than `target.timeoutMs` is cancelled by the embedded server (see `startServer`); a
 * migration whose JavaScript waits on something that never happens, or loops without yielding, is given up on shortly
 * after, naming it where it is known.
 */
export async function applyMigrations(target: MigrationsTarget, url: string, runtime: MigrationsRuntime, steps?: MigrationSteps): Promise<string[]> {
  let running: string | undefined = steps?.name;
  const what = () => (running ? `migration ${running}` : `the migrations in ${target.spec}`);
  const limit = formatDuration(target.timeoutMs);
  const tooLong = () => `${what()} did not finish within ${limit}: raise ${target.names.timeout} if it is only slow`;
  // after the server's own statement timeout, which names the migration through its tool's error
  const graceMs = 5_000;
  const watchdogAt = Date.now() + target.timeoutMs + graceMs;
  const armWatchdog = () => runtime.armWatchdog?.(Math.max(1, watchdogAt - Date.now()), `${tooLong()} (it never yielded)`);
  let disarm = armWatchdog();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new MigrationsError(tooLong())), target.timeoutMs + graceMs);
  });
  // each migration names itself as it starts: the watchdog's message too, since a loop that never yields leaves no later chance
  const onStart = (name: string) => {
    running = name;
    disarm?.();
    disarm = armWatchdog();
  };
  const load = runtime.importModule ?? importWithHost(runtime.cwd);
  try {
    return await Promise.race([run(target, url, runtime.cwd, load, steps, onStart), deadline]);
  } catch (error) {
    if (error instanceof MigrationFailedError) {
      const message = describeMigrationFailure(error, { file: target.kind === 'sql' });
      if (isStatementTimeout(error)) throw new MigrationsError(`${message}: it ran longer than ${limit}; raise ${target.names.timeout} if it is only slow`);
      throw new MigrationsError(message, { cause: error });
    }
    throw error;
  } finally {
    clearTimeout(timer);
    disarm?.();
  }
}

function run(
  target: MigrationsTarget,
  url: string,
  cwd: string,
  load: ImportMigrationModule,
  steps: MigrationSteps | undefined,
  onStart: (name: string) => void,
): Promise<string[]> {
  switch (target.kind) {
    case 'sql':
      return applySql(target, url, steps, onStart);
    case 'typeorm':
      return applyTypeorm(target, url, cwd, load, steps, onStart);
    case 'drizzle':
      return applyDrizzle(target, url, steps);
    case 'sequelize':
      return applySequelize(target, url, cwd, load, steps, onStart);
  }
}

/** PostgreSQL cancelled a statement of the migration because it ran past `statement_timeout` (SQLSTATE 57014). */
function isStatementTimeout(error: MigrationFailedError): boolean {
  for (let cause: unknown = error.cause, depth = 0; cause instanceof Error && depth < 6; depth++) {
    const inner = cause as Error & { code?: unknown; driverError?: unknown; original?: unknown };
    if (inner.code === '57014' && /statement timeout/.test(inner.message)) return true;
    cause = inner.driverError ?? inner.original ?? inner.cause;
  }
  return false;
}

async function applySql(target: MigrationsTarget, url: string, steps: MigrationSteps | undefined, onStart: (name: string) => void): Promise<string[]> {
  const all = await listSqlMigrations(target.path);
  const migrations = steps ? all.slice(steps.from, steps.to) : all;
  if (all.length === 0) throw new MigrationsError(`no .sql files in ${target.spec}: point ${target.names.migrations} at the folder that holds them`);
  const connection = await connectPostgres(url);
  try {
    await runSqlMigrations(connection.client, migrations, undefined, (migration) => onStart(migration.name));
    return migrations.map((migration) => migration.name);
  } finally {
    await connection.close().catch(() => {});
  }
}

async function applyTypeorm(
  target: MigrationsTarget,
  url: string,
  cwd: string,
  load: ImportMigrationModule,
  steps: MigrationSteps | undefined,
  onMigration: (name: string) => void,
): Promise<string[]> {
  const { runTypeormMigrations, isDataSource } = await import('@ormdrift/typeorm');
  if ((await stat(target.path)).isFile()) {
    const exports = await load(target.path);
    const dataSource = Object.values(exports).find(isDataSource);
    if (!dataSource) throw new MigrationsError(`${target.spec} exports no TypeORM DataSource: export the DataSource whose migrations option lists them`);
    if (!steps) return runTypeormMigrations(url, { dataSource, onMigration });
    // the first `to` of the DataSource's migrations: TypeORM skips those its ledger lists
    await dataSource.buildMetadatas();
    const classes = (dataSource as unknown as { migrations: object[] }).migrations.map((migration) => migration.constructor);
    return runTypeormMigrations(url, { dataSource, migrations: classes.slice(0, steps.to), onMigration });
  }
  const classes: Function[] = [];
  for (const file of await scriptFiles(target.path)) {
    const exports = await load(join(target.path, file));
    classes.push(...Object.values(exports).filter(isMigrationClass));
  }
  if (classes.length === 0) throw new MigrationsError(`no TypeORM migration classes in ${target.spec}: export classes with up(queryRunner)`);
  const DataSource = projectRequire([target.path, cwd], 'typeorm', 'TypeORM migrations need typeorm installed in the project')['DataSource'];
  return runTypeormMigrations(url, { migrations: steps ? classes.slice(0, steps.to) : classes, DataSource, onMigration });
}

async function applyDrizzle(target: MigrationsTarget, url: string, steps: MigrationSteps | undefined): Promise<string[]> {
  const { runDrizzleMigrations } = await import('@ormdrift/drizzle');
  if (!steps) return runDrizzleMigrations(url, { migrationsFolder: target.path });
  // drizzle's migrator runs what its journal lists: a copy of the folder whose journal ends at `to`
  const folder = await mkdtemp(join(tmpdir(), 'ormdrift-drizzle-'));
  try {
    await cp(target.path, folder, { recursive: true });
    const journalFile = join(folder, 'meta', '_journal.json');
    const journal = JSON.parse(await readFile(journalFile, 'utf8')) as { entries: unknown[] };
    await writeFile(journalFile, JSON.stringify({ ...journal, entries: journal.entries.slice(0, steps.to) }));
    return await runDrizzleMigrations(url, { migrationsFolder: folder });
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

async function applySequelize(
  target: MigrationsTarget,
  url: string,
  cwd: string,
  load: ImportMigrationModule,
  steps: MigrationSteps | undefined,
  onMigration: (name: string) => void,
): Promise<string[]> {
  const { runSequelizeMigrations } = await import('@ormdrift/sequelize');
  const all = (await stat(target.path)).isFile() ? [target.path] : (await scriptFiles(target.path)).map((file) => join(target.path, file));
  // umzug skips those SequelizeMeta lists
  const files = steps ? all.slice(0, steps.to) : all;
  if (files.length === 0)
    throw new MigrationsError(`no migration files in ${target.spec}: point ${target.names.migrations} at sequelize-cli's migrations folder`);
  const Sequelize = projectRequire([target.path, cwd], 'sequelize', 'Sequelize migrations need sequelize installed in the project')['Sequelize'];
  try {
    return await runSequelizeMigrations(url, {
      Sequelize,
      migrations: files.map((file) => ({ name: file.slice(file.lastIndexOf('/') + 1), load: () => load(file) })),
      onMigration,
    });
  } catch (error) {
    if (error instanceof Error && error.message.startsWith('running Sequelize migrations needs')) throw new MigrationsError(error.message);
    throw error;
  }
}

/** Migration scripts of a directory in name order, as sequelize-cli and TypeORM's glob loading take them. */
export async function scriptFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && scriptExtensions.has(extname(entry.name)) && !entry.name.endsWith('.d.ts'))
    .map((entry) => entry.name)
    .sort(new Intl.Collator('en', { numeric: true }).compare);
}

export function isMigrationClass(value: unknown): value is Function {
  return typeof value === 'function' && typeof (value.prototype as { up?: unknown } | undefined)?.up === 'function';
}

/** The project's own copy of an ORM, resolved from the migrations' folder, else from the project. */
function projectRequire(from: readonly string[], name: string, missing: string): Record<string, unknown> {
  for (const dir of from) {
    try {
      return createRequire(join(dir, 'noop.js'))(name) as Record<string, unknown>;
    } catch {
      // not installed there: try the next place
    }
  }
  throw new MigrationsError(`${missing}: npm i ${name}`);
}

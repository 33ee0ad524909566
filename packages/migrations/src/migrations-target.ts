import { readdir, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { detectMigrationsKind, migrationsKinds, type MigrationsKind } from '@ormdrift/postgres';
import { MigrationsError } from './migrations-error.ts';

/** Where a project's migrations are and which tool they belong to. */
export interface MigrationsTarget {
  /** As the user gave it, for messages. */
  readonly spec: string;
  /** Absolute. */
  readonly path: string;
  readonly kind: MigrationsKind;
  /** How long one migration may run on the embedded server, in milliseconds (`--migration-timeout`). */
  readonly timeoutMs: number;
  /** How the caller's options are spelled, for the advice in messages. */
  readonly names: MigrationsOptionNames;
}

/** The caller's names for the options a message may advise changing: the CLI's flags, or the matchers' options. */
export interface MigrationsOptionNames {
  /** Where the migrations are: `--migrations`. */
  readonly migrations: string;
  /** Which tool they belong to: `--migrations-kind`. */
  readonly kind: string;
  /** How long one migration may run: `--migration-timeout`. */
  readonly timeout: string;
}

/** The CLI's flags, the default {@link MigrationsOptionNames}. */
export const cliOptionNames: MigrationsOptionNames = { migrations: '--migrations', kind: '--migrations-kind', timeout: '--migration-timeout' };

/** The default of `--migration-timeout`: 5 minutes. */
export const defaultMigrationTimeoutMs = 300_000;

/**
 * Resolves `--migrations` (relative to `cwd`) and its kind: `--migrations-kind` when given, else what the path
 * holds; `timeoutMs` is how long each migration may run; `names` spell the options in messages. Throws {@link MigrationsError} when the path does not exist, its kind
 * cannot be told, or it is not what the forced kind reads (a drizzle-kit folder without its journal...).
 */
export async function resolveMigrationsTarget(
  spec: string,
  kindFlag: string | undefined,
  cwd: string,
  timeoutMs = defaultMigrationTimeoutMs,
  names: MigrationsOptionNames = cliOptionNames,
): Promise<MigrationsTarget> {
  const path = resolve(cwd, spec);
  if (kindFlag !== undefined && !(migrationsKinds as readonly string[]).includes(kindFlag)) {
    throw new MigrationsError(`unknown migrations kind "${kindFlag}": use ${names.kind} ${migrationsKinds.join(', ')}`);
  }
  if (!(await stat(path).catch(() => undefined))) {
    throw new MigrationsError(`cannot find the migrations ${spec}: check the path (relative to ${cwd})`);
  }
  if (kindFlag !== undefined) await refuseWrongShape(spec, path, kindFlag as MigrationsKind);
  const kind = (kindFlag as MigrationsKind | undefined) ?? (await detectMigrationsKind(path));
  if (!kind) {
    throw new MigrationsError(`cannot tell what kind of migrations ${spec} holds: pass ${names.kind} ${migrationsKinds.join('|')}`);
  }
  return { spec, path, kind, timeoutMs, names };
}

const scriptExtensions = new Set(['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs']);

/**
 * A kind forced by `--migrations-kind` on a path that cannot hold it: one line naming what is missing, before
 * any tool reads the path (and fails in the file system's words).
 */
async function refuseWrongShape(spec: string, path: string, kind: MigrationsKind): Promise<void> {
  const isFile = (await stat(path)).isFile();
  const files = isFile ? [] : (await readdir(path, { withFileTypes: true })).filter((entry) => entry.isFile()).map((entry) => entry.name);
  const scripts = files.filter((name) => scriptExtensions.has(extname(name)) && !/\.d\.[cm]?ts$/.test(name));
  switch (kind) {
    case 'drizzle': {
      const journal = isFile ? undefined : await stat(join(path, 'meta', '_journal.json')).catch(() => undefined);
      if (!journal?.isFile()) throw new MigrationsError(`${spec} is not a drizzle-kit migrations folder (no meta/_journal.json)`);
      return;
    }
    case 'sql':
      if (isFile ? !path.endsWith('.sql') : !files.some((name) => name.endsWith('.sql'))) {
        throw new MigrationsError(`${spec} is not SQL migrations (${isFile ? 'not a .sql file' : 'no .sql file in it'})`);
      }
      return;
    case 'typeorm':
      if (isFile ? !scriptExtensions.has(extname(path)) : scripts.length === 0) {
        throw new MigrationsError(`${spec} is not TypeORM migrations (${isFile ? 'not a module exporting a DataSource' : 'no .ts or .js migration in it'})`);
      }
      return;
    case 'sequelize':
      if (isFile ? !scriptExtensions.has(extname(path)) : scripts.length === 0) {
        throw new MigrationsError(`${spec} is not sequelize-cli migrations (${isFile ? 'not a .js or .ts migration' : 'no .js or .ts migration in it'})`);
      }
      return;
  }
}

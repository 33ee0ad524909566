import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';

export interface TestDatabase {
  readonly url: string;
  readonly name: string;
  readonly major: number;
  /** Runs SQL as the database owner, to build or mutate the database under test. */
  query<T = Record<string, unknown>>(sql: string, values?: unknown[]): Promise<T[]>;
  drop(): Promise<void>;
}

/**
 * A fresh database on this project's server: empty, or a copy of `template` (PostgreSQL copies
 * its files, much faster than building it again). Holds no connection between queries, so it
 * can itself serve as a template.
 */
export async function createTestDatabase(options: { template?: TestDatabase } = {}): Promise<TestDatabase> {
  const serverUrl = inject('postgresUrl');
  const name = `ormdrift_test_${randomBytes(6).toString('hex')}`;
  const admin = adminPool(serverUrl);
  const strategy = (await copyStrategy(admin)) ?? '';
  await admin.query(`create database ${name}${options.template ? ` template ${options.template.name}` : ''}${strategy}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    major: inject('postgresMajor'),
    query: async <T>(sql: string, values?: unknown[]) => withClient(url.toString(), async (client) => (await client.query(sql, values)).rows as T[]),
    drop: () => admin.query(`drop database if exists ${name} with (force)`).then(() => {}),
  };
}

const adminPools = new Map<string, pg.Pool>();

/**
 * The connections to the server's `postgres` database that create and drop the test databases, kept open for
 * the file: a PostgreSQL connection costs its server ~30 ms of CPU to start, and every test database
 * needs two. No test looks at these sessions (they are on no test database); idle, they let the worker exit.
 */
function adminPool(serverUrl: string): pg.Pool {
  let pool = adminPools.get(serverUrl);
  if (!pool) {
    pool = new pg.Pool({ connectionString: serverUrl, max: 4, idleTimeoutMillis: 10_000, allowExitOnIdle: true });
    // an idle session that ends (the server stopping after the last file) is only dropped from the pool
    pool.on('error', () => {});
    adminPools.set(serverUrl, pool);
  }
  return pool;
}

let fileCopy: Promise<boolean> | undefined;

/**
 * ` strategy file_copy` where the server runs without fsync (the embedded test servers): the database's files
 * are copied as files, about half the server's work of the default WAL_LOG strategy, which writes every page of
 * the template (the system catalogs included) through the WAL. FILE_COPY's checkpoints are cheap only when they
 * sync nothing: on a durable server (a container, `ORMDRIFT_TEST_DATABASE_URL`) the default is kept.
 */
async function copyStrategy(client: pg.Pool): Promise<string | undefined> {
  fileCopy ??= client
    .query<{ fsync: string }>(`select current_setting('fsync') as fsync`)
    .then((result) => result.rows[0]?.fsync === 'off')
    .catch(() => false);
  return (await fileCopy) ? ' strategy file_copy' : undefined;
}

async function withClient<T>(url: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

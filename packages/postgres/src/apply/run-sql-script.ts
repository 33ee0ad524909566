import { connectPostgres } from '../connect/connect-postgres.ts';

/** A NOTICE or WARNING the server sent while a script ran (`RAISE NOTICE` in a DO block). */
export interface ServerNotice {
  readonly severity: string;
  readonly message: string;
}

/** A SQL script that failed; PostgreSQL's own message, and whether the failed transaction was rolled back. */
export class SqlScriptError extends Error {
  override readonly name = 'SqlScriptError';
}

export interface RunSqlScriptOptions {
  /** Called with each notice as it arrives. */
  readonly onNotice?: (notice: ServerNotice) => void;
  /** Give up connecting after this many milliseconds (default: `connectPostgres`'s, 10 s). */
  readonly connectTimeoutMs?: number;
}

/**
 * Runs SQL on the database at `url`, one batch at a time, each batch as one simple query (so a
 * batch may hold `BEGIN; ... COMMIT;`, and a `CREATE INDEX CONCURRENTLY` must be a batch of its
 * own). Stops at the first error: a transaction left open by the failed batch is rolled back, and
 * `SqlScriptError` says which batch failed and why. This is the only function of ormdrift that
 * writes to a database, and only `ormdrift fix --apply` calls it.
 */
export async function runSqlScript(url: string, batches: readonly string[], options: RunSqlScriptOptions = {}): Promise<void> {
  const connection = await connectPostgres(url, options.connectTimeoutMs === undefined ? {} : { connectTimeoutMs: options.connectTimeoutMs });
  // the connection's client is a pg.Client; notices are its events, which Queryable does not declare
  const client = connection.client as typeof connection.client & {
    on?(event: 'notice', listener: (notice: { severity?: string; message: string }) => void): unknown;
  };
  client.on?.('notice', (notice) => options.onNotice?.({ severity: notice.severity ?? 'NOTICE', message: notice.message }));
  try {
    for (const [index, batch] of batches.entries()) {
      try {
        await client.query(batch);
      } catch (cause) {
        await client.query('ROLLBACK').catch(() => {});
        const part = batches.length > 1 ? `part ${index + 1} of ${batches.length}` : 'the script';
        throw new SqlScriptError(`${part} failed and its transaction was rolled back: ${(cause as Error).message}`, { cause });
      }
    }
  } finally {
    await connection.close().catch(() => {});
  }
}

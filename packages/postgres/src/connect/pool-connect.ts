import type { PostgresClientLike, PostgresPoolLike } from './postgres-introspector-for-client.ts';

/** A client lent by a pool: given back with `release()`, destroyed with `release(error)`. */
export type PooledClient = PostgresClientLike & { release(destroy?: boolean | Error): void };

/**
 * `pool.connect()`, undone when `signal` aborts before the pool lent a client, so that a check that gave up leaves
 * nothing of its own in the app's pool to hold the process open. A pool cannot cancel a connect it was asked for:
 * against a server that accepts TCP and never answers (and with no `connectionTimeoutMillis` on the pool), the
 * client it opens for this call waits forever, its socket keeps the event loop alive, and `pool.end()` waits for it.
 * So, for a node-postgres `pg.Pool` (pg-pool), on abort: the client the pool opened for this call has its socket
 * destroyed, as pg-pool does itself when its own connect timeout expires (the pool drops the client and rejects
 * this call); a call queued because the pool was full leaves the queue, as pg-pool's own timeout takes it out.
 * Other pools are only waited on. The returned promise rejects with `signal.reason` on abort, and with what the
 * pool throws otherwise.
 */
export function connectCancellably(pool: PostgresPoolLike, signal: AbortSignal | undefined): Promise<PooledClient> {
  if (signal === undefined) return pool.connect();
  signal.throwIfAborted();
  const internals = pool as Partial<PgPoolInternals>;
  const clientsBefore = Array.isArray(internals._clients) ? [...internals._clients] : undefined;
  const queuedBefore = Array.isArray(internals._pendingQueue) ? [...internals._pendingQueue] : undefined;
  const connecting = pool.connect();
  // pg-pool opens the client (or queues the call) synchronously inside connect(): what is new is this call's
  const opened = clientsBefore && internals._clients?.filter((client) => !clientsBefore.includes(client));
  const queued = queuedBefore && internals._pendingQueue?.filter((item) => !queuedBefore.includes(item));
  return new Promise<PooledClient>((resolve, reject) => {
    const abort = () => {
      reject(signal.reason);
      for (const client of opened ?? []) {
        if (client._connected !== true) client.connection?.stream?.destroy();
      }
      if (queued?.length && internals._pendingQueue) {
        internals._pendingQueue = internals._pendingQueue.filter((item) => !queued.includes(item));
      }
    };
    signal.addEventListener('abort', abort, { once: true });
    connecting.then(
      (client) => {
        signal.removeEventListener('abort', abort);
        // lent after the check gave up (the server answered late): straight back to the pool
        if (signal.aborted) client.release();
        else resolve(client);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', abort);
        reject(error);
      },
    );
  });
}

/** The parts of pg-pool's `Pool` read here: its clients (connecting ones included) and its queue of waiting calls. */
interface PgPoolInternals {
  _clients: { _connected?: boolean; connection?: { stream?: { destroy(): void } } }[];
  _pendingQueue: unknown[];
}

import type { Introspector } from '@ormdrift/core';
import { borrowingIntrospector } from './borrowing-introspector.ts';
import { connectCancellably } from './pool-connect.ts';
import pg from 'pg';
import { IntrospectionError } from '../introspect/introspection-error.ts';
import { PostgresIntrospector, type PostgresIntrospectorOptions } from '../introspect/postgres-introspector.ts';
import { withDeadline } from '../introspect/query-deadline.ts';
import type { Queryable } from '../introspect/queryable.ts';

/**
 * A connected client the caller owns: a `pg.Client`, a client checked out of a `pg.Pool`, or the raw connection an
 * ORM's pool hands out. `processID` and `connectionParameters` are what `pg.Client` carries; with them an interrupted
 * catalog read is cancelled on the server (`pg_cancel_backend` from a second, short-lived connection).
 */
export interface PostgresClientLike extends Queryable {
  /** The server process serving this connection (`pg_stat_activity.pid`). */
  readonly processID?: number | null;
  /** How the client connected (host, port, user, password, database, ssl), to open the cancelling connection. */
  readonly connectionParameters?: object;
}

/** A `pg.Pool`, or anything that lends a connected client and takes it back. */
export interface PostgresPoolLike {
  connect(): Promise<PostgresClientLike & { release(destroy?: boolean | Error): void }>;
}

/**
 * How to borrow a connection and give it back: `release(client, broken)` with `broken` true when the session may be
 * unusable (a catalog read got no answer and could not be rolled back): the lender should destroy it, not reuse it.
 */
export interface ConnectionLender {
  /** A connection; `signal` aborts when the read is given up: a lender that can, undoes a connect it started. */
  acquire(signal?: AbortSignal): Promise<PostgresClientLike>;
  release(client: PostgresClientLike, broken: boolean): void | Promise<void>;
}

export interface PostgresClientIntrospectorOptions extends Omit<PostgresIntrospectorOptions, 'cancel'> {}

/** True for a `pg.Pool` (or a pool shaped like one): it lends clients; a client is itself a session. */
export function isPostgresPool(value: unknown): value is PostgresPoolLike {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as { connect?: unknown; totalCount?: unknown; connectionParameters?: unknown };
  return typeof candidate.connect === 'function' && typeof candidate.totalCount === 'number' && candidate.connectionParameters === undefined;
}

/** True for a connected-client shape: something with `query()` that is not a pool. */
export function isPostgresClient(value: unknown): value is PostgresClientLike {
  return typeof value === 'object' && value !== null && typeof (value as { query?: unknown }).query === 'function' && !isPostgresPool(value);
}

/**
 * Lends a `pg.Pool`'s clients: checked out per read, released (or destroyed when broken) after it; a connect still
 * pending when the read is given up is undone (see {@link connectCancellably}).
 */
export function poolLender(pool: PostgresPoolLike): ConnectionLender {
  const lent = new WeakMap<PostgresClientLike, { release(destroy?: boolean | Error): void }>();
  return {
    async acquire(signal) {
      const client = await connectCancellably(pool, signal);
      lent.set(client, client);
      return client;
    },
    release(client, broken) {
      lent.get(client)?.release(broken ? new Error('ormdrift: a catalog read got no answer; the session may be busy') : undefined);
    },
  };
}

/**
 * An introspector over connections the caller owns: a `pg.Client`, a `pg.Pool`, or a {@link ConnectionLender}
 * (an ORM's pool). It never ends a connection it did not open: each read runs in a READ ONLY transaction that is
 * always rolled back, on a client borrowed for that read and given back. Deadlines and `signal` as for a URL;
 * when a read is interrupted, the query still running is cancelled with `pg_cancel_backend` from a second
 * connection opened with the client's own parameters, and the session is rolled back if it answers within 2 s
 * (a pool's client that does not is released as broken, so the pool destroys it). Throws `IntrospectionError`,
 * `MissingSchemaError`, or whatever the pool throws when it cannot lend a client.
 */
export function postgresClientIntrospector(
  db: PostgresClientLike | PostgresPoolLike | ConnectionLender,
  options: PostgresClientIntrospectorOptions = {},
): Introspector {
  const lender: ConnectionLender = isLender(db)
    ? db
    : isPostgresPool(db)
      ? poolLender(db)
      : { acquire: async () => db as PostgresClientLike, release: () => {} };

  async function withIntrospector<T>(signal: AbortSignal | undefined, use: (introspector: PostgresIntrospector) => Promise<T>): Promise<T> {
    signal?.throwIfAborted();
    const acquiring = lender.acquire(signal);
    const client = await withDeadline(acquiring, undefined, signal).catch((error: unknown) => {
      // a client lent after we gave up goes straight back
      void acquiring.then(
        (late) => lender.release(late, false),
        () => {},
      );
      throw new IntrospectionError('waiting for a connection', { cause: error });
    });
    // the last statement sent, so that an interrupted read can wait for it to end before rolling back
    let last: Promise<unknown> = Promise.resolve();
    const tracked: Queryable = {
      query: (text, values) => {
        const sent = client.query(text, values);
        last = sent;
        return sent;
      },
    };
    // a pool takes its own 'error' listener off a client it lends: a connection dropped during the read must fail
    // the read, not reach the app as an uncaught 'error' event
    const dropped = listenForErrors(client);
    let interrupted = false;
    const introspector = new PostgresIntrospector(tracked, {
      ...options,
      cancel: async () => {
        interrupted = true;
        await cancelBackend(client);
      },
    });
    let broken = false;
    try {
      return await use(introspector);
    } finally {
      if (interrupted) broken = !(await rollBackAfterCancel(client, last));
      dropped.stop();
      await lender.release(client, broken);
    }
  }

  return borrowingIntrospector(withIntrospector);
}

/**
 * Holds an `'error'` listener on a borrowed client (a `pg.Client` is an EventEmitter) until `stop()`: node-postgres
 * emits `'error'` when the server ends the session (a restart, `pg_terminate_backend`, a network drop), and an
 * EventEmitter with no listener throws it. The read it was serving fails with the same cause.
 */
function listenForErrors(client: PostgresClientLike): { stop(): void } {
  const emitter = client as Partial<Pick<NodeJS.EventEmitter, 'on' | 'off'>>;
  if (typeof emitter.on !== 'function' || typeof emitter.off !== 'function') return { stop: () => {} };
  const ignore = () => {};
  emitter.on('error', ignore);
  return { stop: () => emitter.off?.('error', ignore) };
}

function isLender(value: unknown): value is ConnectionLender {
  return typeof (value as { acquire?: unknown }).acquire === 'function' && typeof (value as { release?: unknown }).release === 'function';
}

/**
 * Waits (2 s at most) for the cancelled statement to end, then rolls the read-only transaction back, so that the
 * caller's session is as it was. Returns false when the server did not answer in time: the session is still busy.
 */
async function rollBackAfterCancel(client: PostgresClientLike, last: Promise<unknown>): Promise<boolean> {
  try {
    await withDeadline(
      last.catch(() => {}),
      2_000,
    );
    await withDeadline(client.query('rollback'), 2_000);
    return true;
  } catch {
    return false;
  }
}

/** Cancels the statement running on `client`'s backend from a second connection opened with the same parameters. */
async function cancelBackend(client: PostgresClientLike): Promise<void> {
  const pid = client.processID;
  const parameters = client.connectionParameters as
    | { user?: string; password?: unknown; host?: string; port?: number; database?: string; ssl?: unknown }
    | undefined;
  if (typeof pid !== 'number' || !parameters) return;
  const { user, password, host, port, database, ssl } = parameters;
  const canceller = new pg.Client({
    ...(user === undefined ? {} : { user }),
    ...(password === undefined || password === null ? {} : { password: password as string }),
    ...(host === undefined ? {} : { host }),
    ...(port === undefined ? {} : { port }),
    ...(database === undefined ? {} : { database }),
    ...(ssl === undefined ? {} : { ssl: ssl as boolean }),
    application_name: 'ormdrift',
    connectionTimeoutMillis: 2_000,
  });
  canceller.on('error', () => {});
  try {
    await canceller.connect();
    await withDeadline(canceller.query('select pg_catalog.pg_cancel_backend($1)', [pid]), 2_000);
  } finally {
    // end politely, but never wait on a server that does not answer: then drop the socket
    await withDeadline(canceller.end(), 1_000).catch(() =>
      (canceller as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream?.destroy(),
    );
  }
}

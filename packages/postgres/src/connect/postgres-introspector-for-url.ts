import type { Introspector } from '@ormdrift/core';
import { borrowingIntrospector } from './borrowing-introspector.ts';
import { PostgresIntrospector, type PostgresIntrospectorOptions } from '../introspect/postgres-introspector.ts';
import { IntrospectionError } from '../introspect/introspection-error.ts';
import { QueryInterruptedError, withDeadline } from '../introspect/query-deadline.ts';
import { connectPostgres, type ConnectOptions } from './connect-postgres.ts';
import { postgresClientIntrospector, type ConnectionLender, type PostgresClientLike, type PostgresPoolLike } from './postgres-introspector-for-client.ts';

export interface PostgresUrlIntrospectorOptions extends ConnectOptions, Omit<PostgresIntrospectorOptions, 'cancel'> {}

/**
 * An introspector over a connection string that holds no connection until asked: each `introspect()` connects,
 * reads the catalog, and closes, whatever happens. This is the one place the connect → read → close sequence
 * lives; the CLI, the library and the tests all go through it.
 *
 * Deadlines: the connect timeout (default 10 s) while connecting, then per catalog query the server's statement
 * timeout (default 10 s) and a client-side deadline 2 s above it. When a query is interrupted (deadline, or
 * `signal` aborted) the running query is cancelled with `pg_cancel_backend` from a second, short-lived connection
 * and the session is torn down. Throws `ConnectionError` (could not connect), `MissingSchemaError` (a required
 * schema is absent) or `IntrospectionError` (a catalog read failed or got no answer; `step` names it).
 * `compareLiterals()` does the same for the server-side comparison of constant defaults: it is called only when
 * some defaults differ in spelling, so most checks open one connection; `comparePredicates()` likewise, only
 * when some partial-index predicates differ in spelling; `indexKeyClasses()` only when a model names a key's
 * default operator class.
 */
export function postgresIntrospector(url: string, options?: PostgresUrlIntrospectorOptions): Introspector;
/**
 * An introspector over connections the caller owns (a connected `pg.Client`, a `pg.Pool`, an ORM's pool as a
 * {@link ConnectionLender}); they are borrowed per read and never ended. See `postgresClientIntrospector`.
 */
export function postgresIntrospector(
  db: PostgresClientLike | PostgresPoolLike | ConnectionLender,
  options?: Omit<PostgresUrlIntrospectorOptions, keyof ConnectOptions>,
): Introspector;
export function postgresIntrospector(
  db: string | PostgresClientLike | PostgresPoolLike | ConnectionLender,
  options: PostgresUrlIntrospectorOptions = {},
): Introspector {
  if (typeof db !== 'string') return postgresClientIntrospector(db, options);
  const url = db;
  /** Connects, runs `use` with an introspector over the connection, and closes, whatever happens. */
  async function withIntrospector<T>(signal: AbortSignal | undefined, use: (introspector: PostgresIntrospector) => Promise<T>): Promise<T> {
    signal?.throwIfAborted();
    // the signal also reaches the driver: an abort tears the half-open socket down rather than leaving it to the connect timeout
    const connecting = connectPostgres(url, signal ? { ...options, signal } : options);
    // An abort while connecting must not wait for the connect timeout; a late connection is closed when it comes.
    const connection = await withDeadline(connecting, undefined, signal).catch((error: unknown) => {
      if (!(error instanceof QueryInterruptedError)) throw error;
      void connecting.then(
        (late) => late.close(),
        () => {},
      );
      throw new IntrospectionError('connecting', { cause: error });
    });
    try {
      return await use(new PostgresIntrospector(connection.client, { ...options, cancel: () => connection.cancel() }));
    } finally {
      await connection.close();
    }
  }

  return borrowingIntrospector(withIntrospector);
}

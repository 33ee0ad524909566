import pg from 'pg';
import type { Queryable } from '../introspect/queryable.ts';
import { ConnectionError } from './connection-error.ts';
import { describeConnectError } from './describe-connect-error.ts';
import { checkConnectionUrl } from './check-connection-url.ts';
import { redactPassword } from './redact-password.ts';
import { redactUrl } from './redact-url.ts';
import { sslAttempts } from './ssl-attempts.ts';
import { withDeadline } from '../introspect/query-deadline.ts';

export interface PostgresConnection {
  readonly client: Queryable;
  /** The connection string without its password, for messages. */
  readonly target: string;
  /** The server process serving this connection (`pg_stat_activity.pid`), for `pg_cancel_backend`. */
  readonly backendPid: number | undefined;
  /** Ends the session; never waits more than about a second on a server that stopped answering. */
  close(): Promise<void>;
  /**
   * Cancels the statement running on this session (`pg_cancel_backend` from a second connection opened as this one
   * was, within 2 s to connect and 2 s to answer); the session stays open. Throws when the server cannot be reached.
   */
  cancel(): Promise<void>;
}

export interface ConnectOptions {
  /**
   * How the caller takes the connection string, for the advice when it is no PostgreSQL URL: see
   * `ConnectionUrlCheckOptions.usage`. Default: the CLI's `--db`.
   */
  readonly urlUsage?: string;
  /**
   * How long to wait for the server to accept the connection, in milliseconds, both attempts of `sslmode=prefer` or
   * `allow` together. Default: the URL's `connect_timeout` (seconds), else 10 s.
   */
  readonly connectTimeoutMs?: number;
  /**
   * Gives up connecting when it aborts: the socket is torn down at once, so no half-open connection (or the driver's
   * connect timer) outlives the caller's own deadline and keeps the process alive.
   */
  readonly signal?: AbortSignal;
}

/** The default connect timeout, in milliseconds. */
export const defaultConnectTimeoutMs = 10_000;

/**
 * Opens one connection, named `ormdrift` in pg_stat_activity, with TCP keepalive on (a dead peer is noticed by the
 * kernel, not only by a timer). Throws a {@link ConnectionError} whose one-line message never holds the password
 * and says what to do: a malformed URL, a refused or silent server, SSL that does not fit the server, bad credentials.
 *
 * `sslmode=prefer` and `sslmode=allow` (in the URL, or `PGSSLMODE` when the URL says nothing about SSL) make libpq's
 * second attempt, which node-postgres does not: `prefer` connects without SSL when the server refuses SSL, `allow`
 * with SSL when the server refuses a connection without it (see `sslAttempts`). Only on that refusal, at most once,
 * and both attempts within the one connect timeout. The connect timeout is `connectTimeoutMs`, else the URL's
 * `connect_timeout` (libpq's, in seconds), else 10 s.
 */
export async function connectPostgres(url: string, options: ConnectOptions = {}): Promise<PostgresConnection> {
  const target = redactUrl(url);
  checkConnectionUrl(url, options.urlUsage === undefined ? {} : { usage: options.urlUsage });
  const timeoutMs = options.connectTimeoutMs ?? urlConnectTimeoutMs(url) ?? defaultConnectTimeoutMs;
  const attempts = sslAttempts(url);
  const started = performance.now();
  let client: pg.Client;
  let connectedUrl = attempts.first;
  try {
    try {
      client = await attempt(attempts.first, timeoutMs, options.signal);
    } catch (cause) {
      const retry = attempts.retry;
      if (!retry?.when(cause) || options.signal?.aborted) throw cause;
      // the second attempt has what is left of the one connect timeout
      const left = Math.floor(timeoutMs - (performance.now() - started));
      if (left <= 0) throw Object.assign(new Error('timeout expired'), { code: 'ETIMEDOUT' });
      connectedUrl = retry.url;
      client = await attempt(retry.url, left, options.signal);
    }
  } catch (cause) {
    if (options.signal?.aborted) throw new ConnectionError(`gave up connecting to ${target}: aborted`, { cause });
    throw new ConnectionError(redactPassword(`cannot connect to ${target}: ${describeConnectError(cause, timeoutMs, url)}`, url), { cause });
  }
  const connected = client;
  const backendPid = (connected as unknown as { processID?: number }).processID;
  return {
    client: connected,
    target,
    backendPid,
    close: () => closeClient(connected),
    cancel: () => cancelBackend(connectedUrl, backendPid, Math.min(timeoutMs, 2_000)),
  };
}

/**
 * One connection attempt as node-postgres reads `url`: the connected client, or the driver's own error (the socket
 * of a failed attempt is dropped, whatever state it is in).
 */
async function attempt(url: string, timeoutMs: number, signal: AbortSignal | undefined): Promise<pg.Client> {
  let client: pg.Client | undefined;
  try {
    // building the client parses the URL and reads any sslrootcert/sslcert/sslkey file it names
    client = withQuietSslWarnings(
      () =>
        new pg.Client({
          connectionString: url,
          application_name: 'ormdrift',
          connectionTimeoutMillis: timeoutMs,
          keepAlive: true,
          keepAliveInitialDelayMillis: 10_000,
        }),
    );
    // A dropped connection must surface as the failed query, not as an unhandled 'error' event.
    client.on('error', () => {});
    signal?.throwIfAborted();
    const building = client;
    const abort = () => destroyClient(building);
    signal?.addEventListener('abort', abort, { once: true });
    try {
      await client.connect();
    } finally {
      signal?.removeEventListener('abort', abort);
    }
    return client;
  } catch (cause) {
    if (client) destroyClient(client);
    throw cause;
  }
}

/**
 * Asks the server to cancel the statement running on backend `pid` (`pg_cancel_backend`), from a second, short-lived
 * connection opened as the first one was. A stopped backend receives the request once it runs again.
 */
async function cancelBackend(url: string, pid: number | undefined, timeoutMs: number): Promise<void> {
  if (pid === undefined) return;
  const canceller = await attempt(url, timeoutMs, undefined);
  try {
    await withDeadline(canceller.query('select pg_catalog.pg_cancel_backend($1)', [pid]), 2_000);
  } finally {
    await closeClient(canceller);
  }
}

/** The URL's `connect_timeout` (libpq's, whole seconds) in milliseconds, or undefined when it has none. */
function urlConnectTimeoutMs(url: string): number | undefined {
  const value = new URL(url).searchParams.get('connect_timeout');
  return value === null ? undefined : Number(value) * 1000;
}

/**
 * Ends a session politely, and tears the socket down when the server does not acknowledge within a second:
 * a stopped backend never answers the Terminate message, and the process must still be able to end.
 */
async function closeClient(client: pg.Client): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const gaveUp = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), 1_000)));
  const ended = await Promise.race([
    client.end().then(
      () => 'ended' as const,
      () => 'ended' as const,
    ),
    gaveUp,
  ]);
  clearTimeout(timer);
  if (ended === 'timeout') destroyClient(client);
}

function destroyClient(client: pg.Client): void {
  (client as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream?.destroy();
}

/**
 * pg's connection-string parser warns in nine lines when `sslmode=require` stands for `verify-full`; the warning
 * reaches the user's terminal before any error. The parse runs when the client is built, so hush it just then;
 * a failed handshake is explained in one line by {@link describeConnectError}.
 */
function withQuietSslWarnings<T>(build: () => T): T {
  const emitWarning = process.emitWarning;
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    const text = typeof warning === 'string' ? warning : warning.message;
    if (/^SECURITY WARNING: The SSL modes/.test(text)) return;
    (emitWarning as (...args: unknown[]) => void).call(process, warning, ...rest);
  }) as typeof process.emitWarning;
  try {
    return build();
  } finally {
    process.emitWarning = emitWarning;
  }
}

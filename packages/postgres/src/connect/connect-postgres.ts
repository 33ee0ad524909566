import pg from 'pg';
import type { Queryable } from '../introspect/queryable.ts';
import { ConnectionError } from './connection-error.ts';
import { describeConnectError } from './describe-connect-error.ts';
import { checkConnectionUrl } from './check-connection-url.ts';
import { redactPassword } from './redact-password.ts';
import { redactUrl } from './redact-url.ts';

export interface PostgresConnection {
  readonly client: Queryable;
  /** The connection string without its password, for messages. */
  readonly target: string;
  /** The server process serving this connection (`pg_stat_activity.pid`), for `pg_cancel_backend`. */
  readonly backendPid: number | undefined;
  /** Ends the session; never waits more than about a second on a server that stopped answering. */
  close(): Promise<void>;
}

export interface ConnectOptions {
  /** How long to wait for the server to accept the connection, in milliseconds. Default 10 s. */
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
 */
export async function connectPostgres(url: string, options: ConnectOptions = {}): Promise<PostgresConnection> {
  const target = redactUrl(url);
  const timeoutMs = options.connectTimeoutMs ?? defaultConnectTimeoutMs;
  checkConnectionUrl(url);
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
    options.signal?.throwIfAborted();
    const abort = () => destroyClient(client!);
    options.signal?.addEventListener('abort', abort, { once: true });
    try {
      await client.connect();
    } finally {
      options.signal?.removeEventListener('abort', abort);
    }
  } catch (cause) {
    // a failed attempt has nothing to end politely: drop the socket, whatever state it is in
    if (client) destroyClient(client);
    if (options.signal?.aborted) throw new ConnectionError(`gave up connecting to ${target}: aborted`, { cause });
    throw new ConnectionError(redactPassword(`cannot connect to ${target}: ${describeConnectError(cause, timeoutMs, url)}`, url), { cause });
  }
  const connected = client;
  return {
    client: connected,
    target,
    backendPid: (connected as unknown as { processID?: number }).processID,
    close: () => closeClient(connected),
  };
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

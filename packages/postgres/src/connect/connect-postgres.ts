import pg from 'pg';
import type { Queryable } from '../introspect/queryable.ts';
import { ConnectionError } from './connection-error.ts';
import { redactUrl } from './redact-url.ts';

export interface PostgresConnection {
  readonly client: Queryable;
  /** The connection string without its password, for messages. */
  readonly target: string;
  close(): Promise<void>;
}

export interface ConnectOptions {
  /** How long to wait for the server to answer. Default 10 s. */
  readonly connectTimeoutMs?: number;
}

/** Opens one connection, named `ormdrift` in pg_stat_activity, with errors a user can act on. */
export async function connectPostgres(url: string, options: ConnectOptions = {}): Promise<PostgresConnection> {
  const target = redactUrl(url);
  if (!/^postgres(ql)?:\/\//.test(url)) {
    throw new ConnectionError(`${target} is not a PostgreSQL URL: pass --db postgres://user:password@host:5432/database`);
  }
  const client = new pg.Client({
    connectionString: url,
    application_name: 'ormdrift',
    connectionTimeoutMillis: options.connectTimeoutMs ?? 10_000,
  });
  // A dropped connection must surface as the failed query, not as an unhandled 'error' event.
  client.on('error', () => {});
  try {
    await client.connect();
  } catch (cause) {
    await client.end().catch(() => {});
    throw new ConnectionError(`cannot connect to ${target}: ${describeConnectError(cause, options.connectTimeoutMs ?? 10_000)}`, { cause });
  }
  return {
    client,
    target,
    close: () => client.end(),
  };
}

function describeConnectError(cause: unknown, timeoutMs: number): string {
  const error = cause as { code?: string; message?: string };
  switch (error.code) {
    case 'ECONNREFUSED':
      return 'connection refused: is the server running and listening on that port?';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'unknown host: check the host name in the URL';
    case 'ETIMEDOUT':
      return `no answer within ${timeoutMs / 1000} s: check the host, port and firewall`;
    case '28P01':
      return 'password authentication failed: check the user and password';
    case '28000':
      return 'the server rejected this user: check the user name and pg_hba.conf';
    case '3D000':
      return 'the database does not exist: check the database name in the URL';
  }
  if (/terminated unexpectedly/i.test(error.message ?? '')) return 'the server closed the connection: check the host and port';
  if (/timeout/i.test(error.message ?? '')) return `no answer within ${timeoutMs / 1000} s: check the host, port and firewall`;
  return (error.message ?? String(cause)).replace(/postgres(ql)?:\/\/\S+/g, (url) => redactUrl(url));
}

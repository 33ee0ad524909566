import { escapeText } from '@ormdrift/core';
import { ConnectionError } from './connection-error.ts';

/**
 * The query parameters of a connection string that ormdrift honours: those node-postgres (pg 8,
 * pg-connection-string 2) reads from the URL and that mean the same to ormdrift, plus libpq's `connect_timeout`,
 * which ormdrift reads itself. node-postgres silently ignores every other parameter, so a typo (`sslmod=require`)
 * would quietly connect without SSL; libpq refuses an unknown parameter, and so does ormdrift.
 */
export const connectionUrlParameters = [
  'host',
  'port',
  'user',
  'password',
  'application_name',
  'fallback_application_name',
  'options',
  'connect_timeout',
  'statement_timeout',
  'lock_timeout',
  'idle_in_transaction_session_timeout',
  'client_encoding',
  'sslmode',
  'sslrootcert',
  'sslcert',
  'sslkey',
  'sslnegotiation',
  'ssl',
  'uselibpqcompat',
] as const;

/** libpq's parameters (PostgreSQL manual, "Parameter Key Words") that node-postgres does not read, or reads otherwise. */
const libpqOnly = new Set([
  'hostaddr',
  'passfile',
  'require_auth',
  'channel_binding',
  'tcp_user_timeout',
  'gssencmode',
  'requiressl',
  'sslcompression',
  'sslpassword',
  'sslcertmode',
  'sslcrl',
  'sslcrldir',
  'sslsni',
  'sslkeylogfile',
  'requirepeer',
  'ssl_min_protocol_version',
  'ssl_max_protocol_version',
  'min_protocol_version',
  'max_protocol_version',
  'krbsrvname',
  'gsslib',
  'gssdelegation',
  'service',
  'scram_client_key',
  'scram_server_key',
  'oauth_issuer',
  'oauth_client_id',
  'oauth_client_secret',
  'oauth_scope',
]);

/**
 * libpq parameters that tune how a session is kept or which of several servers is picked: a connection string
 * shared with the app often carries them, and a one-off catalog read loses nothing by their being ignored
 * (ormdrift always turns TCP keepalive on), so they are accepted as libpq accepts them.
 */
const ignoredWithoutHarm = new Set([
  'keepalives',
  'keepalives_idle',
  'keepalives_interval',
  'keepalives_count',
  'tcp_user_timeout',
  'target_session_attrs',
  'load_balance_hosts',
]);

/** What to write instead, for parameters a user is likely to carry over from another tool. */
const instead: Record<string, string> = {
  dbname: 'write the database in the path: postgres://user@host:5432/database',
  database: 'write the database in the path: postgres://user@host:5432/database',
  schema: 'to check some schemas only, pass --schema NAME',
  search_path: 'to check some schemas only, pass --schema NAME',
  currentSchema: 'to check some schemas only, pass --schema NAME',
  query_timeout: 'limit each catalog query with --statement-timeout',
  connectionTimeoutMillis: 'use connect_timeout (seconds) or --connect-timeout',
  binary: "node-postgres's binary results are not what ormdrift reads: remove it",
  replication: 'ormdrift reads the catalog over an ordinary session: remove it',
};

/**
 * Refuses a connection string whose query names a parameter ormdrift does not honour (see
 * {@link connectionUrlParameters}), names one twice (node-postgres would read the last, the checks the first), or
 * gives `connect_timeout` or `client_encoding` a value ormdrift cannot honour. Throws a {@link ConnectionError} with
 * one line naming the parameter (never its value, which may be a password) and the parameters that are read.
 */
export function checkUrlParameters(parameters: URLSearchParams): void {
  const seen = new Set<string>();
  for (const name of parameters.keys()) {
    const shown = escapeText(name);
    if (seen.has(name)) throw new ConnectionError(`${shown} is given twice in the connection string: give each parameter once`);
    seen.add(name);
    if ((connectionUrlParameters as readonly string[]).includes(name) || ignoredWithoutHarm.has(name)) continue;
    const known = `the parameters ormdrift reads are ${connectionUrlParameters.join(', ')}`;
    const hint = instead[name];
    if (hint) throw new ConnectionError(`${shown} in the connection string is not read by ormdrift: ${hint}`);
    if (libpqOnly.has(name)) {
      throw new ConnectionError(
        `${shown} in the connection string is a libpq parameter that node-postgres, which ormdrift connects with, does not read: remove it; ${known}`,
      );
    }
    throw new ConnectionError(`unknown parameter ${shown} in the connection string (misspelt?): ${known}`);
  }
  const timeout = parameters.get('connect_timeout');
  // libpq reads 0 as "wait for ever"; ormdrift never waits for ever
  if (timeout !== null && !/^[1-9]\d*$/.test(timeout)) {
    throw new ConnectionError(
      `connect_timeout=${escapeText(timeout)} in the connection string: give a whole number of seconds, 1 or more (e.g. connect_timeout=10)`,
    );
  }
  const encoding = parameters.get('client_encoding');
  if (encoding !== null && !/^utf-?8$/i.test(encoding)) {
    throw new ConnectionError(
      `client_encoding=${escapeText(encoding)} in the connection string: node-postgres reads every answer as UTF-8 and does not send client_encoding to the server: remove it`,
    );
  }
}

import { ConnectionError } from './connection-error.ts';
import { escapeText } from '@ormdrift/core';
import { checkSslParameters } from './check-ssl-parameters.ts';
import { checkUrlParameters } from './check-url-parameters.ts';
import { effectiveSslMode } from './ssl-attempts.ts';
import { redactPassword } from './redact-password.ts';
import { redactUrl } from './redact-url.ts';

/**
 * Rejects a connection string that cannot mean what its author meant, before the driver misreads it: not a
 * `postgres://` URL, not parsable, or holding a `#` that starts a URL fragment (an unencoded `#` in a password
 * silently moves the host into the fragment), a query parameter ormdrift does not honour (see `checkUrlParameters`),
 * SSL parameters the driver would misread (see `checkSslParameters`), or a `PGSSLMODE` in `env` that is no SSL mode
 * when the URL leaves SSL to it.
 * The message says what to write, in the caller's terms (`usage`), and never holds the password.
 */
export function checkConnectionUrl(url: string, options: ConnectionUrlCheckOptions = {}): void {
  try {
    checkUrl(url, options.env ?? process.env, options.usage ?? cliUsage);
  } catch (error) {
    // the last line of defence: whatever part of the URL a message quotes, never the password
    if (error instanceof ConnectionError) throw new ConnectionError(redactPassword(error.message, url));
    throw error;
  }
}

/** How {@link checkConnectionUrl} tells its caller's user to give the URL. */
export interface ConnectionUrlCheckOptions {
  /** The environment `PGSSLMODE` is read from; default `process.env`. */
  readonly env?: NodeJS.ProcessEnv;
  /**
   * How the caller takes the connection string, as it follows "pass" when the string is no PostgreSQL URL: by
   * default the CLI's `--db postgres://user:password@host:5432/database`; a library names its own option, as the
   * guard's `db: 'postgres://user@host:5432/database'`.
   */
  readonly usage?: string;
}

/** The CLI's flag: its output shows the example URL without its placeholder password. */
const cliUsage = '--db postgres://user:password@host:5432/database';

function checkUrl(url: string, env: NodeJS.ProcessEnv, usage: string): void {
  if (!/^postgres(ql)?:\/\//.test(url)) {
    // quoted only when it is a URL of another scheme (mysql://…), redacted: a string without "scheme://" would be
    // misread (the user as a scheme, the password as a path), and a keyword/value string holds password=
    const target = redactUrl(url);
    const what = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(url) && !target.startsWith('<') ? target : 'the connection string';
    throw new ConnectionError(`${what} is not a PostgreSQL URL: pass ${usage}`);
  }
  const encode =
    'percent-encode special characters in the user and password (# as %23, @ as %40, / as %2F, ? as %3F, : as %3A, % as %25), ' +
    'or leave the password out of the URL and set PGPASSWORD';
  // "#" starts a URL fragment: whatever follows it (the rest of the password, the host) is silently dropped
  if (url.includes('#')) throw new ConnectionError(`the connection string holds an unencoded "#": ${encode}`);
  // a "%" that starts no escape cannot be decoded: the driver would fail on it, or read another name
  if (/%(?![0-9A-Fa-f]{2})/.test(url)) throw new ConnectionError(`the connection string holds a "%" that is not followed by two hex digits: ${encode}`);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ConnectionError(unparsableReason(url, encode));
  }
  // An unencoded "/" or "?" in the password ends the authority early: the rest of the password and the real host
  // land in the database name, with their "@".
  if (decodeURIComponent(parsed.pathname).includes('@')) {
    throw new ConnectionError(`the connection string holds an unencoded "@": ${encode}`);
  }
  // the same with "?": the rest of the password lands in the query, which would be quoted as a parameter name
  if (parsed.search.includes('@')) throw new ConnectionError(`the connection string holds an unencoded "/" or "?": ${encode}`);
  // a keyword/value string behind the scheme (postgres://password=secret): no host name, and not to be quoted
  if (/[=\s]/.test(decodeURIComponent(parsed.hostname))) {
    throw new ConnectionError('the host in the connection string is not a host name: e.g. postgres://user@host:5432/database');
  }
  checkUrlParameters(parsed.searchParams);
  checkSslParameters(parsed.searchParams);
  const mode = effectiveSslMode(parsed, env);
  // node-postgres reads any other value as "no SSL", silently
  if (mode?.from === 'PGSSLMODE' && !environmentSslModes.includes(mode.name)) {
    throw new ConnectionError(
      `PGSSLMODE=${escapeText(mode.name)} in the environment is not an SSL mode: use one of ${environmentSslModes.join(', ')}, or unset it`,
    );
  }
}

/** The `PGSSLMODE` values node-postgres reads (no-verify is its own), and libpq's allow, which ormdrift carries out. */
const environmentSslModes = ['disable', 'allow', 'prefer', 'require', 'verify-ca', 'verify-full', 'no-verify'];

/**
 * Why the URL parser refused `url`, read from the text after the userinfo only (the part up to the last "@" of the
 * authority), so that no part of the password can be taken for a host or a port.
 */
function unparsableReason(url: string, encode: string): string {
  const rest = url.replace(/^postgres(ql)?:\/\//, '');
  const authorityEnd = rest.search(/[/?]/);
  // an "@" after the first "/" or "?" is a password's unencoded character that ended the authority early
  if (authorityEnd >= 0 && rest.lastIndexOf('@') > authorityEnd) return `the connection string holds an unencoded "/" or "?": ${encode}`;
  const authority = authorityEnd >= 0 ? rest.slice(0, authorityEnd) : rest;
  const hostAndPort = authority.slice(authority.lastIndexOf('@') + 1);
  const example = 'e.g. postgres://user@host:5432/database';
  let host = hostAndPort;
  let port: string | undefined;
  if (hostAndPort.startsWith('[')) {
    const close = hostAndPort.indexOf(']');
    if (close < 0)
      return `the host "${hostAndPort}" in the connection string opens a "[" it does not close: write an IPv6 address in brackets, e.g. postgres://user@[::1]:5432/database`;
    host = hostAndPort.slice(0, close + 1);
    const after = hostAndPort.slice(close + 1);
    if (after !== '' && !after.startsWith(':')) return `the host "${hostAndPort}" in the connection string has text after its "]": ${example}`;
    if (after !== '') port = after.slice(1);
  } else {
    const colon = hostAndPort.indexOf(':');
    if (colon >= 0) {
      host = hostAndPort.slice(0, colon);
      port = hostAndPort.slice(colon + 1);
    }
  }
  if (port !== undefined && !(/^\d+$/.test(port) && Number(port) >= 1 && Number(port) <= 65_535)) {
    return `the port "${port}" in the connection string is not a port number (1 to 65535): ${example}`;
  }
  if (host === '') return `the connection string has no host before its port or after its "@": ${example}`;
  if (!host.startsWith('[') && /[^A-Za-z0-9._~%!$&'()*+,;=-]/.test(host)) return `the host "${host}" in the connection string is not a host name: ${example}`;
  if (host.startsWith('[')) return `the host "${host}" in the connection string is not an IPv6 address: ${example}`;
  return `the connection string is not a valid URL: ${encode}`;
}

import { ConnectionError } from './connection-error.ts';
import { checkSslParameters } from './check-ssl-parameters.ts';
import { redactUrl } from './redact-url.ts';

/**
 * Rejects a connection string that cannot mean what its author meant, before the driver misreads it: not a
 * `postgres://` URL, not parsable, or holding a `#` that starts a URL fragment (an unencoded `#` in a password
 * silently moves the host into the fragment), or SSL parameters the driver would misread (see `checkSslParameters`).
 * The message says what to write and never holds the password.
 */
export function checkConnectionUrl(url: string): void {
  const target = redactUrl(url);
  if (!/^postgres(ql)?:\/\//.test(url)) {
    throw new ConnectionError(`${target} is not a PostgreSQL URL: pass --db postgres://user:password@host:5432/database`);
  }
  const encode =
    'percent-encode special characters in the user and password (# as %23, @ as %40, / as %2F, ? as %3F, : as %3A, % as %25), ' +
    'or leave the password out of the URL and set PGPASSWORD';
  // "#" starts a URL fragment: whatever follows it (the rest of the password, the host) is silently dropped
  if (url.includes('#')) throw new ConnectionError(`the connection string holds an unencoded "#": ${encode}`);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    // a port out of range or not a number fails the whole parse: name it rather than blame the encoding
    // an "@" after the first "/" or "?" is a password's unencoded character that ended the authority early
    const rest = url.replace(/^postgres(ql)?:\/\//, '');
    const authorityEnd = rest.search(/[/?]/);
    if (authorityEnd >= 0 && rest.lastIndexOf('@') > authorityEnd) throw new ConnectionError(`the connection string holds an unencoded "/" or "?": ${encode}`);
    const port = /^postgres(?:ql)?:\/\/(?:[^@/?]*@)?(?:\[[^\]]*\]|[^:/?]*):([^/?]*)/.exec(url)?.[1];
    if (port !== undefined && !(/^\d+$/.test(port) && Number(port) <= 65_535)) {
      throw new ConnectionError(`the port "${port}" in the connection string is not a port number (1 to 65535): e.g. postgres://user@host:5432/database`);
    }
    throw new ConnectionError(`the connection string is not a valid URL: ${encode}`);
  }
  // An unencoded "/" or "?" in the password ends the authority early: the rest of the password and the real host
  // land in the database name, with their "@".
  if (decodeURIComponent(parsed.pathname).includes('@')) {
    throw new ConnectionError(`the connection string holds an unencoded "@": ${encode}`);
  }
  checkSslParameters(parsed.searchParams);
}

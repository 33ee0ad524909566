import { accessSync, constants, statSync } from 'node:fs';
import { ConnectionError } from './connection-error.ts';

/** libpq's `sslmode` values (PostgreSQL manual, "Protection Provided in Different Modes"). */
const libpqSslModes = ['disable', 'allow', 'prefer', 'require', 'verify-ca', 'verify-full'] as const;

/** What each SSL file parameter holds, for messages. */
const sslFiles = {
  sslrootcert: 'the CA certificate to verify the server with',
  sslcert: 'the client certificate',
  sslkey: 'the client key',
} as const;

/**
 * Rejects SSL parameters of a connection string that node-postgres (which ormdrift connects with) would misread
 * or fail on with a misleading message, before it reads them. The facts are pg-connection-string's and pg's:
 * - `sslmode` outside its list is not refused by pg but means full verification, so `sslmode=bogus` against a
 *   server without SSL fails as "server does not support SSL"; `no-verify` is pg's own, and is not read under
 *   `uselibpqcompat=true`. libpq's `allow` and `prefer` are ormdrift's to carry out (see `sslAttempts`).
 * - `sslnegotiation` is `postgres` or `direct`; `direct` with a mode that may connect without SSL is refused, as
 *   libpq refuses it.
 * - `ssl` is read as on for any value but `0` (`ssl=false` turns SSL on); `uselibpqcompat` only for `true`.
 * - `sslrootcert`, `sslcert` and `sslkey` are files read when the client is built; libpq's `sslrootcert=system`
 *   is not known to pg.
 * Throws a {@link ConnectionError} with one line naming the parameter, its valid values and what to write; the
 * message holds only the parameter's value, never the user or password.
 */
export function checkSslParameters(parameters: URLSearchParams, cwd = process.cwd()): void {
  const compat = parameters.get('uselibpqcompat');
  if (compat !== null && compat !== 'true' && compat !== 'false') {
    throw new ConnectionError(`uselibpqcompat=${compat} in the connection string: node-postgres reads only uselibpqcompat=true (or false)`);
  }
  const libpq = compat === 'true';
  const sslmode = parameters.get('sslmode');
  if (sslmode !== null) {
    const modes: string[] = libpq ? [...libpqSslModes] : [...libpqSslModes, 'no-verify'];
    if (!modes.includes(sslmode)) {
      const list = libpq ? modes.join(', ') : `${modes.join(', ')} (no-verify is node-postgres's own)`;
      throw new ConnectionError(`sslmode=${sslmode} in the connection string is not an SSL mode: use one of ${list}`);
    }
    if (libpq && sslmode === 'verify-ca' && parameters.get('sslrootcert') === null) {
      throw new ConnectionError('sslmode=verify-ca needs sslrootcert=/path/to/root.crt, the CA certificate to verify the server with');
    }
  }
  const negotiation = parameters.get('sslnegotiation');
  if (negotiation !== null && negotiation !== 'postgres' && negotiation !== 'direct') {
    throw new ConnectionError(`sslnegotiation=${negotiation} in the connection string: use sslnegotiation=postgres or sslnegotiation=direct`);
  }
  // libpq refuses it too: a direct TLS handshake leaves nothing to fall back from
  if (negotiation === 'direct' && (sslmode === 'prefer' || sslmode === 'allow' || sslmode === 'disable')) {
    throw new ConnectionError(`sslnegotiation=direct needs SSL, which sslmode=${sslmode} does not require: use sslmode=require (or verify-ca, verify-full)`);
  }
  const ssl = parameters.get('ssl');
  if (ssl === 'false') {
    throw new ConnectionError('ssl=false in the connection string turns SSL on in node-postgres (any value but 0 does): write ssl=0 or sslmode=disable');
  }
  if (ssl !== null && !['true', '1', '0', 'no-verify'].includes(ssl)) {
    throw new ConnectionError(`ssl=${ssl} in the connection string is not a value node-postgres reads: use ssl=true, ssl=0 or ssl=no-verify, or sslmode=...`);
  }
  for (const [name, what] of Object.entries(sslFiles)) {
    const file = parameters.get(name);
    if (file === null) continue;
    if (name === 'sslrootcert' && file === 'system') {
      throw new ConnectionError(
        "sslrootcert=system (libpq's system CA store) is not supported by node-postgres: leave sslrootcert out to verify against Node's CA store, or name a file",
      );
    }
    const problem = unreadableFile(file);
    if (problem) throw new ConnectionError(`${name}=${file} in the connection string: ${problem} (${what}; a relative path is from ${cwd})`);
  }
}

/** Why a file cannot be read, in a few words, or undefined when it can. */
function unreadableFile(file: string): string | undefined {
  try {
    if (!statSync(file).isFile()) return 'not a file';
    accessSync(file, constants.R_OK);
    return undefined;
  } catch (error) {
    const code = (error as { code?: string }).code;
    return code === 'ENOENT' || code === 'ENOTDIR'
      ? 'no such file'
      : code === 'EACCES'
        ? 'not readable by this user'
        : `cannot be read (${code ?? 'unknown error'})`;
  }
}

/**
 * The connection attempts libpq makes for `sslmode=prefer` and `sslmode=allow`, which node-postgres does not make:
 * it reads `prefer` as "SSL required" and has no `allow`. libpq (PostgreSQL manual, "SSL Support"):
 * - `prefer` (libpq's default) tries SSL first and, when the server refuses SSL, connects without it;
 * - `allow` tries without SSL first and, when the server refuses a connection without SSL, tries with it.
 * Unlike libpq, the second attempt is made only on that refusal, never on an authentication error (libpq's `prefer`
 * would send a wrong password a second time, without encryption), and at most once.
 */

/** The SSL modes that make a second attempt. */
export type FallbackSslMode = 'prefer' | 'allow';

export interface SslAttempts {
  /** The connection string of the first attempt. */
  readonly first: string;
  /** The second attempt, made once and only when `when` holds for the first attempt's error. */
  readonly retry?: { readonly url: string; readonly when: (error: unknown) => boolean };
  /** The mode that asked for them, and where it was read from, for messages. */
  readonly mode?: { readonly name: FallbackSslMode; readonly from: 'url' | 'PGSSLMODE' };
}

/** The URL parameters that make node-postgres decide SSL from the URL alone, ignoring `PGSSLMODE`. */
const sslParameters = ['ssl', 'sslmode', 'sslrootcert', 'sslcert', 'sslkey'] as const;

/**
 * The SSL mode in force for `url`: its `sslmode`, or `PGSSLMODE` from `env` when the URL says nothing about SSL
 * (node-postgres reads the environment variable only then).
 */
export function effectiveSslMode(url: URL, env: NodeJS.ProcessEnv = process.env): { readonly name: string; readonly from: 'url' | 'PGSSLMODE' } | undefined {
  const fromUrl = url.searchParams.get('sslmode');
  if (fromUrl !== null) return { name: fromUrl, from: 'url' };
  if (sslParameters.some((name) => url.searchParams.has(name))) return undefined;
  const fromEnv = env['PGSSLMODE'];
  return fromEnv ? { name: fromEnv, from: 'PGSSLMODE' } : undefined;
}

/**
 * The attempts to make for `url` (already checked by `checkConnectionUrl`): one, as node-postgres reads the URL,
 * unless the SSL mode in force (see {@link effectiveSslMode}) is `prefer` or `allow`. For `prefer`: the URL as
 * node-postgres reads it (SSL; the certificate checked as for `require`), then without SSL when the server refuses
 * SSL. For `allow`: without SSL, then as `prefer` reads it when the server refuses a connection without SSL.
 */
export function sslAttempts(url: string, env: NodeJS.ProcessEnv = process.env): SslAttempts {
  const mode = effectiveSslMode(new URL(url), env);
  if (mode?.name === 'prefer') {
    return { first: withSslMode(url, 'prefer'), retry: { url: withSslMode(url, 'disable'), when: refusesSsl }, mode: { name: 'prefer', from: mode.from } };
  }
  if (mode?.name === 'allow') {
    return { first: withSslMode(url, 'disable'), retry: { url: withSslMode(url, 'prefer'), when: requiresSsl }, mode: { name: 'allow', from: mode.from } };
  }
  return { first: url };
}

/**
 * True when the server refused SSL: it answered the SSL request with "no" (node-postgres: "The server does not
 * support SSL connections"), or its pg_hba.conf has no entry for this connection with SSL (only `hostnossl` ones).
 */
export function refusesSsl(error: unknown): boolean {
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (message === 'The server does not support SSL connections') return true;
  // PostgreSQL 16+ ends the pg_hba message with "SSL encryption", earlier majors with "SSL on"
  return code === '28000' && typeof message === 'string' && /^no pg_hba\.conf entry .*, (SSL encryption|SSL on)$/.test(message);
}

/**
 * True when the server refused a connection without SSL: its pg_hba.conf has no entry for this connection without
 * SSL (only `hostssl` ones). A wrong password (28P01) or any other rejection is not this.
 */
export function requiresSsl(error: unknown): boolean {
  const { code, message } = error as { code?: unknown; message?: unknown };
  // PostgreSQL 16+ ends the pg_hba message with "no encryption", earlier majors with "SSL off"
  return code === '28000' && typeof message === 'string' && /^no pg_hba\.conf entry .*, (no encryption|SSL off)$/.test(message);
}

/** `url` with its `sslmode` set to `mode` (added when absent); every other part as written. */
function withSslMode(url: string, mode: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set('sslmode', mode);
  return parsed.toString();
}

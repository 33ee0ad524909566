import { effectiveSslMode } from './ssl-attempts.ts';
import { redactUrl } from './redact-url.ts';

/**
 * One line for a failed connection attempt, saying what to do. SSL failures name the libpq-compatible fix:
 * node-postgres verifies the certificate for `sslmode=require` where `psql` does not.
 */
export function describeConnectError(cause: unknown, timeoutMs: number, url: string): string {
  const error = cause as { code?: string; message?: string };
  const message = error.message ?? String(cause);
  const mode = safeSslMode(url);
  const sslmode = mode?.name;
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
      return /SSL off|no encryption/i.test(message)
        ? 'the server requires SSL for this user: add sslmode=require to the URL (with uselibpqcompat=true to accept its certificate as psql does)'
        : 'the server rejected this user: check the user name and pg_hba.conf';
    case '3D000':
      return 'the database does not exist: check the database name in the URL';
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'SELF_SIGNED_CERT_IN_CHAIN':
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY':
    case 'CERT_UNTRUSTED':
      return (
        `the server's SSL certificate is not trusted (${message}): pass sslrootcert=/path/to/root.crt to verify it, ` +
        `or add uselibpqcompat=true to the URL so that sslmode=${sslmode ?? 'require'} encrypts without verifying, as psql does`
      );
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      return `the server's SSL certificate is for another host name (${message}): connect by the name on the certificate, or add uselibpqcompat=true&sslmode=verify-ca with sslrootcert=... to skip the host check`;
    case 'CERT_HAS_EXPIRED':
      return `the server's SSL certificate has expired: renew it on the server`;
  }
  if (/does not support SSL/i.test(message)) {
    const asks =
      mode?.from === 'PGSSLMODE' ? `PGSSLMODE=${mode.name} in the environment asks for SSL` : `the URL asks for SSL${sslmode ? ` (sslmode=${sslmode})` : ''}`;
    return `the server does not accept SSL connections but ${asks}: set sslmode=disable (or sslmode=prefer, to use SSL where the server offers it), or enable ssl on the server`;
  }
  if (/terminated unexpectedly/i.test(message)) return 'the server closed the connection: check the host and port';
  if (/timeout/i.test(message)) return `no answer within ${timeoutMs / 1000} s: check the host, port and firewall`;
  if (/ENOENT/.test(message) && /ssl(rootcert|cert|key)/i.test(url)) return `cannot read an SSL file named in the URL: ${message}`;
  return message.replace(/postgres(ql)?:\/\/\S+/g, (text) => redactUrl(text));
}

function safeSslMode(url: string): ReturnType<typeof effectiveSslMode> {
  try {
    return effectiveSslMode(new URL(url));
  } catch {
    return undefined;
  }
}

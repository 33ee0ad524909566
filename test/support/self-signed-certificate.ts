import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/** Whether the `openssl` command is there to make certificates; the tests that need one are skipped without it. */
export const hasOpenssl = (() => {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** Writes a self-signed certificate for `localhost` (valid one day) and its unencrypted key into `directory`. */
export function selfSignedCertificate(directory: string): { readonly key: string; readonly cert: string } {
  const key = join(directory, 'key.pem');
  const cert = join(directory, 'cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=localhost', '-keyout', key, '-out', cert], {
    stdio: 'ignore',
  });
  return { key, cert };
}

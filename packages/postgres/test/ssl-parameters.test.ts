/**
 * SSL parameters of a connection string that node-postgres would misread are refused before any connection is
 * attempted (the URLs point at a port nothing listens on: a refusal that reached the network would say so), in one
 * line naming the parameter and what to write, never the password.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectPostgres, ConnectionError } from '../src/index.ts';

const base = 'postgres://app:s3cret@127.0.0.1:1/app';
let directory: string;
let caFile: string;
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'ormdrift-ssl-'));
  caFile = join(directory, 'root.crt');
  await writeFile(caFile, '-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n');
});
afterAll(() => rm(directory, { recursive: true, force: true }));

async function refusal(query: string): Promise<string> {
  const error = await connectPostgres(`${base}?${query}`, { connectTimeoutMs: 2_000 }).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ConnectionError);
  const message = (error as Error).message;
  expect(message).not.toContain('s3cret');
  expect(message.split('\n')).toHaveLength(1);
  return message;
}

describe('SSL parameters node-postgres would misread', () => {
  it('sslmode=bogus: names the value and lists the modes, rather than "server does not accept SSL"', async () => {
    expect(await refusal('sslmode=bogus')).toBe(
      "sslmode=bogus in the connection string is not an SSL mode: use one of disable, allow, prefer, require, verify-ca, verify-full, no-verify (no-verify is node-postgres's own)",
    );
  });

  it("with uselibpqcompat=true, no-verify is not a mode either (pg reads only libpq's there)", async () => {
    expect(await refusal('sslmode=no-verify&uselibpqcompat=true')).toMatch(
      /^sslmode=no-verify in the connection string is not an SSL mode: use one of disable, allow, prefer, require, verify-ca, verify-full$/,
    );
  });

  it("sslmode=allow and prefer are accepted: ormdrift makes libpq's second attempt (the refusal here is the network's)", async () => {
    expect(await refusal('sslmode=allow')).toMatch(/: connection refused: /);
    expect(await refusal('sslmode=prefer')).toMatch(/: connection refused: /);
  });

  it('sslnegotiation: postgres or direct, and direct only with a mode that requires SSL, as libpq says', async () => {
    expect(await refusal('sslnegotiation=fast')).toBe('sslnegotiation=fast in the connection string: use sslnegotiation=postgres or sslnegotiation=direct');
    expect(await refusal('sslnegotiation=direct&sslmode=prefer')).toBe(
      'sslnegotiation=direct needs SSL, which sslmode=prefer does not require: use sslmode=require (or verify-ca, verify-full)',
    );
  });

  it('sslmode=verify-ca under uselibpqcompat=true without sslrootcert', async () => {
    expect(await refusal('sslmode=verify-ca&uselibpqcompat=true')).toBe(
      'sslmode=verify-ca needs sslrootcert=/path/to/root.crt, the CA certificate to verify the server with',
    );
  });

  it('ssl=false, which pg reads as on, and other ssl values', async () => {
    expect(await refusal('ssl=false')).toBe(
      'ssl=false in the connection string turns SSL on in node-postgres (any value but 0 does): write ssl=0 or sslmode=disable',
    );
    expect(await refusal('ssl=yes')).toMatch(/^ssl=yes in the connection string is not a value node-postgres reads: use ssl=true, ssl=0 or ssl=no-verify/);
  });

  it('uselibpqcompat other than true or false is refused, not ignored', async () => {
    expect(await refusal('uselibpqcompat=1')).toBe('uselibpqcompat=1 in the connection string: node-postgres reads only uselibpqcompat=true (or false)');
  });

  it("an SSL file that does not exist, a directory, and libpq's sslrootcert=system", async () => {
    expect(await refusal('sslmode=verify-full&sslrootcert=/no/such/root.crt')).toBe(
      `sslrootcert=/no/such/root.crt in the connection string: no such file (the CA certificate to verify the server with; a relative path is from ${process.cwd()})`,
    );
    expect(await refusal(`sslcert=${directory}`)).toMatch(/^sslcert=\S+ in the connection string: not a file \(the client certificate;/);
    expect(await refusal('sslkey=missing.key')).toMatch(/^sslkey=missing\.key in the connection string: no such file \(the client key;/);
    expect(await refusal('sslrootcert=system')).toMatch(/^sslrootcert=system \(libpq's system CA store\) is not supported by node-postgres/);
  });

  it('valid parameters pass the check and reach the network (nothing listens on port 1)', async () => {
    for (const query of ['sslmode=disable', 'sslmode=require', 'sslmode=no-verify', 'ssl=0', `sslmode=verify-ca&uselibpqcompat=true&sslrootcert=${caFile}`]) {
      const error = await connectPostgres(`${base}?${query}`, { connectTimeoutMs: 2_000 }).then(
        () => undefined,
        (caught: unknown) => caught as Error,
      );
      expect(error?.message, query).toMatch(/^cannot connect to postgres:\/\/app@127\.0\.0\.1:1\/app: connection refused/);
    }
  });
});

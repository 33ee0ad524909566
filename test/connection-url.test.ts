/**
 * What a connection string means, as a user meets it through the built CLI against the real test server (which runs
 * without SSL): libpq's sslmode=prefer and allow connect and check, sslmode=require still fails in one line, PGSSLMODE
 * is read as node-postgres and libpq read it, and a query parameter ormdrift would ignore is refused.
 */
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectOneLineError, runCli } from './support/run-cli.ts';
import { createTestDatabase, type TestDatabase } from './support/test-database.ts';

const fixtures = resolve(import.meta.dirname, 'fixtures/reliability');
const check = (db: string, env: Record<string, string | undefined> = {}) =>
  runCli(['check', 'notes.ts', '--db', db], { cwd: fixtures, env: { PGSSLMODE: undefined, ...env } });

const clean = { code: 0, stdout: '✔ no drift: 1 declared table matches the database\n', stderr: '' };

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  await database.query('create table notes (id serial primary key, title text not null, views integer)');
});
afterAll(() => database?.drop());

function withQuery(query: Record<string, string>): string {
  const url = new URL(database.url);
  for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
  return url.toString();
}

describe('sslmode against a server without SSL', () => {
  it.each(['prefer', 'allow'])('sslmode=%s connects (without SSL, as libpq does) and checks', async (mode) => {
    expect(await check(withQuery({ sslmode: mode }))).toMatchObject(clean);
  });

  it('sslmode=require still fails in one line', async () => {
    expectOneLineError(
      await check(withQuery({ sslmode: 'require' })),
      /^ormdrift: cannot connect to \S+: the server does not accept SSL connections but the URL asks for SSL \(sslmode=require\): set sslmode=disable/,
    );
  });

  it('PGSSLMODE=prefer or allow, with no SSL parameter in the URL, connects and checks', async () => {
    expect(await check(database.url, { PGSSLMODE: 'prefer' })).toMatchObject(clean);
    expect(await check(database.url, { PGSSLMODE: 'allow' })).toMatchObject(clean);
  });

  it('PGSSLMODE=require fails in one line naming the variable; an sslmode in the URL wins over it', async () => {
    expectOneLineError(
      await check(database.url, { PGSSLMODE: 'require' }),
      /^ormdrift: cannot connect to \S+: the server does not accept SSL connections but PGSSLMODE=require in the environment asks for SSL: set sslmode=disable/,
    );
    expect(await check(withQuery({ sslmode: 'disable' }), { PGSSLMODE: 'require' })).toMatchObject(clean);
  });

  it('PGSSLMODE that is no SSL mode is refused, not read as "no SSL"', async () => {
    expectOneLineError(await check(database.url, { PGSSLMODE: 'requre' }), /^ormdrift: PGSSLMODE=requre in the environment is not an SSL mode: use one of /);
  });
});

describe('query parameters', () => {
  it('a misspelt parameter is exit 2 naming it and the parameters read, never the password', async () => {
    const url = new URL(withQuery({ sslmod: 'require' }));
    url.password = 's3cret';
    const run = await check(url.toString());
    expectOneLineError(
      run,
      /^ormdrift: unknown parameter sslmod in the connection string \(misspelt\?\): the parameters ormdrift reads are host, port, user, password, .*, sslmode, /,
    );
    expect(run.stderr).not.toContain('s3cret');
  });

  it('parameters ormdrift reads still work: application_name, connect_timeout, options', async () => {
    expect(await check(withQuery({ application_name: 'deploy-check', connect_timeout: '5', options: '-c search_path=public' }))).toMatchObject(clean);
  });
});

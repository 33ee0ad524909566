import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './support/run-cli.ts';
import { createTestDatabase, type TestDatabase } from './support/test-database.ts';

/**
 * Zero-config on a project that still describes its connection in TypeORM's own ormconfig file (0.2's
 * ormconfig.json or ormconfig.js, read by its CLI scripts): the entities it names are checked, with no flag.
 */
const fixtures = resolve(import.meta.dirname, 'fixtures/legacy-ormconfig');

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  // what TypeORM's synchronize() builds for the Account entity
  await database.query('create table accounts (id serial primary key, email varchar(120) not null)');
});
afterAll(() => database?.drop());

describe("zero-config reads TypeORM's ormconfig", { timeout: 60_000 }, () => {
  it('ormconfig.json: its entities globs, relative to the project', async () => {
    const run = await runCli(['check'], { cwd: resolve(fixtures, 'json'), env: { DATABASE_URL: database.url } });
    expect(run.stderr).toBe('ormdrift: no modules given and no ormdrift config: checking ormconfig.json (entities src/entity/**/*.ts)\n');
    expect(run.stdout).toBe('✔ no drift: 1 declared table matches the database\n');
    expect(run.code).toBe(0);
  });

  it('ormconfig.js: the default connection of several, its absolute entity paths; drift is caught', async () => {
    await database.query('alter table accounts drop column email');
    const run = await runCli(['check', '--format', 'json'], { cwd: resolve(fixtures, 'js'), env: { DATABASE_URL: database.url } });
    expect(run.stderr).toBe('ormdrift: no modules given and no ormdrift config: checking ormconfig.js (entities src/entity/*.ts)\n');
    const report = JSON.parse(run.stdout) as { findings: { code: string; column?: string }[] };
    expect(report.findings.map((finding) => `${finding.code} ${finding.column}`)).toEqual(['missing-column email']);
    expect(run.code).toBe(1);
  });
});

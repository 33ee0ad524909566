import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { afterAll, describe, expect, it } from 'vitest';
import { runDrizzleMigrations } from '@ormdrift/drizzle';
import { runSequelizeMigrations } from '@ormdrift/sequelize';
import { runTypeormMigrations } from '@ormdrift/typeorm';
import { InitialSchema1735600000001 } from '../examples/migrations-app/src/migration/1735600000001-InitialSchema.ts';
import { AddUserRoles1735600000002 } from '../examples/migrations-app/src/migration/1735600000002-AddUserRoles.ts';
import { AddAgentsSessions1735600000003 } from '../examples/migrations-app/src/migration/1735600000003-AddAgentsSessions.ts';
import { runCli } from './support/run-cli.ts';
import { createTestDatabase, type TestDatabase } from './support/test-database.ts';

/**
 * `ormdrift status`: the migrations on disk against the ledger each tool keeps. Every database here is built by
 * the tool's own runner from only the first migrations, as the production database of the story was.
 */
const example = resolve(import.meta.dirname, '../examples/migrations-app');
const fixtures = resolve(import.meta.dirname, 'fixtures/migrations');
const databases: TestDatabase[] = [];
const scratch: string[] = [];
afterAll(async () => {
  await Promise.all(databases.map((database) => database.drop()));
  await Promise.all(scratch.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function database(sql?: string): Promise<TestDatabase> {
  const created = await createTestDatabase();
  databases.push(created);
  if (sql) await created.query(sql);
  return created;
}

const status = (args: string[], cwd = example) => runCli(['status', ...args], { cwd });

function report(stdout: string): { ledger: string; findings: { code: string; severity: string; migration: string }[]; summary: unknown } {
  return JSON.parse(stdout);
}

function codes(stdout: string): string[][] {
  return report(stdout).findings.map((finding) => [finding.code, finding.severity, finding.migration]);
}

describe('ormdrift status', () => {
  it('plain SQL with a schema_migrations ledger: exactly the migrations the database has not applied', async () => {
    const db = await database(await readFile(join(example, 'db/production.sql'), 'utf8'));
    const run = await status(['--migrations', 'migrations', '--db', db.url, '--format', 'json']);
    expect(run).toMatchObject({ code: 1, stderr: '' });
    expect(report(run.stdout).ledger).toBe('public.schema_migrations');
    expect(codes(run.stdout)).toEqual([
      ['unapplied-migration', 'error', '004_add_message_count.sql'],
      ['unapplied-migration', 'error', '005_add_user_query_count.sql'],
    ]);
    expect(report(run.stdout).summary).toEqual({ errors: 2, warnings: 0, migrations: 5, applied: 3 });

    const text = await status(['--migrations', 'migrations', '--db', db.url]);
    expect(text.stdout).toBe(
      [
        'public.schema_migrations',
        '  error   004_add_message_count.sql has not been applied to this database (public.schema_migrations does not list it)  unapplied-migration',
        '  error   005_add_user_query_count.sql has not been applied to this database (public.schema_migrations does not list it)  unapplied-migration',
        '',
        '✖ 2 errors, 0 warnings: 3 of 5 migrations applied',
        '',
      ].join('\n'),
    );
  });

  it('a ledger of versions without .sql, and one the files do not know', async () => {
    const db = await database(`
      create table schema_migrations (version varchar primary key);
      insert into schema_migrations values ('001'), ('002'), ('003'), ('004'), ('005'), ('006');`);
    const run = await status(['--migrations', 'migrations', '--db', db.url, '--format', 'json']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(codes(run.stdout)).toEqual([['unknown-migration', 'warning', '006']]);
  });

  it('a database that is up to date', async () => {
    const db = await database(`
      create table applied_migrations (id serial, filename text);
      insert into applied_migrations (filename) values ('001_initial_schema'), ('002_add_user_roles'), ('003_add_agents_sessions'),
        ('004_add_message_count'), ('005_add_user_query_count');`);
    const run = await status(['--migrations', 'migrations', '--db', db.url]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toBe('✔ up to date: 5 of 5 migrations applied (public.applied_migrations)\n');
  });

  it('--rule CODE=off: the text and JSON summaries name the codes off; a code status never reports is refused', async () => {
    const db = await database(`
      create table schema_migrations (version varchar primary key);
      insert into schema_migrations values ('001'), ('002'), ('003'), ('006');`);
    const args = ['--migrations', 'migrations', '--db', db.url, '--rule', 'unknown-migration=off'];
    const json = await status([...args, '--format', 'json']);
    expect(json).toMatchObject({ code: 1, stderr: '' });
    expect(report(json.stdout).summary).toEqual({ errors: 2, warnings: 0, migrations: 5, applied: 3, off: ['unknown-migration'] });
    const text = await status(args);
    expect(text.stdout.trimEnd().split('\n').at(-1)).toBe('✖ 2 errors, 0 warnings: 3 of 5 migrations applied, with 1 finding code off (unknown-migration)');

    const foreign = await status(['--migrations', 'migrations', '--db', db.url, '--rule', 'orphan-table=off']);
    expect(foreign).toMatchObject({ code: 2, stdout: '' });
    expect(foreign.stderr).toBe(
      'ormdrift: --rule orphan-table: ormdrift status reports only unapplied-migration and unknown-migration, so its --rule takes those codes\n',
    );
  });

  it("TypeORM: the DataSource's migrations against TypeORM's migrations table", async () => {
    const db = await database();
    await runTypeormMigrations(db.url, { DataSource, migrations: [InitialSchema1735600000001, AddUserRoles1735600000002, AddAgentsSessions1735600000003] });
    const run = await status(['--migrations', 'src/data-source.ts', '--db', db.url, '--format', 'json']);
    expect(run).toMatchObject({ code: 1, stderr: '' });
    expect(report(run.stdout).ledger).toBe('public.migrations');
    expect(codes(run.stdout)).toEqual([
      ['unapplied-migration', 'error', 'AddMessageCount1735600000004'],
      ['unapplied-migration', 'error', 'AddUserQueryCount1735600000005'],
    ]);
  });

  it('drizzle: the journal against drizzle.__drizzle_migrations (by hash and timestamp)', async () => {
    const db = await database();
    const first = await mkdtemp(join(tmpdir(), 'ormdrift-status-test-'));
    scratch.push(first);
    await cp(join(fixtures, 'drizzle/drizzle'), first, { recursive: true });
    const journal = JSON.parse(await readFile(join(first, 'meta/_journal.json'), 'utf8')) as { entries: unknown[] };
    await writeFile(join(first, 'meta/_journal.json'), JSON.stringify({ ...journal, entries: journal.entries.slice(0, 1) }));
    await runDrizzleMigrations(db.url, { migrationsFolder: first });

    const run = await status(['--migrations', 'drizzle', '--db', db.url, '--format', 'json'], join(fixtures, 'drizzle'));
    expect(run).toMatchObject({ code: 1, stderr: '' });
    expect(report(run.stdout).ledger).toBe('drizzle.__drizzle_migrations');
    expect(codes(run.stdout)).toEqual([
      ['unapplied-migration', 'error', '0001_add_message_count'],
      ['unapplied-migration', 'error', '0002_add_user_query_count'],
    ]);
  });

  it('sequelize-cli: the migrations folder against SequelizeMeta', async () => {
    const db = await database();
    const folder = join(fixtures, 'sequelize/migrations');
    const [initial] = await readdir(folder);
    await runSequelizeMigrations(db.url, {
      migrations: [{ name: initial!, load: async () => (await import(join(folder, initial!))) as Record<string, unknown> }],
    });
    const run = await status(['--migrations', 'migrations', '--db', db.url, '--format', 'json'], join(fixtures, 'sequelize'));
    expect(run).toMatchObject({ code: 1, stderr: '' });
    expect(report(run.stdout).ledger).toBe('public.SequelizeMeta');
    expect(codes(run.stdout)).toEqual([
      ['unapplied-migration', 'error', '20250110000004-add-message-count.cjs'],
      ['unapplied-migration', 'error', '20250110000005-add-user-query-count.cjs'],
    ]);
  });

  it('a ledger locked by a running migration: exit 2 once --statement-timeout passes, never a hang', async () => {
    const db = await database(await readFile(join(example, 'db/production.sql'), 'utf8'));
    const pg = (await import('pg')).default;
    const holder = new pg.Client({ connectionString: db.url });
    await holder.connect();
    try {
      await holder.query('begin');
      await holder.query('lock table schema_migrations in access exclusive mode');
      const run = await status(['--migrations', 'migrations', '--db', db.url, '--statement-timeout', '1s']);
      expect(run).toMatchObject({ code: 2, stdout: '' });
      expect(run.stderr).toBe(
        'ormdrift: could not read the migrations ledger (canceling statement due to statement timeout): a migration running now may hold it locked; wait for it to end, or raise --statement-timeout\n',
      );
      expect(run.ms).toBeLessThan(30_000);
    } finally {
      await holder.query('rollback').catch(() => {});
      await holder.end();
    }
  });

  it('a database without the ledger: exit 2, one line', async () => {
    const db = await database('create table users (id serial primary key)');
    const run = await status(['--migrations', 'migrations', '--db', db.url], join(fixtures, 'sequelize'));
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toBe(
      'ormdrift: no ledger table SequelizeMeta found; is this the right database? If the project names its ledger otherwise, pass --ledger TABLE (or schema.table)\n',
    );
  });
});

describe('ormdrift check --db --migrations', () => {
  it('tells the database that is behind its migrations from models that drifted', async () => {
    const db = await database(await readFile(join(example, 'db/production.sql'), 'utf8'));
    const run = await runCli(['check', 'src/data-source.ts', '--migrations', 'migrations', '--db', db.url], { cwd: example });
    expect(run).toMatchObject({ code: 1, stderr: '' });
    // the ledger's findings are the check's own, before the tables' (the ledger's schema, no table)
    expect(run.stdout).toMatch(/^✖ 2 errors, 0 warnings: 3 of 5 migrations applied\n\npublic\n {2}error {3}004_add_message_count\.sql has not been applied/);
    expect(run.stdout).toContain('user_sessions.message_count is declared by UserSession (typeorm) but the table has no such column  missing-column');

    const json = await runCli(['check', 'src/data-source.ts', '--migrations', 'migrations', '--db', db.url, '--format', 'json'], { cwd: example });
    const parsed = JSON.parse(json.stdout) as { findings: { code: string; column?: string }[]; migrations: { findings: { migration: string }[] } };
    expect(parsed.findings.map((finding) => [finding.code, finding.column])).toEqual([
      ['unapplied-migration', undefined],
      ['unapplied-migration', undefined],
      ['missing-column', 'message_count'],
      ['missing-column', 'user_query_count'],
    ]);
    expect(parsed.migrations.findings.map((finding) => finding.migration)).toEqual(['004_add_message_count.sql', '005_add_user_query_count.sql']);
  }, 180_000); // two checks, each replaying the migrations on an embedded server
});

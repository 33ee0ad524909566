import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { runTypeormMigrations } from '@ormdrift/typeorm';
import { InitialSchema1735600000001 } from '../examples/migrations-app/src/migration/1735600000001-InitialSchema.ts';
import { AddUserRoles1735600000002 } from '../examples/migrations-app/src/migration/1735600000002-AddUserRoles.ts';
import { AddAgentsSessions1735600000003 } from '../examples/migrations-app/src/migration/1735600000003-AddAgentsSessions.ts';
import { runCli } from './support/run-cli.ts';
import { createTestDatabase, type TestDatabase } from './support/test-database.ts';

/**
 * `ormdrift check --db --migrations` names, on each missing-* finding, the migration that creates the missing
 * object and whether the database applied it: the whole investigation of a migration that never reached
 * production, in one line. The replay runs on the CLI's own embedded server, so this file runs in one project.
 */
const example = resolve(import.meta.dirname, '../examples/migrations-app');
const databases: TestDatabase[] = [];
afterAll(() => Promise.all(databases.map((database) => database.drop())));

async function database(sql?: string): Promise<TestDatabase> {
  const created = await createTestDatabase();
  databases.push(created);
  if (sql) await created.query(sql);
  return created;
}

const check = (args: string[]) => runCli(['check', 'src/data-source.ts', ...args], { cwd: example });

interface JsonFinding {
  code: string;
  column?: string;
  cause?: { migration: string; applied: boolean };
}
// the missing objects' findings; the ledger's own (unapplied-migration) are another file's business
const causes = (stdout: string) =>
  (JSON.parse(stdout) as { findings: JsonFinding[] }).findings
    .filter(({ code }) => code.startsWith('missing-'))
    .map(({ code, column, cause }) => ({ code, column, cause }));

describe.runIf(inject('postgresMajor') === 18)('the cause of each missing object', () => {
  it('plain SQL: the production database that never ran 004 and 005, in every format', async () => {
    const db = await database(await readFile(join(example, 'db/production.sql'), 'utf8'));
    const text = await check(['--migrations', 'migrations', '--db', db.url]);
    expect(text).toMatchObject({ code: 1, stderr: '' });
    expect(text.ms).toBeLessThan(60_000);
    expect(text.stdout).toContain(
      [
        '  error   user_sessions.message_count is declared by UserSession (typeorm) but the table has no such column  missing-column',
        '          expected integer null default 0',
        '          cause    user_sessions.message_count is added by 004_add_message_count.sql, which this database has not applied',
        '  error   user_sessions.user_query_count is declared by UserSession (typeorm) but the table has no such column  missing-column',
        '          expected integer null default 0',
        '          cause    user_sessions.user_query_count is added by 005_add_user_query_count.sql, which this database has not applied',
      ].join('\n'),
    );

    const json = await check(['--migrations', 'migrations', '--db', db.url, '--format', 'json']);
    expect(json.code).toBe(1);
    expect(causes(json.stdout)).toEqual([
      { code: 'missing-column', column: 'message_count', cause: { migration: '004_add_message_count.sql', applied: false } },
      { code: 'missing-column', column: 'user_query_count', cause: { migration: '005_add_user_query_count.sql', applied: false } },
    ]);

    const sentence = 'user_sessions.message_count is added by 004_add_message_count.sql, which this database has not applied';
    const formats = ['markdown', 'junit', 'github', 'sarif'] as const;
    // side by side: each run waits on its own embedded server much of the time
    const runs = await Promise.all(formats.map((format) => check(['--migrations', 'migrations', '--db', db.url, '--format', format])));
    for (const [index, run] of runs.entries()) {
      expect(run.code, formats[index]).toBe(1);
      // Markdown escapes the underscores
      expect(run.stdout.replaceAll('\\_', '_'), formats[index]).toContain(sentence);
    }
    const sarif = JSON.parse(runs[formats.indexOf('sarif')]!.stdout);
    expect(sarif.runs[0].results.find((result: { ruleId: string }) => result.ruleId === 'missing-column').properties.cause).toEqual({
      migration: '004_add_message_count.sql',
      applied: false,
    });
  }, 240_000);

  it('TypeORM: a database migrated by TypeORM up to 003, causes named by migration class', async () => {
    const db = await database();
    await runTypeormMigrations(db.url, { DataSource, migrations: [InitialSchema1735600000001, AddUserRoles1735600000002, AddAgentsSessions1735600000003] });
    const run = await check(['--migrations', 'src/data-source.ts', '--db', db.url, '--format', 'json']);
    expect(run).toMatchObject({ code: 1, stderr: '' });
    expect(causes(run.stdout)).toEqual([
      { code: 'missing-column', column: 'message_count', cause: { migration: 'AddMessageCount1735600000004', applied: false } },
      { code: 'missing-column', column: 'user_query_count', cause: { migration: 'AddUserQueryCount1735600000005', applied: false } },
    ]);
  }, 120_000);

  it('applied migrations whose column and table were dropped by hand since', async () => {
    const production = await readFile(join(example, 'db/production.sql'), 'utf8');
    const db = await database(production);
    // 004 ran (the ledger says so), then someone dropped the column and the agents table by hand
    await db.query(`
      alter table user_sessions add column message_count integer default 0;
      alter table user_sessions add column user_query_count integer default 0;
      insert into schema_migrations (migration_name) values ('004_add_message_count.sql'), ('005_add_user_query_count.sql');
      alter table user_sessions drop column message_count;
      drop table agents cascade;`);
    const run = await check(['--migrations', 'migrations', '--db', db.url]);
    expect(run).toMatchObject({ code: 1, stderr: '' });
    expect(run.stdout).toContain(
      '          cause    user_sessions.message_count is added by 004_add_message_count.sql, which this database has applied: it was removed or changed by hand since',
    );
    expect(run.stdout).toContain('          cause    agents is created by 003_add_agents_sessions.sql, which this database has applied');
  }, 120_000);

  it('a database that lacks nothing replays nothing: no cause, no embedded server', async () => {
    const db = await database(await readFile(join(example, 'db/production.sql'), 'utf8'));
    await db.query(`
      alter table user_sessions add column message_count integer default 0;
      alter table user_sessions add column user_query_count integer default 0;
      insert into schema_migrations (migration_name) values ('004_add_message_count.sql'), ('005_add_user_query_count.sql');`);
    const run = await check(['--migrations', 'migrations', '--db', db.url, '--debug']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain('✔ up to date: 5 of 5 migrations applied');
    expect(run.stdout).toContain('✔ no drift: 3 declared tables match the database');
  });
});

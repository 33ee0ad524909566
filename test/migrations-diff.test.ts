import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runCli } from './support/run-cli.ts';
import { createTestDatabase, type TestDatabase } from './support/test-database.ts';

/**
 * `ormdrift diff`: one environment against another, no models. Local ran every migration, production only the
 * first three: production lacks exactly the two columns of the last two.
 */
const example = resolve(import.meta.dirname, '../examples/migrations-app');
let production: TestDatabase;
let local: TestDatabase;

beforeAll(async () => {
  [production, local] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  await production.query(await readFile(join(example, 'db/production.sql'), 'utf8'));
  for (const file of (await readdir(join(example, 'migrations'))).sort()) await local.query(await readFile(join(example, 'migrations', file), 'utf8'));
  await local.query(
    `create table schema_migrations (id serial primary key, migration_name varchar(255) unique not null, applied_at timestamp default current_timestamp)`,
  );
});
afterAll(() => Promise.all([production?.drop(), local?.drop()]));

const diff = (args: string[]) => runCli(['diff', ...args], { cwd: example });

function findings(stdout: string): string[][] {
  const report = JSON.parse(stdout) as { findings: { code: string; severity: string; table: string; column?: string }[] };
  return report.findings.map((finding) => [finding.code, finding.severity, finding.table, finding.column ?? '']);
}

describe('ormdrift diff', () => {
  it('production against local: the columns production lacks, with local as the expected side', async () => {
    const run = await diff(['--db', production.url, '--against', local.url, '--format', 'json']);
    expect(run).toMatchObject({ code: 1, stderr: '' });
    expect(findings(run.stdout)).toEqual([
      ['missing-column', 'error', 'user_sessions', 'message_count'],
      ['missing-column', 'error', 'user_sessions', 'user_query_count'],
    ]);
    const text = await diff(['--db', production.url, '--against', local.url]);
    const localName = new URL(local.url);
    expect(text.stdout).toContain(
      `user_sessions.message_count is in the expected database ${localName.host}${localName.pathname} but the table has no such column  missing-column`,
    );
    expect(text.stdout).not.toContain(localName.password || '\u0000');
  });

  it('the other way round: the columns are extra', async () => {
    const run = await diff(['--db', local.url, '--against', production.url, '--format', 'json']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(findings(run.stdout)).toEqual([
      ['extra-column', 'warning', 'user_sessions', 'message_count'],
      ['extra-column', 'warning', 'user_sessions', 'user_query_count'],
    ]);
    // the expected side is a database: the messages speak of it, not of models or an ORM
    const productionName = new URL(production.url);
    const text = await diff(['--db', local.url, '--against', production.url]);
    expect(text.stdout).toContain(
      `user_sessions.message_count exists in the database but the expected database ${productionName.host}${productionName.pathname} does not have it  extra-column`,
    );
    const findingLines = text.stdout.split('\n').filter((line) => /^ {2}(error|warning) /.test(line));
    expect(findingLines).toHaveLength(2);
    for (const line of findingLines) expect(line).not.toMatch(/\bORM\b|\bmodels?\b|declare/);
  });

  it('a database against itself: no difference', async () => {
    const run = await diff(['--db', production.url, '--against', production.url]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toBe('✔ no drift: 4 declared tables match the database\n');
  });

  it.runIf(inject('postgresMajor') === 18)('production against what the migrations build', async () => {
    const run = await diff(['--db', production.url, '--migrations', 'migrations', '--format', 'json']);
    expect(run).toMatchObject({ code: 1, stderr: '' });
    expect(findings(run.stdout)).toEqual([
      ['missing-column', 'error', 'user_sessions', 'message_count'],
      ['missing-column', 'error', 'user_sessions', 'user_query_count'],
    ]);
    const text = await diff(['--db', production.url, '--migrations', 'migrations']);
    expect(text.stdout).toContain(
      'user_sessions.message_count is in the database built from the migrations in migrations but the table has no such column  missing-column',
    );
  });

  it('without an expected side: exit 2, one line', async () => {
    const run = await diff(['--db', production.url]);
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toBe('ormdrift: nothing to compare with: pass --against postgres://... (the database it should look like) or --migrations PATH\n');
  });
});

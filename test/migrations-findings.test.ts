import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { runCli } from './support/run-cli.ts';
import { createTestDatabase, type TestDatabase } from './support/test-database.ts';

/**
 * `check --db --migrations` on a database whose tables match the models but whose ledger is behind: the columns
 * of 004 and 005 were added by hand, the ledger never recorded them. The unapplied migrations are the check's own
 * findings, so every format says so, the exit code follows, and --rule, the config's rules and a baseline apply.
 */
const example = resolve(import.meta.dirname, '../examples/migrations-app');
const databases: TestDatabase[] = [];
const scratch: string[] = [];
afterAll(async () => {
  await Promise.all(databases.map((database) => database.drop()));
  await Promise.all(scratch.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function behindLedger(): Promise<TestDatabase> {
  const db = await createTestDatabase();
  databases.push(db);
  await db.query(await readFile(join(example, 'db/production.sql'), 'utf8'));
  await db.query(`
    alter table user_sessions add column message_count integer default 0;
    alter table user_sessions add column user_query_count integer default 0;
    insert into schema_migrations (migration_name) values ('000_from_another_branch.sql');`);
  return db;
}

const run = (command: string, args: string[], cwd = example) => runCli([command, ...args], { cwd });
const check = (args: string[], cwd = example) => run('check', [join(example, 'src/data-source.ts'), '--migrations', join(example, 'migrations'), ...args], cwd);
const pending = ['004_add_message_count.sql', '005_add_user_query_count.sql'];

describe.runIf(inject('postgresMajor') === 18)('migration findings in check', () => {
  it('every format shows the unapplied and unknown migrations, counts them and exits 1', async () => {
    const db = await behindLedger();
    const text = await check(['--db', db.url]);
    expect(text).toMatchObject({ code: 1, stderr: '' });
    expect(text.stdout).toBe(
      [
        '✖ 2 errors, 1 warning: 3 of 5 migrations applied',
        '',
        'public',
        '  error   004_add_message_count.sql has not been applied to this database (public.schema_migrations does not list it)  unapplied-migration',
        '          expected migration: 004_add_message_count.sql',
        '  error   005_add_user_query_count.sql has not been applied to this database (public.schema_migrations does not list it)  unapplied-migration',
        '          expected migration: 005_add_user_query_count.sql',
        '  warning public.schema_migrations lists 000_from_another_branch.sql, which is not among the migrations  unknown-migration',
        '          actual   migration: 000_from_another_branch.sql',
        '',
        '✖ 2 errors, 1 warning in 3 declared tables',
        'by code: 2 unapplied-migration, 1 unknown-migration',
        'next: run the pending migrations against this database with the tool that owns them (on a copy first) (unapplied-migration, see docs/rules/unapplied-migration.md)',
        '',
      ].join('\n'),
    );

    const json = await check(['--db', db.url, '--format', 'json']);
    expect(json).toMatchObject({ code: 1, stderr: '' });
    const report = JSON.parse(json.stdout);
    expect(report.summary).toEqual({ errors: 2, warnings: 1, tables: 3 });
    expect(report.findings.map((finding: { code: string; migration: string; table?: string }) => [finding.code, finding.migration, finding.table])).toEqual([
      ['unapplied-migration', pending[0], undefined],
      ['unapplied-migration', pending[1], undefined],
      ['unknown-migration', '000_from_another_branch.sql', undefined],
    ]);
    expect(report.findings[0].key).toMatch(/^unapplied-migration:public\[004_add_message_count\.sql\]:[0-9a-f]{12}$/);
    // the ledger's own status stays where it was
    expect(report.migrations.summary).toEqual({ errors: 2, warnings: 1, migrations: 5, applied: 3 });

    const formats = ['markdown', 'github', 'junit', 'sarif'] as const;
    const runs = await Promise.all(formats.map((format) => check(['--db', db.url, '--format', format])));
    for (const [index, other] of runs.entries()) {
      const format = formats[index];
      expect(other.code, format).toBe(1);
      expect(other.stderr, format).toBe('');
      const shown = other.stdout.replaceAll('\\_', '_');
      for (const name of pending) expect(shown, format).toContain(`${name} has not been applied to this database`);
      expect(shown, format).toContain('000_from_another_branch.sql, which is not among the migrations');
      expect(shown, format).not.toContain('no drift');
    }
    // the SARIF report of the loop: its findings' levels
    const sarif = JSON.parse(runs[formats.indexOf('sarif')]!.stdout);
    expect(sarif.runs[0].results.map((result: { ruleId: string; level: string }) => `${result.ruleId} ${result.level}`)).toEqual([
      'unapplied-migration error',
      'unapplied-migration error',
      'unknown-migration warning',
    ]);
  }, 240_000);

  it('--rule and the config set their severity or turn them off; a baseline accepts them', async () => {
    const db = await behindLedger();
    const warned = await check(['--db', db.url, '--rule', 'unapplied-migration=warn', '--format', 'json']);
    expect(warned.code).toBe(0);
    expect(JSON.parse(warned.stdout).summary).toEqual({ errors: 0, warnings: 3, tables: 3 });

    const off = await check(['--db', db.url, '--rule', 'unapplied-migration=off', '--rule', 'unknown-migration=off']);
    expect(off.code).toBe(0);
    expect(off.stdout).not.toContain('has not been applied');
    expect(off.stdout).toContain('with 2 finding codes off (unapplied-migration, unknown-migration)');
    expect(off.stdout).not.toContain('✔ up to date');
    expect(off.stdout).toContain('! not up to date: 3 of 5 migrations applied, 2 unapplied and 1 not on disk not reported (their finding codes are off)');

    const dir = await mkdtemp(join(tmpdir(), 'ormdrift-migration-findings-'));
    scratch.push(dir);
    await writeFile(join(dir, 'ormdrift.config.json'), JSON.stringify({ rules: { 'unapplied-migration': 'warn' } }));
    const configured = await check(['--db', db.url], dir);
    expect(configured.code).toBe(0);
    expect(configured.stdout).toContain('  warning 004_add_message_count.sql has not been applied');

    const recorded = await run(
      'baseline',
      [join(example, 'src/data-source.ts'), '--migrations', join(example, 'migrations'), '--db', db.url, '--out', join(dir, 'baseline.json')],
      dir,
    );
    expect(recorded.code).toBe(0);
    const accepted = await check(['--db', db.url, '--baseline', join(dir, 'baseline.json')], dir);
    expect(accepted.code).toBe(0);
    expect(accepted.stdout).toContain('no new drift: 3 declared tables match the database apart from 3 findings the baseline accepts');
  }, 240_000);

  it('status takes the same codes: --rule sets their severity, and the exit code follows', async () => {
    const db = await behindLedger();
    const warned = await run('status', ['--migrations', 'migrations', '--db', db.url, '--rule', 'unapplied-migration=warn', '--format', 'json']);
    expect(warned.code).toBe(0);
    const report = JSON.parse(warned.stdout);
    expect(report.findings.map((finding: { severity: string }) => finding.severity)).toEqual(['warning', 'warning', 'warning']);
    expect(report.summary).toEqual({ errors: 0, warnings: 3, migrations: 5, applied: 3 });
    const off = await run('status', ['--migrations', 'migrations', '--db', db.url, '--rule', 'unknown-migration=off', '--format', 'json']);
    expect(off.code).toBe(1);
    expect(JSON.parse(off.stdout).findings.map((finding: { code: string }) => finding.code)).toEqual(['unapplied-migration', 'unapplied-migration']);
    const silenced = await run('status', [
      '--migrations',
      'migrations',
      '--db',
      db.url,
      '--rule',
      'unapplied-migration=off',
      '--rule',
      'unknown-migration=off',
    ]);
    expect(silenced.code).toBe(0);
    expect(silenced.stdout).toMatch(/^! not up to date: 3 of 5 migrations applied, 2 unapplied and 1 not on disk not reported \(their finding codes are off\)/);
    const wrong = await run('status', ['--migrations', 'migrations', '--db', db.url, '--rule', 'unaplied-migration=off']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/^ormdrift: unknown finding code "unaplied-migration" in --rule/);
  }, 120_000);
});

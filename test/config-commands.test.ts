import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, runCliHere } from './support/run-cli.ts';
import { createTestDatabase, type TestDatabase } from './support/test-database.ts';

/**
 * Every command reads ormdrift.config as check does: a chat backend whose production database never ran its
 * last two migrations (examples/migrations-app), described by a config file only, the commands run with no
 * flag naming a module, a database or the migrations; a flag given overrides the file.
 */
const example = resolve(import.meta.dirname, '../examples/migrations-app');
const scratch = mkdtempSync(join(tmpdir(), 'ormdrift-config-commands-'));
/** A server that is not there: a config naming it is overridden by --db, or the command fails. */
const nowhere = 'postgres://nobody@127.0.0.1:9/nowhere';

let production: TestDatabase;
beforeAll(async () => {
  production = await createTestDatabase();
  await production.query(await readFile(join(example, 'db/production.sql'), 'utf8'));
});
afterAll(async () => {
  await production?.drop();
  rmSync(scratch, { recursive: true, force: true });
});

/** A directory holding only an ormdrift.config.json with `config`. */
function project(name: string, config: Record<string, unknown>): string {
  const directory = join(scratch, name);
  mkdirSync(directory, { recursive: true });
  writeFileSync(join(directory, 'ormdrift.config.json'), JSON.stringify(config));
  return directory;
}

/** The CLI in this process (no model module is imported by status and diff). */
const inProcess = (args: string[], cwd: string) => runCliHere(args, { cwd });

const migrations = join(example, 'migrations');
const dataSource = join(example, 'src/data-source.ts');

describe('every command reads the config file as check does; flags override it', { timeout: 120_000 }, () => {
  it("status: the config's migrations and database", async () => {
    const cwd = project('status', { migrations: { path: migrations, kind: 'sql' }, database: production.url });
    const run = await inProcess(['status', '--format', 'json'], cwd);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { findings: { code: string; migration: string }[] };
    expect(report.findings.map((finding) => `${finding.code} ${finding.migration}`)).toEqual([
      'unapplied-migration 004_add_message_count.sql',
      'unapplied-migration 005_add_user_query_count.sql',
    ]);

    const overridden = project('status-override', { migrations: migrations, database: nowhere });
    const flagged = await inProcess(['status', '--db', production.url, '--format', 'json'], overridden);
    expect(flagged.code).toBe(1);
    expect((JSON.parse(flagged.stdout) as { findings: unknown[] }).findings).toHaveLength(2);
  });

  it("diff: the config's migrations are the expected side; its database, ignore and rules apply", async () => {
    const cwd = project('diff', {
      migrations: migrations,
      database: production.url,
      ignore: ['schema_migrations'],
      rules: { 'missing-column': 'warn' },
    });
    const run = await inProcess(['diff', '--format', 'json'], cwd);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as { findings: { code: string; severity: string; table: string; column?: string }[] };
    expect(report.findings.map((finding) => `${finding.table}.${finding.column} ${finding.code} ${finding.severity}`)).toEqual([
      'user_sessions.message_count missing-column warning',
      'user_sessions.user_query_count missing-column warning',
    ]);

    const flagged = await inProcess(['diff', '--rule', 'missing-column=error', '--format', 'json'], cwd);
    expect(flagged.code).toBe(1);
  });

  it("diff: --against overrides the config's migrations; --config names another file", async () => {
    const cwd = project('diff-against', { migrations: '/no/such/migrations', database: nowhere });
    writeFileSync(join(cwd, 'other.ormdrift.json'), JSON.stringify({ database: production.url }));
    const run = await inProcess(['diff', '--config', 'other.ormdrift.json', '--against', production.url, '--format', 'json'], cwd);
    expect(run.stderr).toBe('');
    expect(run).toMatchObject({ code: 0 });
    expect((JSON.parse(run.stdout) as { findings: unknown[] }).findings).toEqual([]);
  });

  it("fix and baseline: the config's sources, database and baseline file (a real CLI process each)", async () => {
    const cwd = project('fix', { sources: [dataSource], database: production.url, baseline: 'drift.baseline.json', ignore: ['schema_migrations'] });
    const fix = await runCli(['fix'], { cwd });
    expect(fix.stderr).toContain('adds 2 columns');
    expect(fix.stdout).toMatch(/ALTER TABLE "public"\."user_sessions" ADD COLUMN "message_count"/);
    expect(fix.code).toBe(0);

    const baseline = await runCli(['baseline'], { cwd });
    expect(baseline.stderr).toMatch(/^ormdrift: wrote drift\.baseline\.json: 2 findings/);
    expect(existsSync(join(cwd, 'drift.baseline.json'))).toBe(true);
    // check reads the same baseline from the config: nothing new
    const check = await runCli(['check'], { cwd });
    expect(check.code).toBe(0);
  });
});

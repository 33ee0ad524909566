import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AppDataSource } from '../examples/typeorm-app/src/data-source.ts';
import { cliBin, runCli } from './support/run-cli.ts';
import { createTestDatabase, type TestDatabase } from './support/test-database.ts';
import { synchronize } from './support/typeorm-sync.ts';

const example = resolve(import.meta.dirname, '../examples/typeorm-app');
const fixtures = resolve(import.meta.dirname, 'fixtures/cli');
const check = (args: string[], env?: Record<string, string | undefined>) => runCli(['check', ...args], { cwd: example, env });

let clean: TestDatabase;
let drifted: TestDatabase;

beforeAll(async () => {
  [clean, drifted] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  await synchronize(AppDataSource, clean.url);
  await drifted.query(await readFile(join(example, 'db/production.sql'), 'utf8'));
});
afterAll(() => Promise.all([clean?.drop(), drifted?.drop()]));

describe('ormdrift check, as a user runs it', () => {
  it('exits 0 and says so when the database matches the entities', async () => {
    const run = await check(['src/data-source.ts', '--db', clean.url]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toBe('✔ no drift: 4 declared tables match the database\n');
  });

  it('exits 1 and lists the drift grouped by table, expected against actual', async () => {
    const run = await check(['src/data-source.ts', '--db', drifted.url]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain(
      [
        'user_sessions',
        '  error   user_sessions.message_count is declared by UserSession (typeorm) but the table has no such column  missing-column',
        '          expected integer not null default 0',
      ].join('\n'),
    );
    expect(run.stdout).toContain("  error   enum type users_role_enum lacks 'guest': saving it fails  enum-values-mismatch");
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toContain('✖ 5 errors, 4 warnings in 4 declared tables');
    // it ends with a count per code and the next step for the largest group
    expect(lines.slice(-2)).toEqual([
      'by code: 2 missing-column, 1 column-type-mismatch, 1 nullability-mismatch, 1 enum-values-mismatch, 1 missing-foreign-key, 1 missing-index, 1 extra-column, 1 orphan-table',
      'next: run the pending migrations against this database: a migration that adds these columns has not reached it (missing-column, see docs/rules/missing-column.md)',
    ]);
    expect(run.stdout).not.toContain('\u001b[');
  });

  it('writes the version-1 JSON report', async () => {
    const run = await check(['src/data-source.ts', '--db', drifted.url, '--format', 'json']);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(Object.keys(report)).toEqual(['version', 'findings', 'summary', 'notes']);
    expect(report.notes).toEqual([]);
    expect(report.version).toBe(1);
    expect(report.summary).toEqual({ errors: 5, warnings: 4, tables: 4 });
    expect(report.findings.map((finding: { code: string; table: string; column?: string }) => [finding.code, finding.table, finding.column])).toEqual([
      ['nullability-mismatch', 'agents', 'tags'],
      ['orphan-table', 'chat_logs_2024', undefined],
      ['missing-index', 'messages', undefined],
      ['missing-column', 'user_sessions', 'message_count'],
      ['missing-column', 'user_sessions', 'user_query_count'],
      ['missing-foreign-key', 'user_sessions', 'active_agent_id'],
      ['extra-column', 'user_sessions', 'device_fingerprint'],
      ['column-type-mismatch', 'users', 'displayName'],
      ['enum-values-mismatch', 'users', 'role'],
    ]);
    expect(report.findings[3]).toEqual({
      code: 'missing-column',
      severity: 'error',
      key: expect.stringMatching(/^missing-column:public\.user_sessions\.message_count:[0-9a-f]{12}$/),
      schema: 'public',
      table: 'user_sessions',
      column: 'message_count',
      message: 'user_sessions.message_count is declared by UserSession (typeorm) but the table has no such column',
      expected: { type: 'integer', nullable: false, default: '0' },
      actual: null,
      change: 'missing-column',
      sources: [{ orm: 'typeorm', registry: 'AppDataSource', model: 'UserSession', file: 'src/data-source.ts' }],
    });
  });

  it('writes the report to --out and a summary to stderr', async () => {
    const out = join(await mkdtemp(join(tmpdir(), 'ormdrift-cli-')), 'drift.json');
    const run = await check(['src/data-source.ts', '--db', drifted.url, '--format', 'json', '--out', out]);
    expect(run).toMatchObject({ code: 1, stdout: '' });
    expect(run.stderr).toBe(`ormdrift: 5 errors, 4 warnings in 4 declared tables; report written to ${out}\n`);
    expect(JSON.parse(await readFile(out, 'utf8')).summary.errors).toBe(5);
  });

  it('takes severities per finding code with --rule', async () => {
    const run = await check(['src/data-source.ts', '--db', drifted.url, '--rule', 'missing-column=warn', '--rule', 'orphan-table=off', '--format', 'json']);
    const report = JSON.parse(run.stdout);
    // the code turned off is in the summary: its drift was not looked for
    expect(report.summary).toEqual({ errors: 3, warnings: 5, tables: 4, off: ['orphan-table'] });
    expect(report.findings.filter((finding: { code: string }) => finding.code === 'orphan-table')).toEqual([]);
    expect(run.code).toBe(1);
    const text = await check(['src/data-source.ts', '--db', drifted.url, '--rule', 'missing-column=warn', '--rule', 'orphan-table=off']);
    expect(text.stdout).toContain('\n✖ 3 errors, 5 warnings in 4 declared tables, with 1 finding code off (orphan-table)\n');
  });

  it('falls back to DATABASE_URL', async () => {
    const run = await check(['src/data-source.ts'], { DATABASE_URL: clean.url });
    expect(run.code).toBe(0);
  });

  it('loads columns whose type comes only from emitDecoratorMetadata (an ESM TypeScript module)', async () => {
    const database = await createTestDatabase();
    try {
      await database.query(
        'create table notes (id serial primary key, title varchar not null, pinned boolean not null, "createdAt" timestamp not null, views integer not null)',
      );
      const clean = await runCli(['check', 'implicit-types.ts', '--db', database.url], { cwd: fixtures });
      expect(clean).toMatchObject({ code: 0, stderr: '' });
      await database.query('alter table notes alter column pinned type text');
      const drifted = await runCli(['check', 'implicit-types.ts', '--db', database.url], { cwd: fixtures });
      expect(drifted.code).toBe(1);
      expect(drifted.stdout).toContain('notes.pinned is boolean in Note (typeorm) but text in the database');
    } finally {
      await database.drop();
    }
  });

  it('colours the report on a terminal, and never under NO_COLOR', () => {
    const onTerminal = (env: Record<string, string>) =>
      execFileSync('script', ['-qec', `"${process.execPath}" "${cliBin}" check src/data-source.ts --db "${drifted.url}"`, '/dev/null'], {
        cwd: example,
        env: { ...process.env, ...env },
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      }).toString();
    const run = (env: Record<string, string>) => {
      try {
        return onTerminal(env);
      } catch (error) {
        return String((error as { stdout: string }).stdout); // exit code 1: drift
      }
    };
    expect(run({})).toContain('\u001b[31merror  \u001b[0m');
    expect(run({ NO_COLOR: '1' })).not.toContain('\u001b[');
  });
});

describe('ormdrift check, given bad input', () => {
  let silent: Server;
  let silentPort: number;
  const sockets = new Set<import('node:net').Socket>();
  beforeAll(async () => {
    // accepts connections and never answers, like a firewalled or hung server
    silent = createServer((socket) => sockets.add(socket));
    await new Promise<void>((done) => silent.listen(0, '127.0.0.1', done));
    silentPort = (silent.address() as { port: number }).port;
  });
  afterAll(() => {
    for (const socket of sockets) socket.destroy();
    return new Promise<void>((done) => silent.close(() => done()));
  });

  const failsWith = async (args: string[], cwd: string, pattern: RegExp, env?: Record<string, string | undefined>) => {
    const run = await runCli(['check', ...args], { cwd, env });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(pattern);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    return run;
  };

  it('a database that refuses connections', async () => {
    const port = await closedPort();
    const run = await failsWith(
      ['src/data-source.ts', '--db', `postgres://app:s3cret@127.0.0.1:${port}/app`],
      example,
      /cannot connect to postgres:\/\/app@127\.0\.0\.1:\d+\/app: connection refused/,
    );
    expect(run.stderr).not.toContain('s3cret');
  });

  it('a database that never answers: gives up within 10 s', async () => {
    // the same run against a closed port measures the CLI's own start-up, which takes seconds on a loaded machine
    const refused = await runCli(['check', 'src/data-source.ts', '--db', `postgres://app@127.0.0.1:${await closedPort()}/app`], { cwd: example });
    const run = await failsWith(['src/data-source.ts', '--db', `postgres://app:s3cret@127.0.0.1:${silentPort}/app`], example, /no answer within 10 s/);
    expect(run.ms - refused.ms).toBeLessThan(14_000);
    expect(run.stderr).not.toContain('s3cret');
  }, 60_000);

  it.skipIf(!new URL(inject('postgresUrl')).password)('a wrong password', async () => {
    const url = new URL(clean.url);
    url.password = 'not-the-password';
    const run = await failsWith(['src/data-source.ts', '--db', url.toString()], example, /password authentication failed/);
    expect(run.stderr).not.toContain('not-the-password');
  });

  it('a module that does not exist', () => failsWith(['src/datasource.ts', '--db', clean.url], example, /cannot find module src\/datasource\.ts/));

  it('a module that throws on import', () =>
    failsWith(['throws-on-import.ts', '--db', clean.url], fixtures, /throws-on-import\.ts threw while being imported: the app config is missing REDIS_URL/));

  it('a module with nothing ORM-like in it', () =>
    failsWith(['nothing-orm-like.ts', '--db', clean.url], fixtures, /found nothing ORM-like in nothing-orm-like\.ts/));

  it('a column whose reflected type is Object (a union under strictNullChecks)', () =>
    failsWith(
      ['union-typed-column.ts', '--db', clean.url],
      fixtures,
      /Data type "Object" in "Note\.title" is not supported.*give the column an explicit type/,
    ));

  it('an unknown flag', () => failsWith(['src/data-source.ts', '--bd', clean.url], example, /^ormdrift: unknown option --bd: see "ormdrift check --help"$/m));

  it('an unknown format', () =>
    failsWith(['src/data-source.ts', '--db', clean.url, '--format', 'xml'], example, /unknown format "xml": use --format text or --format json/));

  it('an unknown finding code in --rule', () =>
    failsWith(
      ['src/data-source.ts', '--db', clean.url, '--rule', 'missing-colum=off'],
      example,
      /unknown finding code "missing-colum" in --rule missing-colum=off: the codes are registry-conflict, missing-table/,
    ));

  it('a report file that cannot be written', () =>
    failsWith(
      ['src/data-source.ts', '--db', clean.url, '--out', 'no-such-directory/drift.json'],
      example,
      /^ormdrift: cannot write the report to no-such-directory\/drift\.json: the folder no-such-directory does not exist: create it first\n$/,
    ));

  it('no database at all', () => failsWith(['src/data-source.ts'], example, /no database to check: pass --db/));

  it('prints the stack trace with --debug', async () => {
    const run = await runCli(['check', 'throws-on-import.ts', '--db', clean.url, '--debug'], { cwd: fixtures });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^\s+at /m);
  });

  it("--debug: the message once, then frames source-mapped to ormdrift's own files, not the bundle", async () => {
    const run = await runCli(['check', 'src/data-source.ts', '--debug'], { cwd: example });
    expect(run.code).toBe(2);
    expect(run.stderr.match(/no database to check/g)).toHaveLength(1);
    expect(run.stderr.split('\n')[0]).toMatch(/^ormdrift: no database to check: /);
    expect(run.stderr).toMatch(/^ {4}at .*packages\/cli\/src\/commands\/check-command\.ts:\d+:\d+\)$/m);
    expect(run.stderr).not.toMatch(/bundle\/|\/dist\//);
  });
});

function closedPort(): Promise<number> {
  return new Promise((done) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });
}

describe('ormdrift check --schema', () => {
  let database: TestDatabase;
  const scoped = (args: string[]) => runCli(['check', 'scoped-app.ts', 'scoped-reporting.ts', '--db', database.url, ...args], { cwd: fixtures });

  beforeAll(async () => {
    database = await createTestDatabase();
    // public matches the models; audit has the tables but not the enum type, and a column of another type
    await database.query(`
      create table users (id serial primary key, email text not null);
      create schema audit;
      create table audit.logins (id serial primary key, outcome text not null);
      create table audit.events (id serial primary key, kind text not null);`);
  });
  afterAll(() => database?.drop());

  it('reports the conflict and the missing enum in audit when every schema is checked', async () => {
    const run = await scoped(['--format', 'json']);
    expect(run.code).toBe(1);
    const codes = JSON.parse(run.stdout).findings.map((finding: { schema: string; code: string }) => `${finding.schema} ${finding.code}`);
    expect(codes).toContain('audit registry-conflict');
    expect(codes).toContain('audit missing-enum');
  });

  it('carries what could not be checked as notes in the JSON report', async () => {
    const run = await runCli(['check', 'unnamed-expression-index.ts', '--db', database.url, '--format', 'json'], { cwd: fixtures });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).notes).toEqual([
      {
        source: 'drizzle:unnamed-expression-index.ts',
        type: 'ignored-declaration',
        ref: 'users',
        message: 'an index on an expression has no name (drizzle-kit refuses to generate it too); give it one with index("name") to have it checked',
      },
    ]);
  });

  it('with --schema public, nothing in audit is reported nor counted: exit 0', async () => {
    const run = await scoped(['--schema', 'public']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toBe('✔ no drift: 1 declared table matches the database\n');
  });
});

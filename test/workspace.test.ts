import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './support/run-cli.ts';
import { createTestDatabase, type TestDatabase } from './support/test-database.ts';

/**
 * The two-service incident, replayed with examples/monorepo: an auth service (TypeORM, owning
 * auth_rate_limits by raw SQL) and a backend service (Drizzle, drizzle-kit with casing: 'snake_case',
 * no ormdrift config) share one database, whose tables each service's own tooling built, except the
 * backend's user_sessions, which no migration ever created. Checked alone, a service sees the other's
 * tables as orphans; checked as a workspace, only the truly missing table is reported, and neither
 * service's migration ledger is ever an orphan.
 */
const monorepo = resolve(import.meta.dirname, '../examples/monorepo');
const auth = join(monorepo, 'services/auth');
const backend = join(monorepo, 'services/backend');

interface JsonReport {
  readonly findings: readonly { code: string; severity: string; table: string; service?: string }[];
  readonly summary: { errors: number; warnings: number; tables: number };
  readonly services?: readonly { service?: string; path: string; summary?: { errors: number; warnings: number; tables: number } }[];
}

let database: TestDatabase;
const scratch = mkdtempSync(join(tmpdir(), 'ormdrift-workspace-'));

beforeAll(async () => {
  database = await createTestDatabase();
  await database.query(await readFile(join(monorepo, 'db/production.sql'), 'utf8'));
});
afterAll(async () => {
  await database?.drop();
  rmSync(scratch, { recursive: true, force: true });
});

const check = (cwd: string, args: string[] = []) => runCli(['check', ...args], { cwd, env: { DATABASE_URL: database.url } });
const findings = (report: JsonReport) => report.findings.map((finding) => `${finding.table} ${finding.code} ${finding.severity}`);

// a workspace check is three CLI processes: room for a machine busy with other work
describe('a workspace of two services sharing one database', { timeout: 150_000 }, () => {
  it('check --workspace reports only the table no service has: text, a heading per service, exit 1', async () => {
    const run = await check(monorepo, ['--workspace']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      [
        '━━ auth (services/auth)',
        '✔ no drift: 4 declared tables match the database',
        '',
        '━━ backend (services/backend)',
        'user_sessions',
        '  error   user_sessions is declared by userSessions (drizzle) but the database has no such table  missing-table',
        '          expected columns: id, user_id, expires_at',
        '',
        '✖ 1 error, 0 warnings in 4 declared tables',
        'by code: 1 missing-table',
        'next: run the pending migrations against this database, or generate one for the tables no migration creates (missing-table, see docs/rules/missing-table.md)',
        '',
        'workspace: 2 services checked: 1 error, 0 warnings',
        '',
      ].join('\n'),
    );
    // the backend's zero-config line, passed on with its package
    expect(run.stderr).toBe(
      '[services/backend] ormdrift: no modules given and no ormdrift config: checking drizzle.config.ts (schema ./src/db/schema.ts; casing snake_case)\n',
    );
  });

  it('check --workspace --format json: each finding names its service, with a summary per service', async () => {
    const run = await check(monorepo, ['--workspace', '--format', 'json', '--concurrency', '1']);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.findings.map(({ service, table, code }) => ({ service, table, code }))).toEqual([
      { service: 'backend', table: 'user_sessions', code: 'missing-table' },
    ]);
    expect(report.summary).toEqual({ errors: 1, warnings: 0, tables: 8 });
    expect(report.services).toEqual([
      { service: 'auth', path: 'services/auth', summary: { errors: 0, warnings: 0, tables: 4 } },
      { service: 'backend', path: 'services/backend', summary: { errors: 1, warnings: 0, tables: 4 } },
    ]);
  });

  it('check --workspace --rule CODE=off: the joined summary and each service summary say the code is off', async () => {
    const run = await check(monorepo, ['--workspace', '--format', 'json', '--concurrency', '1', '--rule', 'missing-table=off']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.findings).toEqual([]);
    expect(report.summary).toEqual({ errors: 0, warnings: 0, tables: 8, off: ['missing-table'] });
    expect(report.services?.map((service) => service.summary)).toEqual([
      { errors: 0, warnings: 0, tables: 4, off: ['missing-table'] },
      { errors: 0, warnings: 0, tables: 4, off: ['missing-table'] },
    ]);
  });

  it("each service alone reports the other's tables as orphans, never its own raw-SQL table nor a ledger", async () => {
    const [alone, other] = await Promise.all([check(auth, ['--format', 'json']), check(backend, ['--format', 'json'])]);
    expect(alone.code).toBe(0);
    expect(findings(JSON.parse(alone.stdout) as JsonReport)).toEqual([
      'messages orphan-table warning',
      'threads orphan-table warning',
      'users orphan-table warning',
    ]);
    expect(other.code).toBe(1);
    expect(findings(JSON.parse(other.stdout) as JsonReport)).toEqual([
      'auth_audit_logs orphan-table warning',
      'auth_rate_limits orphan-table warning',
      'auth_sessions orphan-table warning',
      'auth_users orphan-table warning',
      'password_reset_tokens orphan-table warning',
      'user_sessions missing-table error',
    ]);
  });

  it("alone, with the other service's tables in ignore and owns, reports only its own drift", async () => {
    const config = join(scratch, 'backend.ormdrift.json');
    writeFileSync(
      config,
      JSON.stringify({
        name: 'backend',
        sources: [relative(scratch, join(backend, 'src/db/schema.ts'))],
        drizzle: { casing: 'snake_case' },
        ignore: ['public.auth_*'],
        owns: ['password_reset_tokens'],
      }),
    );
    const run = await check(backend, ['--config', config, '--format', 'json']);
    expect(run.stderr).toBe('');
    expect(findings(JSON.parse(run.stdout) as JsonReport)).toEqual(['user_sessions missing-table error']);
  });
});

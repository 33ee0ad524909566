import { cpSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './support/run-cli.ts';
import { createTestDatabase, type TestDatabase } from './support/test-database.ts';

/**
 * `ormdrift check` run alone in one package of a workspace (its npm script), with a config at the workspace
 * root that speaks of the services: the other services' tables are not its orphans. On a copy of
 * examples/monorepo (auth on TypeORM with a raw-SQL table it owns, backend on Drizzle with no ormdrift
 * config), one database; the copy sits beside the tests so that its node_modules links resolve as the example's do.
 */
const example = resolve(import.meta.dirname, '../examples/monorepo');
const copy = resolve(import.meta.dirname, `.scratch-workspace-${process.pid}`);
const auth = join(copy, 'services/auth');
const backend = join(copy, 'services/backend');

interface JsonReport {
  readonly findings: readonly { code: string; severity: string; table: string }[];
}

let database: TestDatabase;
beforeAll(async () => {
  cpSync(example, copy, { recursive: true, verbatimSymlinks: true });
  database = await createTestDatabase();
  await database.query(await readFile(join(example, 'db/production.sql'), 'utf8'));
});
afterAll(async () => {
  await database?.drop();
  rmSync(copy, { recursive: true, force: true });
});

const rootConfig = (config: unknown) => writeFileSync(join(copy, 'ormdrift.config.json'), JSON.stringify(config));
const check = (cwd: string) => runCli(['check', '--format', 'json'], { cwd, env: { DATABASE_URL: database.url } });
const findings = (stdout: string) => (JSON.parse(stdout) as JsonReport).findings.map((finding) => `${finding.table} ${finding.code} ${finding.severity}`);

describe('a workspace root config makes a service checked alone know the other services', { timeout: 150_000 }, () => {
  it("workspace.owns (nothing loaded): backend alone reports only its missing table, not auth's tables", async () => {
    rootConfig({ workspace: { owns: { auth: ['auth_*', 'password_reset_tokens'], backend: ['users'] } } });
    const run = await check(backend);
    // the root config is not backend's config: backend is still found by its drizzle.config.ts
    expect(run.stderr).toMatch(/^ormdrift: no modules given and no ormdrift config: checking drizzle\.config\.ts/);
    expect(findings(run.stdout)).toEqual(['user_sessions missing-table error']);
    expect(run.code).toBe(1);

    // auth's own globs in the root config are not claims of another service: backend's are
    const alone = await check(auth);
    expect(findings(alone.stdout)).toEqual(['messages orphan-table warning', 'threads orphan-table warning']);
  });

  it("workspace.loadServices: each other service's models and owns are read; the two services alone are clean of each other", async () => {
    rootConfig({ workspace: { loadServices: true } });
    const [fromBackend, fromAuth] = await Promise.all([check(backend), check(auth)]);
    expect(fromBackend.stderr).not.toContain('could not read');
    expect(findings(fromBackend.stdout)).toEqual(['user_sessions missing-table error']);
    expect(fromBackend.code).toBe(1);
    expect(fromAuth.stderr).toBe('');
    expect(findings(fromAuth.stdout)).toEqual([]);
    expect(fromAuth.code).toBe(0);
  });

  it('a root config with a bad workspace key is exit 2, one line naming the key', async () => {
    rootConfig({ workspace: { own: { auth: ['auth_*'] } } });
    const run = await check(backend);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('ormdrift: ../../ormdrift.config.json: unknown key "workspace.own": the keys are owns, loadServices\n');
  });
});

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as schema from '../examples/monorepo/services/backend/src/db/schema.ts';
import { runCli } from './support/run-cli.ts';
import { createTestDatabase, type TestDatabase } from './support/test-database.ts';

/**
 * A drizzle-kit project with casing: 'snake_case' in drizzle.config.ts and no ormdrift config (the
 * monorepo example's backend): its database, built from the SQL drizzle-kit itself generates with that
 * casing, checks clean with no flag at all. Read without the casing, the same schema gives a report
 * that one line explains.
 */
const backend = resolve(import.meta.dirname, '../examples/monorepo/services/backend');

interface DrizzleKitApi {
  generateDrizzleJson(imports: Record<string, unknown>, prevId?: string, schemaFilters?: string[], casing?: 'snake_case' | 'camelCase'): unknown;
  generateMigration(previous: unknown, current: unknown): Promise<string[]>;
}

let database: TestDatabase;
beforeAll(async () => {
  const kit = createRequire(join(backend, 'package.json'))('drizzle-kit/api') as DrizzleKitApi;
  database = await createTestDatabase();
  const statements = await kit.generateMigration(
    kit.generateDrizzleJson({}, undefined, undefined, 'snake_case'),
    kit.generateDrizzleJson(schema, undefined, undefined, 'snake_case'),
  );
  for (const statement of statements) await database.query(statement);
});
afterAll(() => database?.drop());

describe('zero-config: the project is checked as its own ORM config describes it', () => {
  it('a drizzle-kit project with casing snake_case checks clean with no flags, saying in one line what it used', async () => {
    const run = await runCli(['check'], { cwd: backend, env: { DATABASE_URL: database.url } });
    expect(run.stdout).toBe('✔ no drift: 4 declared tables match the database\n');
    expect(run.stderr).toBe('ormdrift: no modules given and no ormdrift config: checking drizzle.config.ts (schema ./src/db/schema.ts; casing snake_case)\n');
    expect(run.code).toBe(0);
  });

  it("the schema module named on the command line is read with drizzle.config.ts's casing, from the project and from above it", async () => {
    for (const [cwd, module] of [
      [backend, 'src/db/schema.ts'],
      [resolve(backend, '../..'), 'services/backend/src/db/schema.ts'],
    ] as const) {
      const run = await runCli(['check', module], { cwd, env: { DATABASE_URL: database.url } });
      expect(run.stdout).toBe('✔ no drift: 4 declared tables match the database\n');
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
    }
  });

  it('the schema module read with another casing than the database has: one line says the report looks like a casing mismatch', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ormdrift-casing-'));
    try {
      writeFileSync(join(dir, 'ormdrift.config.mjs'), "export default { drizzle: { casing: 'camelCase' } };\n");
      const args = ['check', 'src/db/schema.ts', '--config', join(dir, 'ormdrift.config.mjs'), '--format', 'json'];
      const run = await runCli(args, { cwd: backend, env: { DATABASE_URL: database.url } });
      expect(run.code).toBe(1);
      const report = JSON.parse(run.stdout) as { findings: { code: string; column?: string }[] };
      const missing = report.findings.filter((finding) => finding.code === 'missing-column').map((finding) => finding.column);
      expect(missing).toContain('createdAt');
      expect(report.findings.filter((finding) => finding.code === 'extra-column').map((finding) => finding.column)).toContain('created_at');
      expect(run.stderr).toBe(
        "ormdrift: this looks like a casing mismatch, not drift: every missing column has a snake_case twin among the extra ones (createdAt is created_at in the database): set casing: 'snake_case' in drizzle.config.ts, or drizzle: { casing: 'snake_case' } in ormdrift.config.ts\n",
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

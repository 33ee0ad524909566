import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as schema from './fixtures/drizzle-db/schema.ts';
import { runCli } from './support/run-cli.ts';
import { createTestDatabase, type TestDatabase } from './support/test-database.ts';

/**
 * A module that exports only `db = drizzle(url, { schema, casing })`: ormdrift reads the schema and the casing the
 * database object was built with, as `guardDrizzle(db, schema)` is told them, and checks it like the schema module.
 */
const app = resolve(import.meta.dirname, 'fixtures/drizzle-db');

interface DrizzleKitApi {
  generateDrizzleJson(imports: Record<string, unknown>, prevId?: string, schemaFilters?: string[], casing?: 'snake_case' | 'camelCase'): unknown;
  generateMigration(previous: unknown, current: unknown): Promise<string[]>;
}

describe('an exported Drizzle database object', () => {
  let built: TestDatabase;
  beforeAll(async () => {
    const kit = createRequire(import.meta.url)('drizzle-kit/api') as DrizzleKitApi;
    built = await createTestDatabase();
    const statements = await kit.generateMigration(
      kit.generateDrizzleJson({}, undefined, undefined, 'snake_case'),
      kit.generateDrizzleJson(schema, undefined, undefined, 'snake_case'),
    );
    for (const statement of statements) await built.query(statement);
  });
  afterAll(() => built?.drop());

  it('checks clean with its schema and snake_case casing', async () => {
    const run = await runCli(['check', 'db.ts', '--db', built.url], { cwd: app });
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('✔ no drift: 1 declared table matches the database\n');
    expect(run.code).toBe(0);
  });

  it('reports a column dropped from the database under its snake_case name', async () => {
    const mutated = await createTestDatabase({ template: built });
    try {
      await mutated.query('alter table posts drop column author_name');
      const run = await runCli(['check', 'db.ts', '--db', mutated.url, '--format', 'json'], { cwd: app });
      const report = JSON.parse(run.stdout) as { findings: { code: string; severity: string; message: string }[] };
      expect(report.findings.map(({ code, severity, message }) => [code, severity, message])).toEqual([
        ['missing-column', 'error', 'posts.author_name is declared by posts (drizzle) but the table has no such column'],
      ]);
      expect(run.code).toBe(1);
    } finally {
      await mutated.drop();
    }
  });
});

import { resolve } from 'node:path';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runCli } from './support/run-cli.ts';
import { createTestDatabase, type TestDatabase } from './support/test-database.ts';

/**
 * A Drizzle app of 21 tables laid out as large Drizzle apps are (a schema folder of one module per domain behind an
 * `index.ts`, shared timestamp and soft-delete columns spread into tables, a shared enum, relations on both sides of
 * every junction, a self-reference, one-to-one, identity, serial and uuid keys, jsonb, arrays, CHECKs, partial and
 * GIN indexes, a table name over PostgreSQL's 63 bytes), and its migrations as drizzle-kit wrote them: a custom one
 * that creates pg_trgm, `drizzle-kit generate` of the schema, then of one added column. The CLI runs them on a
 * throwaway PostgreSQL (its own, whatever server the suite runs on: this file runs in one project only).
 */
const app = resolve(import.meta.dirname, 'fixtures/real-apps/drizzle');
const schema = 'src/db/schema/index.ts';

interface Finding {
  readonly code: string;
  readonly severity: string;
  readonly table: string;
  readonly column?: string;
  readonly message: string;
}

function findings(stdout: string): Pick<Finding, 'code' | 'severity' | 'table' | 'column' | 'message'>[] {
  const report = JSON.parse(stdout) as { findings: Finding[] };
  return report.findings.map(({ code, severity, table, column, message }) => ({ code, severity, table, column, message }));
}

describe.runIf(inject('postgresMajor') === 18)('a real Drizzle app, built by its own drizzle-kit migrations', () => {
  it('checks clean: every table, column, key, foreign key, CHECK and index drizzle-kit wrote is what the schema declares', async () => {
    // Clean is right: drizzle-kit generated every statement from these very modules. It holds the kinds ormdrift
    // must not misread: the 68-byte table name the server truncates to 63 (and so do the queries Drizzle sends),
    // the foreign key names drizzle-kit derives past 63 bytes, identity keys with their sequence options, the
    // `gin_trgm_ops` and `jsonb_path_ops` operator classes, partial indexes on `deleted_at` and on an enum value.
    const run = await runCli(['check', schema, '--migrations', 'drizzle'], { cwd: app });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toBe('✔ no drift: 21 declared tables match the database\n');
  });

  describe('a database the migrations built, drifted by hand', () => {
    let database: TestDatabase;

    beforeAll(async () => {
      database = await createTestDatabase();
      // drizzle-orm's own migrator, as the app's deploy runs it: it records each migration in drizzle.__drizzle_migrations
      const pool = new pg.Pool({ connectionString: database.url, max: 1 });
      try {
        await migrate(drizzle(pool), { migrationsFolder: resolve(app, 'drizzle') });
      } finally {
        await pool.end();
      }
      await database.query('alter table products drop column description');
    });
    afterAll(() => database?.drop());

    it('one column dropped is exactly one missing-column, and every migration counts as applied', async () => {
      const run = await runCli(['check', schema, '--db', database.url, '--migrations', 'drizzle', '--format', 'json'], { cwd: app });
      expect(run.code).toBe(1);
      // The only difference from what the migrations built: products.description, declared nullable text.
      // The migration ledger in the `drizzle` schema is no orphan, and no migration is pending.
      expect(findings(run.stdout)).toEqual([
        {
          code: 'missing-column',
          severity: 'error',
          table: 'products',
          column: 'description',
          message: expect.stringContaining('description'),
        },
      ]);
    });
  });
});

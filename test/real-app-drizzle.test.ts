import { resolve } from 'node:path';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runCli } from './support/run-cli.ts';
import { createTestDatabase, type TestDatabase } from './support/test-database.ts';

/**
 * A Drizzle app of 22 tables laid out as large Drizzle apps are (a schema folder of one module per domain behind an
 * `index.ts`, shared timestamp and soft-delete columns spread into tables, a shared enum, relations on both sides of
 * every junction, a self-reference, one-to-one, identity, serial and uuid keys, jsonb, arrays, CHECKs, partial and
 * GIN indexes, a table name over PostgreSQL's 63 bytes, a table whose column names come from drizzle.config's
 * `casing`), and its migrations as drizzle-kit wrote them: a custom one that creates pg_trgm, `drizzle-kit generate`
 * of the schema, then of one added column, then of one added table. The CLI runs them on a
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

/** The JSON report's findings, each as a user reads it: code, severity, table, column and message. */
function findings(stdout: string): Finding[] {
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
    expect(run.stdout).toBe('✔ no drift: 22 declared tables match the database\n');
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
      // drift of each kind the app holds, as hands on a production database make it
      await database.query(`
        alter table products drop column description;
        alter table saved_searches drop column notify_daily;
        drop index products_title_trgm;
        alter table orders drop constraint orders_total_not_negative;
        alter table organization_fulfillment_partner_webhook_delivery_attempt_statistics
          drop constraint organization_fulfillment_partner_webhook_delivery_attempt_statistics_organization_id_organizations_id_fk;
        drop index reviews_live_by_product;
        create index reviews_live_by_product on reviews (product_id);
      `);
    });
    afterAll(() => database?.drop());

    it('each drift is exactly one finding, on the truncated long name too, and every migration counts as applied', async () => {
      const run = await runCli(['check', schema, '--db', database.url, '--migrations', 'drizzle', '--format', 'json'], { cwd: app });
      expect(run).toMatchObject({ code: 1, stderr: '' });
      // Nothing else: the ledger drizzle-orm's migrator keeps in the `drizzle` schema is no orphan, and no migration is
      // pending (the four in the journal are the four the ledger holds).
      expect(findings(run.stdout)).toEqual([
        // a CHECK drizzle declares and the table lost: nothing stops a negative total any more, so an error
        {
          code: 'missing-check',
          severity: 'error',
          table: 'orders',
          column: undefined,
          message:
            'orders has no check orders_total_not_negative ("orders"."total_cents" >= 0) that orders (drizzle) declares: rows that break it can be stored',
        },
        // the table's name past 63 bytes is the name PostgreSQL holds and the queries Drizzle sends resolve to (the
        // server truncates both alike), and so is the foreign key name drizzle-kit derived from it: the key is found
        // missing, not the table; a missing foreign key is a warning, as for every foreign key
        {
          code: 'missing-foreign-key',
          severity: 'warning',
          table: 'organization_fulfillment_partner_webhook_delivery_attempt_stati',
          column: 'organization_id',
          message:
            'organization_fulfillment_partner_webhook_delivery_attempt_stati(organization_id) references organizations(id) in fulfillmentSync (drizzle) but the database has no such foreign key',
        },
        // the dropped column: Drizzle selects every declared column, so each query on products fails
        {
          code: 'missing-column',
          severity: 'error',
          table: 'products',
          column: 'description',
          message: 'products.description is declared by products (drizzle) but the table has no such column',
        },
        // the GIN index with pg_trgm's operator class: the title searches it serves scan the table
        {
          code: 'missing-index',
          severity: 'warning',
          table: 'products',
          column: 'title',
          message: 'products has no index products_title_trgm on (title gin_trgm_ops) USING gin that products (drizzle) declares: queries on it scan the table',
        },
        // the soft-delete partial index rebuilt over every row: it still serves the queries, so a warning, not a
        // missing index
        {
          code: 'index-mismatch',
          severity: 'warning',
          table: 'reviews',
          column: 'product_id',
          message:
            'reviews has the index reviews_live_by_product on (product_id), but reviews (drizzle) declares it on (product_id) WHERE "reviews"."deleted_at" is null: it serves every query the declared one does, but it is larger (it indexes every row, not only those of the predicate), so each write updates it and each lookup reads more',
        },
        // a column named by drizzle.config's `casing` alone (the key `notifyDaily`), read as drizzle-kit names it
        {
          code: 'missing-column',
          severity: 'error',
          table: 'saved_searches',
          column: 'notify_daily',
          message: 'saved_searches.notify_daily is declared by savedSearches (drizzle) but the table has no such column',
        },
      ]);
    });
  });
});

import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './support/run-cli.ts';
import { createTestDatabase, type TestDatabase } from './support/test-database.ts';

/**
 * The examples the README sends users to (`pnpm demo:sequelize`, `demo:drizzle`, `demo:mixed`): each
 * one's drifted db/production.sql, checked by the built bin with the modules its demo names, must
 * keep showing exactly the drift it was written to show.
 */
const examples = resolve(import.meta.dirname, '../examples');

interface JsonFinding {
  readonly code: string;
  readonly severity: string;
  readonly schema: string;
  readonly table: string;
  readonly column?: string;
  readonly sources: readonly { readonly orm: string }[];
}

const databases: TestDatabase[] = [];
afterAll(() => Promise.all(databases.map((database) => database.drop())));

async function checkExample(example: string, modules: readonly string[]) {
  const database = await createTestDatabase();
  databases.push(database);
  await database.query(await readFile(join(examples, example, 'db/production.sql'), 'utf8'));
  const run = await runCli(['check', ...modules, '--db', database.url, '--format', 'json'], { cwd: join(examples, example) });
  expect(run.stderr).toBe('');
  const report = JSON.parse(run.stdout) as { findings: JsonFinding[]; summary: { errors: number; warnings: number; tables: number } };
  return {
    code: run.code,
    summary: report.summary,
    findings: report.findings.map(({ code, severity, schema, table, column }) => [code, severity, schema === 'public' ? table : `${schema}.${table}`, column]),
    orms: [...new Set(report.findings.flatMap((finding) => finding.sources.map((source) => source.orm)))],
  };
}

describe('the examples show the drift the README promises', () => {
  it('sequelize-app: a migration that never ran, an enum lacking a value, a NOT NULL column no model declares', async () => {
    const result = await checkExample('sequelize-app', ['src/db.ts']);
    expect(result.code).toBe(1);
    expect(result.findings).toEqual([
      ['orphan-table', 'warning', 'cart_items', undefined],
      ['extra-column', 'error', 'customers', 'crm_contact_id'],
      ['missing-foreign-key', 'warning', 'order_items', 'product_id'],
      ['missing-column', 'error', 'orders', 'tracking_number'],
      ['enum-values-mismatch', 'error', 'orders', 'status'],
      ['nullability-mismatch', 'warning', 'products', 'name'],
    ]);
    // customers, products, orders, order_items, tags and the implicit belongsToMany junction product_tags
    expect(result.summary).toEqual({ errors: 3, warnings: 3, tables: 6 });
    expect(result.orms).toEqual(['sequelize']);
  });

  it('drizzle-app: a skipped migration, a dropped index and foreign key, a NOT NULL added by hand in a pgSchema table', async () => {
    const result = await checkExample('drizzle-app', ['src/db/schema.ts']);
    expect(result.code).toBe(1);
    expect(result.findings).toEqual([
      // actor_id has no .notNull(): nullable by Drizzle's default, so a warning that says so
      ['nullability-mismatch', 'warning', 'audit.events', 'actor_id'],
      ['missing-foreign-key', 'warning', 'ticket_comments', 'author_id'],
      ['missing-column', 'error', 'tickets', 'first_response_at'],
      ['enum-values-mismatch', 'error', 'tickets', 'status'],
      ['missing-index', 'warning', 'tickets', undefined],
      ['orphan-table', 'warning', 'zendesk_import', undefined],
    ]);
    expect(result.summary).toEqual({ errors: 2, warnings: 4, tables: 5 });
    expect(result.orms).toEqual(['drizzle']);
  });

  it('mixed-monorepo: every table of the never-migrated Drizzle registry is missing, and its uuid user_id references an integer key', async () => {
    const result = await checkExample('mixed-monorepo', ['packages/billing/src/data-source.ts', 'packages/experts/src/schema.ts']);
    expect(result.code).toBe(1);
    expect(result.findings).toEqual([
      ['missing-table', 'error', 'expert_availability', undefined],
      ['missing-table', 'error', 'expert_profiles', undefined],
      ['fk-type-mismatch', 'error', 'expert_profiles', 'user_id'],
      ['missing-enum', 'error', 'expert_profiles', 'level'],
      ['missing-table', 'error', 'expert_reviews', undefined],
    ]);
    // billing's four TypeORM tables were read too, and match the database
    expect(result.summary).toEqual({ errors: 5, warnings: 0, tables: 7 });
    expect(result.orms).toEqual(['drizzle']);
  });
});

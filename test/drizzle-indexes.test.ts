import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drizzleSource } from '@ormdrift/drizzle';
import * as schema from './fixtures/drizzle/index-schema.ts';
import { drizzleKitSql } from './fixtures/drizzle/drizzle-kit-sql.ts';
import { checkDatabase, summarize } from './support/check-database.ts';
import { checksEachMutation, type Mutation } from './support/mutations.ts';
import { createTestDatabase, type TestDatabase } from './support/test-database.ts';

const mutations: Mutation[] = [
  {
    name: 'the trigram GIN index re-created as a plain btree',
    sql: `drop index events_title_trgm; create index events_title_trgm on events (title)`,
    findings: [{ code: 'index-mismatch', severity: 'warning', table: 'events', column: 'title' }],
  },
  {
    name: 'the GiST index re-created USING btree',
    sql: `drop index events_during; create index events_during on events using btree (during)`,
    findings: [{ code: 'index-mismatch', severity: 'warning', table: 'events', column: 'during' }],
  },
  {
    name: 'the descending index re-created with NULLS LAST',
    sql: `drop index events_starts_desc; create index events_starts_desc on events (starts_at desc nulls last)`,
    findings: [{ code: 'index-mismatch', severity: 'warning', table: 'events', column: 'starts_at' }],
  },
  {
    name: 'the partial index re-created with the same predicate spelled otherwise',
    sql: `drop index events_live_title; create index events_live_title on events (title) where not (cancelled_at is not null)`,
    findings: [],
  },
  {
    name: 'the partial index re-created with another predicate',
    sql: `drop index events_live_title; create index events_live_title on events (title) where cancelled_at is not null`,
    findings: [{ code: 'index-mismatch', severity: 'warning', table: 'events', column: 'title' }],
  },
];

describe('Drizzle indexes compared in full: a database built by drizzle-kit', () => {
  let built: TestDatabase;
  const source = () => drizzleSource(schema, { name: 'indexes' });

  beforeAll(async () => {
    built = await createTestDatabase();
    await built.query('create extension if not exists pg_trgm');
    for (const statement of await drizzleKitSql(schema)) await built.query(statement);
  });
  afterAll(() => built?.drop());

  it('checks with zero findings: .using(), .op(), .desc().nullsFirst() and .where() as drizzle-kit built them', async () => {
    const result = await checkDatabase(built.url, [source()]);
    expect(summarize(result)).toEqual([]);
    expect(result.problems).toEqual([]);
  });

  checksEachMutation(mutations, { template: () => built, sources: () => [source()] });
});

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
  {
    name: 'the unique expression index re-created not unique',
    sql: `drop index events_title_lower; create index events_title_lower on events (lower(title))`,
    findings: [{ code: 'index-mismatch', severity: 'error', table: 'events' }],
  },
  {
    name: 'the expression index re-created unique',
    sql: `drop index events_title_upper; create unique index events_title_upper on events (upper(title))`,
    findings: [{ code: 'index-mismatch', severity: 'warning', table: 'events' }],
  },
  {
    name: 'the unique expression index re-created unique on another expression',
    sql: `drop index events_title_lower; create unique index events_title_lower on events (upper(title))`,
    findings: [{ code: 'index-mismatch', severity: 'warning', table: 'events' }],
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

  it('says duplicates can be stored when a uniqueIndex() on an expression is re-created not unique', async () => {
    const mutated = await createTestDatabase({ template: built });
    try {
      await mutated.query(`drop index events_title_lower; create index events_title_lower on events (lower(title))`);
      const [finding] = (await checkDatabase(mutated.url, [source()])).findings;
      expect(finding?.severity).toBe('error');
      expect(finding?.message).toMatch(
        /^events has the index events_title_lower on \(lower\("?title"?\)\) not unique, but events \(drizzle\) declares a unique one: duplicates can be stored/,
      );
    } finally {
      await mutated.drop();
    }
  });

  checksEachMutation(mutations, { template: () => built, sources: () => [source()] });
});

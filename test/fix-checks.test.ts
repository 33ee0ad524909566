/** Fix SQL for checks: a dropped CHECK is added back NOT VALID, then validated; rows that break it leave it NOT VALID with a warning. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planFix, renderFix } from '@ormdrift/core';
import { typeormSource } from '@ormdrift/typeorm';
import { fieldDataSource } from './fixtures/typeorm/field-entities.ts';
import { catalogSnapshot } from './support/catalog-snapshot.ts';
import { checkDatabase, summarize } from './support/check-database.ts';
import { runSql } from './support/fix-runner.ts';
import { createTestDatabase, type TestDatabase } from './support/test-database.ts';
import { synchronize } from './support/typeorm-sync.ts';

describe('fixing dropped checks of a database synchronize() built', () => {
  let synced: TestDatabase;
  const sources = () => [typeormSource(fieldDataSource(), { name: 'field' })];

  beforeAll(async () => {
    synced = await createTestDatabase();
    await synchronize(fieldDataSource(), synced.url);
  });
  afterAll(() => synced?.drop());

  it('adds both checks back, re-checks clean, runs again as a no-op, and rolls back', async () => {
    const mutated = await createTestDatabase({ template: synced });
    try {
      await mutated.query(`do $$ declare found text; begin
        for found in select conname from pg_constraint where conrelid = 'bookings'::regclass and contype = 'c' loop
          execute format('alter table bookings drop constraint %I', found);
        end loop; end $$`);
      const before = await catalogSnapshot(mutated.url);
      const drifted = await checkDatabase(mutated.url, sources());
      expect(summarize(drifted)).toEqual([
        { code: 'missing-check', severity: 'error', table: 'bookings' },
        { code: 'missing-check', severity: 'error', table: 'bookings' },
      ]);
      const scripts = renderFix(planFix(drifted));
      expect(scripts.up).toContain('ADD CONSTRAINT "CHK_bookings_seats" CHECK ("seats" > 0 AND "seats" <= 12) NOT VALID');
      await runSql(mutated.url, scripts.batches);
      expect(summarize(await checkDatabase(mutated.url, sources()))).toEqual([]);
      const fixed = await catalogSnapshot(mutated.url);
      const again = await runSql(mutated.url, scripts.batches);
      expect(again.notices.filter((notice) => /ormdrift: (added|validated)/.test(notice))).toEqual([]);
      expect(await catalogSnapshot(mutated.url)).toEqual(fixed);
      await runSql(mutated.url, [scripts.down]);
      expect(await catalogSnapshot(mutated.url)).toEqual(before);
    } finally {
      await mutated.drop();
    }
  });

  it('leaves a check that existing rows break NOT VALID, with a warning saying how to find them', async () => {
    const mutated = await createTestDatabase({ template: synced });
    try {
      await mutated.query(`alter table bookings drop constraint "CHK_bookings_seats";
        insert into bookings (seats, "startsAt", "endsAt") values (40, now(), now() + interval '1 hour')`);
      const scripts = renderFix(planFix(await checkDatabase(mutated.url, sources())));
      const run = await runSql(mutated.url, scripts.batches);
      expect(run.notices.join('\n')).toMatch(/check CHK_bookings_seats on bookings stays NOT VALID/);
      const [row] = await mutated.query<{ validated: boolean }>(`select convalidated as validated from pg_constraint where conname = 'CHK_bookings_seats'`);
      expect(row?.validated).toBe(false);
      // the next check says so: the declared rule, but rows already there were never checked
      expect((await checkDatabase(mutated.url, sources())).findings.map((finding) => [finding.code, finding.severity, finding.message])).toEqual([
        [
          'check-mismatch',
          'warning',
          expect.stringMatching(
            /^bookings has the check "CHK_bookings_seats" CHECK \(.*\) as .* declares it, but NOT VALID: rows stored before it was added were never checked and may break it$/,
          ),
        ],
      ]);
    } finally {
      await mutated.drop();
    }
  });
});

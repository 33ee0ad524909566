/**
 * Fix SQL for exclusions, deferral and collations: a dropped exclusion is added back, a foreign key's deferral and a
 * column's collation are set in place; each has its reverse in down.sql.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planFix, renderFix } from '@ormdrift/core';
import { typeormSource } from '@ormdrift/typeorm';
import { constraintDataSource } from './fixtures/typeorm/constraint-entities.ts';
import { catalogSnapshot } from './support/catalog-snapshot.ts';
import { checkDatabase, summarize } from './support/check-database.ts';
import { runSql } from './support/fix-runner.ts';
import { runCli } from './support/run-cli.ts';
import { createTestDatabase, type TestDatabase } from './support/test-database.ts';

describe('fixing exclusions, deferral and collations of a database synchronize() built', () => {
  let synced: TestDatabase;
  const sources = () => [typeormSource(constraintDataSource(), { name: 'constraints' })];

  beforeAll(async () => {
    synced = await createTestDatabase();
    await synced.query('create extension btree_gist');
    const dataSource = constraintDataSource();
    dataSource.setOptions({ url: synced.url, synchronize: true, logging: false });
    await dataSource.initialize();
    await dataSource.destroy();
  });
  afterAll(() => synced?.drop());

  const collationOf = async (database: TestDatabase) =>
    (
      await database.query<{ collation: string | null }>(
        `select co.collname as collation from pg_attribute a left join pg_collation co on co.oid = a.attcollation
         where a.attrelid = 'rooms'::regclass and a.attname = 'code'`,
      )
    )[0]?.collation;

  it('adds the exclusions back, sets the deferral and the collation, re-checks clean, runs again as a no-op, and rolls back', async () => {
    const mutated = await createTestDatabase({ template: synced });
    try {
      await mutated.query(`do $$ declare found text; begin
        for found in select conname from pg_constraint where conrelid = 'room_bookings'::regclass and contype = 'x' loop
          execute format('alter table room_bookings drop constraint %I', found);
        end loop;
        execute format('alter table playlist_tracks alter constraint %I not deferrable',
          (select conname from pg_constraint where conrelid = 'playlist_tracks'::regclass and confrelid = 'playlists'::regclass));
        end $$;
        alter table rooms alter column code type varchar(40) collate pg_catalog."default"`);
      const before = await catalogSnapshot(mutated.url);
      const drifted = await checkDatabase(mutated.url, sources());
      expect(summarize(drifted)).toEqual([
        { code: 'foreign-key-mismatch', severity: 'error', table: 'playlist_tracks', column: 'playlistId' },
        { code: 'missing-exclusion', severity: 'error', table: 'room_bookings' },
        { code: 'missing-exclusion', severity: 'error', table: 'room_bookings' },
        { code: 'collation-mismatch', severity: 'warning', table: 'rooms', column: 'code' },
      ]);
      const scripts = renderFix(planFix(drifted));
      expect(scripts.up).toContain('ADD CONSTRAINT "EXC_room_bookings_no_overlap" EXCLUDE USING gist ("roomId" WITH =, "during" WITH &&)');
      expect(scripts.up).toContain('ALTER COLUMN "code" TYPE character varying(40) COLLATE "C"');
      expect(scripts.up).toMatch(/ALTER CONSTRAINT "[^"]+" DEFERRABLE INITIALLY DEFERRED/);
      expect(scripts.down).toMatch(/ALTER CONSTRAINT "[^"]+" NOT DEFERRABLE/);

      await runSql(mutated.url, scripts.batches);
      expect(summarize(await checkDatabase(mutated.url, sources()))).toEqual([]);
      const fixed = await catalogSnapshot(mutated.url);
      const again = await runSql(mutated.url, scripts.batches);
      expect(again.notices.filter((notice) => /ormdrift: added/.test(notice))).toEqual([]);
      expect(await catalogSnapshot(mutated.url)).toEqual(fixed);

      await runSql(mutated.url, [scripts.down]);
      expect(await catalogSnapshot(mutated.url)).toEqual(before);
      expect(await collationOf(mutated)).toBe('default');
    } finally {
      await mutated.drop();
    }
  });

  it('leaves out an exclusion that existing rows break, with a warning, and adds the rest', async () => {
    const mutated = await createTestDatabase({ template: synced });
    try {
      await mutated.query(`alter table room_bookings drop constraint "EXC_room_bookings_no_overlap";
        insert into room_bookings ("roomId", during, "startsAt", "endsAt", cancelled) values
          (1, '[2026-01-01 10:00, 2026-01-01 12:00)', '2026-01-01 10:00', '2026-01-01 12:00', true),
          (1, '[2026-01-01 11:00, 2026-01-01 13:00)', '2026-01-02 10:00', '2026-01-02 12:00', true);
        alter table rooms alter column code type varchar(40) collate pg_catalog."default"`);
      const scripts = renderFix(planFix(await checkDatabase(mutated.url, sources())));
      const run = await runSql(mutated.url, scripts.batches);
      expect(run.notices.join('\n')).toMatch(/could not add exclusion EXC_room_bookings_no_overlap on room_bookings: .*conflict/);
      expect(summarize(await checkDatabase(mutated.url, sources()))).toEqual([{ code: 'missing-exclusion', severity: 'error', table: 'room_bookings' }]);
      expect(await collationOf(mutated)).toBe('C');
    } finally {
      await mutated.drop();
    }
  });
  it('warns, naming the cause, for an exclusion without its operator class and a collation a view blocks, and changes the rest', async () => {
    const mutated = await createTestDatabase({ template: synced });
    try {
      await mutated.query(`alter table room_bookings drop constraint "EXC_room_bookings_no_overlap";
        drop extension btree_gist;
        alter table rooms alter column code type varchar(40) collate pg_catalog."default";
        create view room_codes as select code from rooms;
        do $$ begin
          execute format('alter table playlist_tracks alter constraint %I not deferrable',
            (select conname from pg_constraint where conrelid = 'playlist_tracks'::regclass and confrelid = 'playlists'::regclass));
        end $$`);
      const scripts = renderFix(planFix(await checkDatabase(mutated.url, sources())));
      const run = await runSql(mutated.url, scripts.batches);
      const warnings = run.notices.filter((notice) => notice.startsWith('WARNING'));
      expect(warnings).toHaveLength(2);
      expect(warnings.join('\n')).toMatch(
        /could not add exclusion EXC_room_bookings_no_overlap on room_bookings: .*operator class.*CREATE EXTENSION IF NOT EXISTS btree_gist/,
      );
      expect(warnings.join('\n')).toMatch(/could not change collation of rooms\.code: cannot alter type of a column used by a view or rule/);
      expect(run.notices).toContainEqual(expect.stringMatching(/^NOTICE: ormdrift: changed deferral of constraint .* on playlist_tracks$/));
      expect(summarize(await checkDatabase(mutated.url, sources()))).toEqual([
        { code: 'missing-exclusion', severity: 'error', table: 'room_bookings' },
        { code: 'collation-mismatch', severity: 'warning', table: 'rooms', column: 'code' },
      ]);
    } finally {
      await mutated.drop();
    }
  });
  it('ormdrift fix says what it adds, what it changes in place and what it leaves, each under its own words', async () => {
    const mutated = await createTestDatabase({ template: synced });
    try {
      await mutated.query(`alter table room_bookings drop constraint "EXC_room_bookings_no_overlap";
        alter table rooms alter column code type varchar(40) collate pg_catalog."default";
        alter table playlist_tracks drop constraint "UQ_playlist_tracks_position";
        alter table playlist_tracks add constraint "UQ_playlist_tracks_position" unique ("playlistId", position);
        do $$ begin
          execute format('alter table playlist_tracks alter constraint %I not deferrable',
            (select conname from pg_constraint where conrelid = 'playlist_tracks'::regclass and confrelid = 'playlists'::regclass));
        end $$`);
      const run = await runCli(['fix', 'test/fixtures/typeorm/constraint-entities.ts', '--db', mutated.url], { cwd: process.cwd() });
      expect(run.stderr).toMatch(
        /^ormdrift fix: the migration adds 1 exclusion\. It changes 1 collation and 1 constraint deferral in place\. It leaves 1 difference to a person \(1 unique deferral\), /,
      );
      expect(run.code).toBe(0);
    } finally {
      await mutated.drop();
    }
  });
});

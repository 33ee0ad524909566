import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { typeormSource } from '@ormdrift/typeorm';
import { constraintDataSource } from './fixtures/typeorm/constraint-entities.ts';
import { checkDatabase, summarize } from './support/check-database.ts';
import { checksEachMutation, type Mutation } from './support/mutations.ts';
import { createTestDatabase, type TestDatabase } from './support/test-database.ts';

/** The one constraint of a kind on a table whose definition mentions `text`, whatever TypeORM named it. */
const constraintNamed = (table: string, type: 'x' | 'f' | 'u', text: string) => `(
    select conname from pg_constraint
    where conrelid = '${table}'::regclass and contype = '${type}' and pg_get_constraintdef(oid) like '%${text}%')`;

/** Runs `alter table <table> <action>` on that constraint (`%I` is its name). */
const alterConstraint = (table: string, type: 'x' | 'f' | 'u', text: string, action: string) => `
  do $$ begin
    execute format('alter table ${table} ${action}', ${constraintNamed(table, type, text)});
  end $$`;

const mutations: Mutation[] = [
  {
    name: 'drop a named exclusion',
    sql: `alter table room_bookings drop constraint "EXC_room_bookings_no_overlap"`,
    findings: [{ code: 'missing-exclusion', severity: 'error', table: 'room_bookings' }],
  },
  {
    name: 'drop the exclusion TypeORM named',
    sql: alterConstraint('room_bookings', 'x', 'tsrange', 'drop constraint %I'),
    findings: [{ code: 'missing-exclusion', severity: 'error', table: 'room_bookings' }],
  },
  {
    name: 'loosen a named exclusion to any overlap, whatever the room',
    sql: `alter table room_bookings drop constraint "EXC_room_bookings_no_overlap";
          alter table room_bookings add constraint "EXC_room_bookings_no_overlap" exclude using gist (during with &&)`,
    findings: [{ code: 'exclusion-mismatch', severity: 'error', table: 'room_bookings' }],
  },
  {
    name: 'respell and rename an exclusion, same rule (its predicate decided by the server)',
    sql: `${alterConstraint('room_bookings', 'x', 'tsrange', 'drop constraint %I')};
          alter table room_bookings add constraint room_bookings_no_overlap_excl
            exclude using gist (tsrange(("startsAt"), "endsAt") with operator(pg_catalog.&&)) where (not cancelled)`,
    findings: [],
  },
  {
    name: 'widen the predicate of an exclusion: cancelled bookings now block a room',
    sql: `${alterConstraint('room_bookings', 'x', 'tsrange', 'drop constraint %I')};
          alter table room_bookings add constraint room_bookings_no_overlap_excl
            exclude using gist (tsrange("startsAt", "endsAt") with &&) where (cancelled is not null)`,
    findings: [
      { code: 'missing-exclusion', severity: 'error', table: 'room_bookings' },
      { code: 'extra-constraint', severity: 'warning', table: 'room_bookings' },
    ],
  },
  {
    name: 'make the primary key DEFERRABLE: no longer an ON CONFLICT arbiter',
    versionSensitive: true,
    sql: `do $$ begin
            execute format('alter table room_bookings drop constraint %I',
              (select conname from pg_constraint where conrelid = 'room_bookings'::regclass and contype = 'p'));
          end $$;
          alter table room_bookings add primary key (id) deferrable initially deferred`,
    findings: [{ code: 'unique-mismatch', severity: 'error', table: 'room_bookings', column: 'id' }],
  },
  {
    name: 'add an exclusion no model declares',
    sql: `alter table room_bookings add constraint room_bookings_one_per_start exclude using gist ("startsAt" with =)`,
    findings: [{ code: 'extra-constraint', severity: 'warning', table: 'room_bookings' }],
  },
  {
    name: 'make a named exclusion deferrable',
    sql: `alter table room_bookings drop constraint "EXC_room_bookings_no_overlap";
          alter table room_bookings add constraint "EXC_room_bookings_no_overlap"
            exclude using gist ("roomId" with =, during with &&) deferrable`,
    findings: [{ code: 'exclusion-mismatch', severity: 'error', table: 'room_bookings' }],
  },
  {
    name: 'make a deferred unique NOT DEFERRABLE',
    sql: `alter table playlist_tracks drop constraint "UQ_playlist_tracks_position";
          alter table playlist_tracks add constraint "UQ_playlist_tracks_position" unique ("playlistId", position)`,
    findings: [{ code: 'unique-mismatch', severity: 'error', table: 'playlist_tracks' }],
  },
  {
    name: 'check a deferred unique at each statement',
    sql: `alter table playlist_tracks drop constraint "UQ_playlist_tracks_position";
          alter table playlist_tracks add constraint "UQ_playlist_tracks_position" unique ("playlistId", position) deferrable initially immediate`,
    findings: [{ code: 'unique-mismatch', severity: 'error', table: 'playlist_tracks' }],
  },
  {
    name: 'make a NOT DEFERRABLE unique deferrable',
    sql: `alter table rooms drop constraint "UQ_rooms_code"; alter table rooms add constraint "UQ_rooms_code" unique (code) deferrable`,
    findings: [{ code: 'unique-mismatch', severity: 'error', table: 'rooms', column: 'code' }],
  },
  {
    name: 'defer a unique the model checks immediately',
    sql: `alter table playlist_tracks drop constraint "UQ_playlist_tracks_slug";
          alter table playlist_tracks add constraint "UQ_playlist_tracks_slug" unique (slug) deferrable initially deferred`,
    findings: [{ code: 'unique-mismatch', severity: 'warning', table: 'playlist_tracks', column: 'slug' }],
  },
  {
    name: 'make a deferred foreign key NOT DEFERRABLE',
    sql: alterConstraint('playlist_tracks', 'f', 'playlists', 'alter constraint %I not deferrable'),
    findings: [{ code: 'foreign-key-mismatch', severity: 'error', table: 'playlist_tracks', column: 'playlistId' }],
  },
  {
    name: 'defer a foreign key the model checks immediately',
    sql: alterConstraint('playlist_tracks', 'f', 'rooms', 'alter constraint %I deferrable initially deferred'),
    findings: [{ code: 'foreign-key-mismatch', severity: 'warning', table: 'playlist_tracks', column: 'roomId' }],
  },
  {
    name: 'set a column declared COLLATE "C" back to the default collation',
    sql: `alter table rooms alter column code type varchar(40) collate pg_catalog."default"`,
    findings: [{ code: 'collation-mismatch', severity: 'warning', table: 'rooms', column: 'code' }],
  },
  {
    name: 'give a column the model leaves to the default a collation',
    sql: `alter table rooms alter column title type text collate "C"`,
    findings: [{ code: 'collation-mismatch', severity: 'warning', table: 'rooms', column: 'title' }],
  },
  {
    name: "collate a column by another schema's collation of the declared name",
    sql: `create schema legacy; create collation legacy."C" from pg_catalog."C";
          alter table rooms alter column code type varchar(40) collate legacy."C"`,
    findings: [{ code: 'collation-mismatch', severity: 'warning', table: 'rooms', column: 'code' }],
  },
  {
    name: 'collate a column by the declared collation, schema-qualified: the same collation',
    sql: `alter table rooms alter column code type varchar(40) collate pg_catalog."C"`,
    findings: [],
  },
];

describe('TypeORM exclusions, deferrable constraints and collations: a database built by synchronize()', () => {
  let synced: TestDatabase;
  const source = () => typeormSource(constraintDataSource(), { name: 'constraints' });
  beforeAll(async () => {
    synced = await createTestDatabase();
    await synced.query('create extension btree_gist');
    const dataSource = constraintDataSource();
    dataSource.setOptions({ url: synced.url, synchronize: true, logging: false });
    await dataSource.initialize();
    await dataSource.destroy();
  });
  afterAll(() => synced?.drop());

  it('checks with zero findings', async () => {
    const result = await checkDatabase(synced.url, [source()]);
    expect(summarize(result)).toEqual([]);
    expect(result.problems).toEqual([]);
    expect(result.summary.tables).toBe(4);
  });

  it('reads what TypeORM declared: two exclusions, deferred keys, collations', async () => {
    const { schema } = await source().load();
    const table = (name: string) => schema.tables.find((candidate) => candidate.name === name)!;
    expect(
      table('room_bookings')
        .exclusions?.map((exclusion) => exclusion.expression)
        .sort(),
    ).toEqual(['USING gist ("roomId" WITH =, "during" WITH &&)', 'USING gist (tsrange("startsAt", "endsAt") WITH &&) WHERE ("cancelled" = false)']);
    expect(
      table('playlist_tracks')
        .uniques.map((unique) => unique.deferrable)
        .sort(),
    ).toEqual(['deferred', 'immediate']);
    expect(
      table('playlist_tracks')
        .foreignKeys.map((fk) => fk.deferrable)
        .sort(),
    ).toEqual(['deferred', 'immediate']);
    expect(table('rooms').columns.map((column) => column.collation ?? null)).toEqual([null, 'C', 'POSIX', null]);
  });

  it('says what a deferral difference breaks', async () => {
    const mutated = await createTestDatabase({ template: synced });
    try {
      await mutated.query(`alter table rooms drop constraint "UQ_rooms_code"; alter table rooms add constraint "UQ_rooms_code" unique (code) deferrable`);
      await mutated.query(alterConstraint('playlist_tracks', 'f', 'playlists', 'alter constraint %I not deferrable'));
      const messages = (await checkDatabase(mutated.url, [source()])).findings.map((finding) => finding.message);
      expect(messages.sort()).toEqual([
        expect.stringMatching(/NOT DEFERRABLE in the database, but DEFERRABLE INITIALLY DEFERRED in PlaylistTrack.*inserts children before their parent/),
        expect.stringMatching(
          /^rooms has a unique on \(code\) that is DEFERRABLE INITIALLY IMMEDIATE, but Room.* declares it NOT DEFERRABLE: .*cannot be the arbiter of INSERT \.\.\. ON CONFLICT/,
        ),
      ]);
    } finally {
      await mutated.drop();
    }
  });

  checksEachMutation(mutations, { template: () => synced, sources: () => [source()] });
});

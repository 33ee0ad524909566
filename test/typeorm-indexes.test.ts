import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { typeormSource } from '@ormdrift/typeorm';
import { indexDataSource } from './fixtures/typeorm/index-entities.ts';
import { checkDatabase, summarize } from './support/check-database.ts';
import { checksEachMutation, type Mutation } from './support/mutations.ts';
import { createTestDatabase, type TestDatabase } from './support/test-database.ts';
import { synchronize } from './support/typeorm-sync.ts';

const mutations: Mutation[] = [
  // a declared unique's name held by a unique or an index on other keys: the declared one is missing, and only that
  {
    name: '@Index({ unique: true }) re-created unique under its name on (email, name): one missing-unique, no undeclared unique',
    sql: `drop index "IDX_logins_email_uq"; create unique index "IDX_logins_email_uq" on logins (email, name)`,
    findings: [{ code: 'missing-unique', severity: 'error', table: 'logins', column: 'email' }],
  },
  {
    name: '@Index({ unique: true }) re-created under its name on (email, name) without UNIQUE',
    sql: `drop index "IDX_logins_email_uq"; create index "IDX_logins_email_uq" on logins (email, name)`,
    findings: [{ code: 'missing-unique', severity: 'error', table: 'logins', column: 'email' }],
  },
  {
    name: '@Unique re-added under its name on (name, email)',
    sql: `alter table logins drop constraint "UQ_logins_name"; alter table logins add constraint "UQ_logins_name" unique (name, email)`,
    findings: [{ code: 'missing-unique', severity: 'error', table: 'logins', column: 'name' }],
  },
  {
    name: 'the composite @Unique re-created as a unique index under its name on one of its columns',
    sql: `alter table handles drop constraint "UQ_handles_x_y"; create unique index "UQ_handles_x_y" on handles (x)`,
    findings: [{ code: 'missing-unique', severity: 'error', table: 'handles' }],
  },
  // an index of the declared name on other keys is that index built otherwise, not a missing one
  {
    name: 'the plain index re-created under its name with an extra leading key',
    sql: `drop index "IDX_bookings_created"; create index "IDX_bookings_created" on bookings (seats, "createdAt")`,
    findings: [{ code: 'index-mismatch', severity: 'warning', table: 'bookings', column: 'createdAt' }],
  },
  {
    name: 'the hash index re-created under its name USING hash on another column',
    sql: `drop index "IDX_bookings_status"; create index "IDX_bookings_status" on bookings using hash (room)`,
    findings: [{ code: 'index-mismatch', severity: 'warning', table: 'bookings', column: 'status' }],
  },
  {
    name: 'the partial unique rebuilt over every row under its name beside the declared full unique: covered, and named',
    sql: `drop index "IDX_handles_email_live"; create unique index "IDX_handles_email_live" on handles (email)`,
    findings: [{ code: 'missing-unique', severity: 'warning', table: 'handles', column: 'email' }],
  },
  {
    name: 'the partial index rebuilt full: it serves every query, but is larger',
    sql: `drop index "IDX_bookings_room_open"; create index "IDX_bookings_room_open" on bookings (room)`,
    findings: [{ code: 'index-mismatch', severity: 'warning', table: 'bookings', column: 'room' }],
  },
  {
    name: 'the index rebuilt with an INCLUDE column: it serves every query, but is larger',
    sql: `drop index "IDX_bookings_created"; create index "IDX_bookings_created" on bookings ("createdAt") include (room)`,
    findings: [{ code: 'index-mismatch', severity: 'warning', table: 'bookings', column: 'createdAt' }],
  },
  {
    name: 'the partial unique dropped beside the declared full unique on the same column: covered',
    sql: `drop index "IDX_handles_email_live"`,
    findings: [{ code: 'missing-unique', severity: 'warning', table: 'handles', column: 'email' }],
  },
  {
    name: 'the full unique dropped beside the declared partial one: missing, not the partial one stricter',
    sql: `alter table handles drop constraint "UQ_handles_email"`,
    findings: [{ code: 'missing-unique', severity: 'error', table: 'handles', column: 'email' }],
  },
  {
    name: 'the full unique replaced by a partial unique index of its name',
    sql: `alter table handles drop constraint "UQ_handles_x_y"; create unique index "UQ_handles_x_y" on handles (x, y) where x > 0`,
    findings: [{ code: 'unique-mismatch', severity: 'error', table: 'handles' }],
  },
  {
    name: 'the spatial index re-created USING btree under the same name',
    sql: `drop index "IDX_bookings_during"; create index "IDX_bookings_during" on bookings using btree (during)`,
    findings: [{ code: 'index-mismatch', severity: 'warning', table: 'bookings', column: 'during' }],
  },
  {
    name: 'the soft-delete unique index with its predicate flipped',
    sql: `drop index "IDX_bookings_email_live"; create unique index "IDX_bookings_email_live" on bookings (email) where "deletedAt" is not null`,
    findings: [{ code: 'unique-mismatch', severity: 'error', table: 'bookings', column: 'email' }],
  },
  {
    name: 'the soft-delete unique index replaced by a full one: stricter',
    sql: `drop index "IDX_bookings_email_live"; create unique index "IDX_bookings_email_live" on bookings (email)`,
    findings: [{ code: 'unique-mismatch', severity: 'error', table: 'bookings', column: 'email' }],
  },
  {
    name: 'the partial index re-created with the same predicate spelled otherwise',
    sql: `drop index "IDX_bookings_room_open"; create index "IDX_bookings_room_open" on bookings (room) where not (status = 'cancelled')`,
    findings: [],
  },
  {
    name: 'the partial index re-created with its comparison written constant-first',
    sql: `drop index "IDX_bookings_room_open"; create index "IDX_bookings_room_open" on bookings (room) where 'cancelled' <> status`,
    findings: [],
  },
  {
    name: 'the partial index re-created with another predicate',
    sql: `drop index "IDX_bookings_room_open"; create index "IDX_bookings_room_open" on bookings (room) where status <> 'done'`,
    findings: [{ code: 'index-mismatch', severity: 'warning', table: 'bookings', column: 'room' }],
  },
  {
    name: 'the soft-delete unique index re-created without UNIQUE',
    sql: `drop index "IDX_bookings_email_live"; create index "IDX_bookings_email_live" on bookings (email) where "deletedAt" is null`,
    findings: [{ code: 'missing-unique', severity: 'error', table: 'bookings', column: 'email' }],
  },
  {
    name: 'the soft-delete unique index re-created without UNIQUE over other rows: one finding names both',
    sql: `drop index "IDX_bookings_email_live"; create index "IDX_bookings_email_live" on bookings (email) where "deletedAt" is not null`,
    findings: [{ code: 'missing-unique', severity: 'error', table: 'bookings', column: 'email' }],
  },
  {
    name: 'the soft-delete unique index re-created NULLS NOT DISTINCT',
    sql: `drop index "IDX_bookings_email_live"; create unique index "IDX_bookings_email_live" on bookings (email) nulls not distinct where "deletedAt" is null`,
    findings: [{ code: 'unique-mismatch', severity: 'error', table: 'bookings', column: 'email' }],
  },
  {
    name: 'the partial index re-created UNIQUE',
    sql: `drop index "IDX_bookings_room_open"; create unique index "IDX_bookings_room_open" on bookings (room) where status <> 'cancelled'`,
    findings: [{ code: 'extra-constraint', severity: 'warning', table: 'bookings', column: 'room' }],
  },
  {
    name: 'the plain index re-created UNIQUE under its name',
    sql: `drop index "IDX_bookings_created"; create unique index "IDX_bookings_created" on bookings ("createdAt")`,
    findings: [{ code: 'extra-constraint', severity: 'warning', table: 'bookings', column: 'createdAt' }],
  },
  {
    name: 'the plain index re-created DESC NULLS LAST: not the declared order read backward',
    sql: `drop index "IDX_bookings_created"; create index "IDX_bookings_created" on bookings ("createdAt" desc nulls last)`,
    findings: [{ code: 'index-mismatch', severity: 'warning', table: 'bookings', column: 'createdAt' }],
  },
  // TypeORM 1.x's `@Index({ type })`: each access method it allows, re-created as a plain btree under its name
  ...(
    [
      ['IDX_bookings_tags', 'tags'],
      ['IDX_bookings_slot', 'slot'],
      ['IDX_bookings_code', 'code'],
      ['IDX_bookings_status', 'status'],
      ['IDX_bookings_logged', '"loggedAt"'],
    ] as const
  ).map(
    ([index, column]): Mutation => ({
      name: `the ${index} index of @Index({ type }) re-created USING btree`,
      sql: `drop index "${index}"; create index "${index}" on bookings using btree (${column})`,
      findings: [{ code: 'index-mismatch', severity: 'warning', table: 'bookings', column: column.replace(/"/g, '') }],
    }),
  ),
  {
    name: 'the explicit btree index of @Index({ type: "btree" }) re-created USING hash',
    sql: `drop index "IDX_bookings_seats"; create index "IDX_bookings_seats" on bookings using hash (seats)`,
    findings: [{ code: 'index-mismatch', severity: 'warning', table: 'bookings', column: 'seats' }],
  },
  {
    name: 'the btree index marked INVALID (as a cancelled CREATE INDEX CONCURRENTLY leaves it): missing',
    sql: `update pg_index set indisvalid = false where indexrelid = '"IDX_bookings_seats"'::regclass`,
    findings: [{ code: 'missing-index', severity: 'warning', table: 'bookings', column: 'seats' }],
  },
  {
    name: 'the soft-delete unique index marked INVALID (as a failed CREATE UNIQUE INDEX CONCURRENTLY leaves it): missing',
    sql: `update pg_index set indisvalid = false where indexrelid = '"IDX_bookings_email_live"'::regclass`,
    findings: [{ code: 'missing-unique', severity: 'error', table: 'bookings', column: 'email' }],
  },
  {
    name: 'the one-column btree index re-created DESC: a backward scan serves the declared order',
    sql: `drop index "IDX_bookings_created"; create index "IDX_bookings_created" on bookings ("createdAt" desc)`,
    findings: [],
  },
];

describe('TypeORM indexes compared in full: a database built by synchronize()', () => {
  let synced: TestDatabase;
  const source = () => typeormSource(indexDataSource(), { name: 'indexes' });

  beforeAll(async () => {
    synced = await createTestDatabase();
    await synchronize(indexDataSource(), synced.url);
  });
  afterAll(() => synced?.drop());

  it('checks with zero findings: GiST, partial unique and partial indexes, and each access method of @Index({ type }), as TypeORM built them', async () => {
    const result = await checkDatabase(synced.url, [source()]);
    expect(summarize(result)).toEqual([]);
    expect(result.problems).toEqual([]);
  });

  it('says a full unique where the model declares a soft-delete partial one is stricter', async () => {
    const mutated = await createTestDatabase({ template: synced });
    try {
      await mutated.query(`drop index "IDX_bookings_email_live"; create unique index "IDX_bookings_email_live" on bookings (email)`);
      const [finding] = (await checkDatabase(mutated.url, [source()])).findings;
      expect(finding?.message).toContain('the database is stricter, rows outside the predicate (soft-deleted rows) now block re-use of a value');
      expect(finding?.message).not.toContain('duplicates can be stored');
    } finally {
      await mutated.drop();
    }
  });

  it("reads @Index({ type: 'gin' }) as USING gin: a gin index rebuilt as btree is reported with both methods", async () => {
    const mutated = await createTestDatabase({ template: synced });
    try {
      await mutated.query(`drop index "IDX_bookings_tags"; create index "IDX_bookings_tags" on bookings (tags)`);
      const findings = (await checkDatabase(mutated.url, [source()])).findings;
      expect(findings.map((finding) => finding.message)).toEqual([
        'bookings has the index "IDX_bookings_tags" on (tags) USING btree, but Booking (typeorm) declares USING gin: a btree index cannot serve the operators a gin one does',
      ]);
    } finally {
      await mutated.drop();
    }
  });

  it('says duplicates can be stored when the soft-delete unique index is re-created without UNIQUE, and the reverse rejects keys the models allow', async () => {
    const mutated = await createTestDatabase({ template: synced });
    try {
      await mutated.query(`drop index "IDX_bookings_email_live"; create index "IDX_bookings_email_live" on bookings (email) where "deletedAt" is null`);
      await mutated.query(`drop index "IDX_bookings_room_open"; create unique index "IDX_bookings_room_open" on bookings (room) where status <> 'cancelled'`);
      const result = await checkDatabase(mutated.url, [source()]);
      expect(result.findings.map((finding) => [finding.code, finding.severity, finding.message])).toEqual([
        [
          'missing-unique',
          'error',
          'bookings has the index "IDX_bookings_email_live" on (email) WHERE ("deletedAt" IS NULL) without UNIQUE, but Booking (typeorm) declares it unique: duplicates can be stored, and INSERT ... ON CONFLICT (email) WHERE "deletedAt" IS NULL fails (no unique or exclusion constraint matching)',
        ],
        [
          'extra-constraint',
          'warning',
          `bookings has a unique "IDX_bookings_room_open" on (room) WHERE ((status)::text <> 'cancelled'::text), but Booking (typeorm) declares it not unique: the database rejects duplicate keys the models allow, so a write that repeats a key among the rows WHERE ((status)::text <> 'cancelled'::text) fails`,
        ],
      ]);
    } finally {
      await mutated.drop();
    }
  });

  checksEachMutation(mutations, { template: () => synced, sources: () => [source()] });
});

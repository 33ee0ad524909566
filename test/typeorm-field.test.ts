import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresIdentifier } from '@ormdrift/core';
import { typeormSource } from '@ormdrift/typeorm';
import { fieldDataSource, fieldEntities, LazyDriverDataSource } from './fixtures/typeorm/field-entities.ts';
import { checkDatabase, summarize } from './support/check-database.ts';
import { checksEachMutation, dropConstraint, type Mutation } from './support/mutations.ts';
import { createTestDatabase, type TestDatabase } from './support/test-database.ts';
import { synchronize } from './support/typeorm-sync.ts';

const longTable = postgresIdentifier('quarterly_regional_distribution_center_inventory_reconciliation_items');

/** Drops the check of `bookings` whose expression mentions `text`, whatever TypeORM named it. */
const dropBookingsCheck = (text: string) => `
  do $$ declare found text; begin
    select conname into found from pg_constraint
    where conrelid = 'bookings'::regclass and contype = 'c' and pg_get_constraintdef(oid) like '%${text}%';
    execute format('alter table bookings drop constraint %I', found);
  end $$`;

const mutations: Mutation[] = [
  {
    name: 'drop a named check',
    sql: `alter table bookings drop constraint "CHK_bookings_seats"`,
    findings: [{ code: 'missing-check', severity: 'error', table: 'bookings' }],
  },
  {
    name: 'drop a check TypeORM named',
    sql: dropBookingsCheck('startsAt'),
    findings: [{ code: 'missing-check', severity: 'error', table: 'bookings' }],
  },
  {
    name: 'widen the bound of a check under its name',
    sql: `alter table bookings drop constraint "CHK_bookings_seats";
          alter table bookings add constraint "CHK_bookings_seats" check (seats > 0 and seats <= 20)`,
    findings: [{ code: 'check-mismatch', severity: 'error', table: 'bookings' }],
  },
  {
    name: 'respell and rename a check, same rule (decided by the server)',
    sql: `alter table bookings drop constraint "CHK_bookings_seats";
          alter table bookings add constraint bookings_seats_check check ((((seats)) > 0) AND seats<=12)`,
    findings: [],
  },
  {
    name: 'add a check no model declares',
    sql: `alter table bookings add constraint bookings_short check ("endsAt" - "startsAt" < interval '1 day')`,
    findings: [{ code: 'extra-constraint', severity: 'warning', table: 'bookings' }],
  },
  {
    name: 'add a unique no model declares',
    sql: `alter table bookings add constraint bookings_starts_key unique ("startsAt")`,
    findings: [{ code: 'extra-constraint', severity: 'warning', table: 'bookings', column: 'startsAt' }],
  },
  {
    name: 'add a unique over the primary key and another column: it rejects nothing more',
    sql: `alter table bookings add constraint bookings_id_seats_key unique (id, seats)`,
    findings: [],
  },
  {
    name: 'add a foreign key no model declares',
    sql: `alter table bookings add constraint bookings_seats_fk foreign key (seats) references students (id)`,
    findings: [{ code: 'extra-constraint', severity: 'warning', table: 'bookings', column: 'seats' }],
  },
  {
    name: 'change an interval default by value',
    sql: `alter table subscriptions alter column "gracePeriod" set default '2 hours'`,
    findings: [{ code: 'default-mismatch', severity: 'warning', table: 'subscriptions', column: 'gracePeriod' }],
  },
  {
    name: 'respell an interval default, same value',
    sql: `alter table subscriptions alter column "gracePeriod" set default interval '60 minutes'`,
    findings: [],
  },
  {
    name: 'change the interval inside an expression default',
    sql: `alter table subscriptions alter column "expiresAt" set default now() + interval '31 days'`,
    findings: [{ code: 'default-mismatch', severity: 'warning', table: 'subscriptions', column: 'expiresAt' }],
  },
  {
    name: 'change a money default',
    sql: `alter table subscriptions alter column balance set default 1`,
    findings: [{ code: 'default-mismatch', severity: 'warning', table: 'subscriptions', column: 'balance' }],
  },
  {
    name: 'respell a float default, same value',
    sql: `alter table subscriptions alter column tolerance set default 0.0000001`,
    findings: [],
  },
  {
    name: 'change a bit-string default',
    sql: `alter table subscriptions alter column flags set default B'100'`,
    findings: [{ code: 'default-mismatch', severity: 'warning', table: 'subscriptions', column: 'flags' }],
  },
  {
    name: 'change an inet default (decided by the server)',
    sql: `alter table subscriptions alter column origin set default '10.0.0.2'`,
    findings: [{ code: 'default-mismatch', severity: 'warning', table: 'subscriptions', column: 'origin' }],
  },
  {
    name: 'drop a column of a table whose name PostgreSQL cut to 63 bytes',
    sql: `alter table ${longTable} drop column quantity`,
    findings: [{ code: 'missing-column', severity: 'error', table: longTable, column: 'quantity' }],
  },
  {
    name: 'retype an enum join column',
    sql: `${dropConstraint('sheets', 'f')}; alter table sheets alter column kind type text`,
    findings: [
      { code: 'column-type-mismatch', severity: 'error', table: 'sheets', column: 'kind' },
      { code: 'missing-foreign-key', severity: 'warning', table: 'sheets' },
    ],
  },
];

describe('TypeORM field cases: a database built by synchronize()', () => {
  let synced: TestDatabase;
  const source = () => typeormSource(fieldDataSource(), { name: 'field' });

  beforeAll(async () => {
    synced = await createTestDatabase();
    await synchronize(fieldDataSource(), synced.url);
  });
  afterAll(() => synced?.drop());

  it('checks with zero findings: defaults by value, names cut to 63 bytes, join columns typed as TypeORM types them', async () => {
    const result = await checkDatabase(synced.url, [source()]);
    expect(summarize(result)).toEqual([]);
    expect(result.problems).toEqual([]);
    // the junction declared from both sides is one table
    expect(result.summary.tables).toBe(10);
  });

  it('names the serial sequence of a long table as PostgreSQL does, keeping _seq', async () => {
    const [stored] = await synced.query<{ expr: string }>(
      `select pg_get_expr(d.adbin, d.adrelid) as expr from pg_attrdef d join pg_attribute a on a.attrelid = d.adrelid and a.attnum = d.adnum
       where d.adrelid = '${longTable}'::regclass and a.attname = 'id'`,
    );
    const loaded = await source().load();
    const declared = loaded.schema.tables.find((table) => table.name === longTable)?.columns.find((column) => column.name === 'id');
    expect(declared?.default).toBe(stored?.expr);
  });

  it('merges the two declarations of one junction table, whose primary keys differ only in order', async () => {
    const loaded = await source().load();
    const junctions = loaded.schema.tables.filter((table) => table.name === 'enrollments');
    expect(junctions.map((table) => table.primaryKey?.columns)).toEqual([
      ['student_id', 'course_id'],
      ['course_id', 'student_id'],
    ]);
  });

  it('loads a DataSource whose driver is created only by initialize(), without connecting', async () => {
    // nothing listens on port 1: a connection attempt would fail the load
    const lazy = new LazyDriverDataSource({ type: 'postgres', url: 'postgres://nobody@127.0.0.1:1/none', entities: fieldEntities });
    expect((lazy as { driver?: unknown }).driver).toBeUndefined();
    const result = await checkDatabase(synced.url, [typeormSource(lazy, { name: 'fork' })]);
    expect(summarize(result)).toEqual([]);
    expect(lazy.isInitialized).toBe(false);
  });

  checksEachMutation(mutations, { template: () => synced, sources: () => [source()] });
});

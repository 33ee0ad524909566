import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresIdentifier } from '@ormdrift/core';
import { drizzleSource } from '@ormdrift/drizzle';
import * as schema from './fixtures/drizzle/field-schema.ts';
import * as shapes from './fixtures/drizzle/shape-schema.ts';
import { drizzleKitSql } from './fixtures/drizzle/drizzle-kit-sql.ts';
import { checkDatabase, summarize } from './support/check-database.ts';
import { checksEachMutation, type Mutation } from './support/mutations.ts';
import { createTestDatabase, type TestDatabase } from './support/test-database.ts';

const longTable = postgresIdentifier('quarterly_regional_distribution_center_inventory_reconciliation_items');
const longColumn = postgresIdentifier('reconciliation_item_classification_for_the_quarterly_reporting_run');
const longEnum = postgresIdentifier('quarterly_regional_distribution_center_reconciliation_status');

const mutations: Mutation[] = [
  {
    name: 'drop a check',
    sql: 'alter table bookings drop constraint bookings_seats_range',
    findings: [{ code: 'missing-check', severity: 'error', table: 'bookings' }],
  },
  {
    name: 'change the bound of a check under its name',
    sql: `alter table bookings drop constraint bookings_seats_range;
          alter table bookings add constraint bookings_seats_range check (seats > 0 and seats <= 20)`,
    findings: [{ code: 'check-mismatch', severity: 'error', table: 'bookings' }],
  },
  {
    name: 'flip a check under its name',
    sql: `alter table bookings drop constraint bookings_ends_after_start;
          alter table bookings add constraint bookings_ends_after_start check (ends_at < starts_at)`,
    findings: [{ code: 'check-mismatch', severity: 'error', table: 'bookings' }],
  },
  {
    name: 'write a check constant-first under its name, same rule',
    sql: `alter table bookings drop constraint bookings_seats_range;
          alter table bookings add constraint bookings_seats_range check (0 < seats and 12 >= seats)`,
    findings: [],
  },
  {
    name: 'write a check with its AND terms in the other order, same rule',
    sql: `alter table bookings drop constraint bookings_seats_range;
          alter table bookings add constraint bookings_seats_range check (seats <= 12 and seats > 0)`,
    findings: [],
  },
  {
    name: 'write a check with OR where the model has AND',
    sql: `alter table bookings drop constraint bookings_seats_range;
          alter table bookings add constraint bookings_seats_range check (seats <= 12 or seats > 0)`,
    findings: [{ code: 'check-mismatch', severity: 'error', table: 'bookings' }],
  },
  {
    name: 'write a check constant-first with the comparison turned the wrong way',
    sql: `alter table bookings drop constraint bookings_seats_range;
          alter table bookings add constraint bookings_seats_range check (0 > seats and 12 >= seats)`,
    findings: [{ code: 'check-mismatch', severity: 'error', table: 'bookings' }],
  },
  {
    name: 'add the declared check back NOT VALID: rows already there were never checked',
    sql: `alter table bookings drop constraint bookings_seats_range;
          alter table bookings add constraint bookings_seats_range check (seats > 0 and seats <= 12) not valid`,
    findings: [{ code: 'check-mismatch', severity: 'warning', table: 'bookings' }],
  },
  {
    name: 'rename a check and respell it, same rule (decided by the server)',
    sql: `alter table bookings drop constraint bookings_seats_range;
          alter table bookings add constraint seats_ok check (("seats" > 0) and (bookings.seats <= 12))`,
    findings: [],
  },
  {
    name: 'add a unique and a check no model declares',
    sql: `alter table bookings add constraint bookings_starts_at_key unique (starts_at);
          alter table bookings add constraint bookings_few_seats check (seats < 10)`,
    findings: [
      { code: 'extra-constraint', severity: 'warning', table: 'bookings' },
      { code: 'extra-constraint', severity: 'warning', table: 'bookings', column: 'starts_at' },
    ],
  },
  {
    name: 'drop NOT NULL from a bigserial',
    sql: 'alter table jobs alter column id drop not null',
    findings: [{ code: 'nullability-mismatch', severity: 'warning', table: 'jobs', column: 'id' }],
  },
  {
    name: 'change an interval default by value',
    sql: `alter table jobs alter column retry_after set default '3600 seconds 1 minute'`,
    findings: [{ code: 'default-mismatch', severity: 'warning', table: 'jobs', column: 'retry_after' }],
  },
  {
    name: 'respell the expression default, same value',
    sql: `alter table jobs alter column expires_at set default current_timestamp + interval '1 day'`,
    findings: [],
  },
  {
    name: 'change the interval inside the expression default',
    sql: `alter table jobs alter column expires_at set default now() + interval '24 hours'`,
    findings: [{ code: 'default-mismatch', severity: 'warning', table: 'jobs', column: 'expires_at' }],
  },
  {
    name: 'drop a column of a table whose name PostgreSQL cut',
    sql: `alter table ${longTable} drop column note`,
    findings: [
      { code: 'missing-column', severity: 'error', table: longTable, column: 'note' },
      { code: 'missing-index', severity: 'warning', table: longTable, column: 'note' },
    ],
  },
  {
    name: 'retype a column whose name PostgreSQL cut',
    sql: `alter table ${longTable} alter column ${longColumn} type varchar(10)`,
    findings: [{ code: 'column-type-mismatch', severity: 'error', table: longTable, column: longColumn }],
  },
  {
    name: 'drop a value of an enum whose name PostgreSQL cut',
    sql: `alter table ${longTable} alter column status drop default;
          alter table ${longTable} alter column status type text;
          drop type ${longEnum};
          create type ${longEnum} as enum ('open');
          alter table ${longTable} alter column status type ${longEnum} using status::${longEnum};
          alter table ${longTable} alter column status set default 'open'`,
    findings: [{ code: 'enum-values-mismatch', severity: 'error', table: longTable, column: 'status' }],
  },
];

describe('Drizzle field cases: a database built from drizzle-kit SQL', () => {
  let built: TestDatabase;
  let shaped: TestDatabase;
  const source = () => drizzleSource(schema, { name: 'field' });

  beforeAll(async () => {
    built = await createTestDatabase();
    for (const statement of await drizzleKitSql(schema)) await built.query(statement);
    shaped = await createTestDatabase();
    await shaped.query(shapes.shapesSql);
  });
  afterAll(async () => {
    await built?.drop();
    await shaped?.drop();
  });

  it('checks with zero findings: serials NOT NULL, defaults by value, names cut to 63 bytes', async () => {
    const result = await checkDatabase(built.url, [source()]);
    expect(summarize(result)).toEqual([]);
    expect(result.problems).toEqual([]);
  });

  it('renders a geometric default as the SQL literal the column sends, never [object Object]', async () => {
    const result = await checkDatabase(shaped.url, [drizzleSource(shapes, { name: 'shapes' })]);
    expect(summarize(result)).toEqual([]);
    expect(result.problems).toEqual([]);
    const schemaModel = (await drizzleSource(shapes).load()).schema;
    expect(Object.fromEntries(schemaModel.tables[0]!.columns.map((column) => [column.name, column.default]))).toEqual({
      id: null,
      origin: `'(1,2)'`,
      corner: `'(3,4)'`,
      edge: `'{1,2,3}'`,
    });
  });

  it('reports a changed geometric default', async () => {
    const mutated = await createTestDatabase({ template: shaped });
    try {
      await mutated.query(`alter table shapes alter column origin set default '(2,1)'`);
      expect(summarize(await checkDatabase(mutated.url, [drizzleSource(shapes, { name: 'shapes' })]))).toEqual([
        { code: 'default-mismatch', severity: 'warning', table: 'shapes', column: 'origin' },
      ]);
    } finally {
      await mutated.drop();
    }
  });

  it('says a check of two bounds changed may fail writes or store forbidden rows: which one is not decided', async () => {
    const mutated = await createTestDatabase({ template: built });
    try {
      await mutated.query(`alter table bookings drop constraint bookings_seats_range;
        alter table bookings add constraint bookings_seats_range check (seats > 0 and seats <= 20)`);
      const result = await checkDatabase(mutated.url, [source()]);
      expect(result.findings.map((finding) => [finding.code, finding.severity, finding.message])).toEqual([
        [
          'check-mismatch',
          'error',
          'bookings has the check bookings_seats_range CHECK (((seats > 0) AND (seats <= 20))), but bookings (drizzle) declares it CHECK ("bookings"."seats" > 0 AND "bookings"."seats" <= 12): writes the model allows may fail, or rows it forbids may be stored',
        ],
      ]);
    } finally {
      await mutated.drop();
    }
  });

  checksEachMutation(mutations, { template: () => built, sources: () => [source()] });
});

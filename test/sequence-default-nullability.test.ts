import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drizzleSource } from '@ormdrift/drizzle';
import { sequelizeSource } from '@ormdrift/sequelize';
import { typeormSource } from '@ormdrift/typeorm';
import { DataTypes, Sequelize } from 'sequelize';
import { DataSource, EntitySchema } from 'typeorm';
import { drizzleKitSql } from './fixtures/drizzle/drizzle-kit-sql.ts';
import * as schema from './fixtures/drizzle/sequence-default-schema.ts';
import { checkDatabase, summarize } from './support/check-database.ts';
import { checksEachMutation, type Mutation } from './support/mutations.ts';
import { createTestDatabase, type TestDatabase } from './support/test-database.ts';
import { synchronize } from './support/typeorm-sync.ts';

/**
 * A `nextval()` default written by hand does not make a column NOT NULL; a serial does, whatever the model's flag
 * says. Each ORM's own tooling builds the database, which checks clean; making the nullable column NOT NULL, or the
 * serial nullable, is caught.
 */
describe('Drizzle: a nullable column with a nextval() default, beside serials left without .notNull()', () => {
  let built: TestDatabase;
  const source = () => drizzleSource(schema, { name: 'tickets' });
  beforeAll(async () => {
    built = await createTestDatabase();
    for (const statement of await drizzleKitSql(schema)) await built.query(statement);
  });
  afterAll(() => built?.drop());

  it('checks with zero findings', async () => {
    const result = await checkDatabase(built.url, [source()]);
    expect(summarize(result)).toEqual([]);
    expect(result.problems).toEqual([]);
  });

  const mutations: Mutation[] = [
    {
      name: 'the sequence-drawn column made NOT NULL',
      sql: 'alter table tickets alter column number set not null',
      findings: [{ code: 'nullability-mismatch', severity: 'warning', table: 'tickets', column: 'number' }],
    },
    {
      name: 'the bigserial made nullable',
      sql: 'alter table tickets alter column position drop not null',
      findings: [{ code: 'nullability-mismatch', severity: 'warning', table: 'tickets', column: 'position' }],
    },
  ];
  checksEachMutation(mutations, { template: () => built, sources: () => [source()] });
});

function ticketModels(url?: string): Sequelize {
  const options = { dialect: 'postgres' as const, logging: false };
  const sequelize = url ? new Sequelize(url, options) : new Sequelize(options);
  sequelize.define(
    'Ticket',
    { number: { type: DataTypes.INTEGER, defaultValue: Sequelize.literal("nextval('ticket_numbers')") } },
    { tableName: 'tickets', timestamps: false },
  );
  return sequelize;
}

describe('Sequelize: a nullable column with a nextval() default', () => {
  let built: TestDatabase;
  const source = () => sequelizeSource(ticketModels(), { name: 'tickets' });
  beforeAll(async () => {
    built = await createTestDatabase();
    await built.query('create sequence ticket_numbers');
    const sequelize = ticketModels(built.url);
    await sequelize.sync();
    await sequelize.close();
  });
  afterAll(() => built?.drop());

  it('checks with zero findings', async () => {
    const result = await checkDatabase(built.url, [source()]);
    expect(summarize(result)).toEqual([]);
  });

  checksEachMutation(
    [
      {
        name: 'the sequence-drawn column made NOT NULL',
        sql: 'alter table tickets alter column number set not null',
        findings: [{ code: 'nullability-mismatch', severity: 'warning', table: 'tickets', column: 'number' }],
      },
    ],
    { template: () => built, sources: () => [source()] },
  );
});

function ticketDataSource(): DataSource {
  const Ticket = new EntitySchema<{ id: number; number: number | null; position: number }>({
    name: 'Ticket',
    tableName: 'tickets',
    columns: {
      id: { type: 'int', primary: true, generated: 'increment' },
      number: { type: 'int', nullable: true, default: () => "nextval('ticket_numbers')" },
      // a non-key increment column TypeORM's sync makes a serial: NOT NULL whatever `nullable` says
      position: { type: 'int', nullable: true, generated: 'increment' },
    },
  });
  return new DataSource({ type: 'postgres', entities: [Ticket] });
}

describe('TypeORM: a nullable column with a nextval() default, beside an increment column marked nullable', () => {
  let built: TestDatabase;
  const source = () => typeormSource(ticketDataSource(), { name: 'tickets' });
  beforeAll(async () => {
    built = await createTestDatabase();
    await built.query('create sequence ticket_numbers');
    await synchronize(ticketDataSource(), built.url);
  });
  afterAll(() => built?.drop());

  it('checks with zero findings', async () => {
    expect(summarize(await checkDatabase(built.url, [source()]))).toEqual([]);
  });

  checksEachMutation(
    [
      {
        // nullable: true is written: a null the model saves fails
        name: 'the sequence-drawn column made NOT NULL',
        sql: 'alter table tickets alter column number set not null',
        findings: [{ code: 'nullability-mismatch', severity: 'error', table: 'tickets', column: 'number' }],
      },
      {
        name: 'the increment column made nullable',
        sql: 'alter table tickets alter column position drop not null',
        findings: [{ code: 'nullability-mismatch', severity: 'warning', table: 'tickets', column: 'position' }],
      },
    ],
    { template: () => built, sources: () => [source()] },
  );
});

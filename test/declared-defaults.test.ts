/**
 * Declared versus inherited, on the three ORMs. Each app's models rely on their ORM's defaults for
 * some properties; the database was built by hand-written migrations (migration-first), not by the
 * ORM. The oracle: the database the ORM's own tooling builds checks clean; the migration-first one
 * yields, for every difference on a property the model did not write, a finding one severity lower
 * whose message says whose default it is, and for declared properties the usual finding.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check, type CheckResult } from '@ormdrift/core';
import { connectPostgres, PostgresIntrospector } from '@ormdrift/postgres';
import { drizzleSource } from '@ormdrift/drizzle';
import { sequelizeSource } from '@ormdrift/sequelize';
import { typeormSource } from '@ormdrift/typeorm';
import { drizzleKitSql } from './fixtures/drizzle/drizzle-kit-sql.ts';
import * as drizzleSchema from './fixtures/defaults/drizzle-schema.ts';
import { createDefaultsSequelize } from './fixtures/defaults/sequelize-models.ts';
import { defaultsDataSource } from './fixtures/defaults/typeorm-entities.ts';
import { checkDatabase } from './support/check-database.ts';
import { createTestDatabase, type TestDatabase } from './support/test-database.ts';
import { synchronize } from './support/typeorm-sync.ts';

/** What the user reads: code, severity, column, message, and whose default it was. */
const read = (result: CheckResult) =>
  result.findings.map((finding) => ({
    code: finding.code,
    severity: finding.severity,
    column: finding.column,
    message: finding.message,
    ...(finding.inherited ? { inherited: finding.inherited } : {}),
  }));

describe('Sequelize: allowNull, STRING length and belongsTo actions left to Sequelize', () => {
  const sources = () => [sequelizeSource(createDefaultsSequelize(), { name: 'app' })];
  let synced: TestDatabase;
  let migrated: TestDatabase;

  beforeAll(async () => {
    [synced, migrated] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    const sequelize = createDefaultsSequelize(synced.url);
    await sequelize.sync();
    await sequelize.close();
    await migrated.query(`
      create table teams (id serial primary key);
      create table members (
        id serial primary key,
        name varchar(100) not null,
        nickname varchar(40) not null,
        team_id integer references teams (id)
      );`);
  });
  afterAll(() => Promise.all([synced?.drop(), migrated?.drop()]));

  it('the database sync() built checks clean', async () => {
    expect((await checkDatabase(synced.url, sources())).findings).toEqual([]);
  });

  it('the migration-first database: defaults one severity lower and said so, declared properties as usual', async () => {
    const result = await checkDatabase(migrated.url, sources());
    expect(read(result)).toEqual([
      {
        code: 'column-type-mismatch',
        severity: 'warning',
        column: 'name',
        message:
          "members.name is character varying(255) in Member (sequelize) but character varying(100) in the database: writes of 101–255 characters fail (value too long for type character varying(100)); character varying(255) by Sequelize's default; the model does not say",
        inherited: 'sequelize',
      },
      {
        code: 'nullability-mismatch',
        severity: 'warning',
        column: 'name',
        message:
          "members.name is nullable in Member (sequelize) but NOT NULL in the database: saving a null fails; nullable by Sequelize's default; the model does not say",
        inherited: 'sequelize',
      },
      {
        code: 'nullability-mismatch',
        severity: 'error',
        column: 'nickname',
        message: 'members.nickname is nullable in Member (sequelize) but NOT NULL in the database: saving a null fails',
      },
      {
        code: 'foreign-key-mismatch',
        severity: 'warning',
        column: 'team_id',
        message:
          "members(team_id) references teams(id) ON DELETE NO ACTION ON UPDATE NO ACTION in the database, but ON DELETE SET NULL ON UPDATE CASCADE in Member (sequelize); ON DELETE SET NULL, ON UPDATE CASCADE by Sequelize's default; the model does not say",
        inherited: 'sequelize',
      },
    ]);
    expect(result.summary).toEqual({ errors: 1, warnings: 3, tables: 2 });
  });

  it('a configured severity applies to defaults alike', async () => {
    const connection = await connectPostgres(migrated.url);
    try {
      const result = await check({ sources: sources(), introspector: new PostgresIntrospector(connection.client), rules: { 'nullability-mismatch': 'error' } });
      expect(result.findings.filter((finding) => finding.code === 'nullability-mismatch').map((finding) => finding.severity)).toEqual(['error', 'error']);
    } finally {
      await connection.close();
    }
  });
});

describe('TypeORM: @Column nullability and relation actions left to TypeORM', () => {
  const sources = () => [typeormSource(defaultsDataSource(), { name: 'app' })];
  let synced: TestDatabase;
  let migrated: TestDatabase;

  beforeAll(async () => {
    [synced, migrated] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    await synchronize(defaultsDataSource(), synced.url);
    await migrated.query(`
      create table teams (id serial primary key);
      create table members (
        id serial primary key,
        name text,
        email text,
        team_id integer references teams (id) on delete cascade
      );`);
  });
  afterAll(() => Promise.all([synced?.drop(), migrated?.drop()]));

  it('the database synchronize() built checks clean', async () => {
    expect((await checkDatabase(synced.url, sources())).findings).toEqual([]);
  });

  it('the migration-first database: the defaults are said so, the declared NOT NULL is not', async () => {
    expect(read(await checkDatabase(migrated.url, sources()))).toEqual([
      {
        code: 'nullability-mismatch',
        severity: 'warning',
        column: 'email',
        message: 'members.email is NOT NULL in Member (typeorm) but nullable in the database',
      },
      {
        code: 'nullability-mismatch',
        severity: 'warning',
        column: 'name',
        message: "members.name is NOT NULL in Member (typeorm) but nullable in the database; NOT NULL by TypeORM's default; the model does not say",
        inherited: 'typeorm',
      },
      {
        code: 'foreign-key-mismatch',
        severity: 'warning',
        column: 'team_id',
        message:
          "members(team_id) references teams(id) ON DELETE CASCADE ON UPDATE NO ACTION in the database, but ON DELETE NO ACTION ON UPDATE NO ACTION in Member (typeorm); ON DELETE NO ACTION by TypeORM's default; the model does not say",
        inherited: 'typeorm',
      },
    ]);
  });
});

describe('Drizzle: columns without .notNull() and references without actions', () => {
  const sources = () => [drizzleSource(drizzleSchema, { name: 'app' })];
  let built: TestDatabase;
  let migrated: TestDatabase;

  beforeAll(async () => {
    [built, migrated] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    for (const statement of await drizzleKitSql(drizzleSchema)) await built.query(statement);
    await migrated.query(`
      create table teams (id serial primary key);
      create table members (
        id serial primary key,
        name text not null,
        email text,
        team_id integer references teams (id) on delete cascade
      );`);
  });
  afterAll(() => Promise.all([built?.drop(), migrated?.drop()]));

  it('the database drizzle-kit built checks clean', async () => {
    expect((await checkDatabase(built.url, sources())).findings).toEqual([]);
  });

  it('the migration-first database: the NOT NULL a nullable-by-default column meets is a warning that says so', async () => {
    const result = await checkDatabase(migrated.url, sources());
    expect(read(result)).toEqual([
      {
        code: 'nullability-mismatch',
        severity: 'warning',
        column: 'email',
        message: 'members.email is NOT NULL in members (drizzle) but nullable in the database',
      },
      {
        code: 'nullability-mismatch',
        severity: 'warning',
        column: 'name',
        message:
          "members.name is nullable in members (drizzle) but NOT NULL in the database: saving a null fails; nullable by Drizzle's default; the model does not say",
        inherited: 'drizzle',
      },
      {
        code: 'foreign-key-mismatch',
        severity: 'warning',
        column: 'team_id',
        message:
          "members(team_id) references teams(id) ON DELETE CASCADE ON UPDATE NO ACTION in the database, but ON DELETE NO ACTION ON UPDATE NO ACTION in members (drizzle); ON DELETE NO ACTION by Drizzle's default; the model does not say",
        inherited: 'drizzle',
      },
    ]);
    expect(result.summary.errors).toBe(0);
  });
});

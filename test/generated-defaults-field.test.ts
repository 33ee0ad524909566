/**
 * Defaults the ORM leaves implicit, predicted as PostgreSQL prints them, on each ORM: a serial's `nextval()` of a
 * table outside `public` names its sequence schema-qualified and quoted where it must be, and TypeORM's generated
 * uuid is the function its `uuidExtension` picks. The oracle: the database the ORM builds checks clean; with the
 * default dropped, the finding names the default the database printed, and `ormdrift fix` sets it back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SchemaSource } from '@ormdrift/core';
import { drizzleSource } from '@ormdrift/drizzle';
import { sequelizeSource } from '@ormdrift/sequelize';
import { typeormSource } from '@ormdrift/typeorm';
import { drizzleKitSql } from './fixtures/drizzle/drizzle-kit-sql.ts';
import * as drizzleSchema from './fixtures/generated/drizzle-schema.ts';
import { createGeneratedSequelize } from './fixtures/generated/sequelize-models.ts';
import { generatedDataSource } from './fixtures/generated/typeorm-entities.ts';
import { checkDatabase, summarize } from './support/check-database.ts';
import { fixScripts, runSql } from './support/fix-runner.ts';
import { createTestDatabase, type TestDatabase } from './support/test-database.ts';
import { synchronize } from './support/typeorm-sync.ts';

interface Case {
  readonly orm: string;
  readonly build: (database: TestDatabase) => Promise<void>;
  readonly sources: () => readonly SchemaSource[];
  /** The column whose default is dropped: `schema.table`, the column, and the default PostgreSQL printed for it. */
  readonly table: string;
  readonly column: string;
  readonly printed: string;
  /** The finding's message once the default is gone. */
  readonly message: string;
}

const cases: Case[] = [
  {
    orm: 'TypeORM @Generated("increment") outside public',
    build: async (database) => {
      await database.query('create schema inventory');
      await synchronize(generatedDataSource(), database.url);
    },
    sources: () => [typeormSource(generatedDataSource(), { name: 'generated' })],
    table: 'inventory.widgets',
    column: 'serialNo',
    printed: `nextval('inventory."widgets_serialNo_seq"'::regclass)`,
    message: `inventory.widgets."serialNo" relies on the database default nextval('inventory."widgets_serialNo_seq"'::regclass) (Widget (typeorm)) but the NOT NULL column has no default: inserts that omit it fail`,
  },
  {
    orm: "TypeORM @PrimaryGeneratedColumn('uuid') with uuidExtension: 'pgcrypto'",
    build: async (database) => {
      await database.query('create schema inventory');
      await synchronize(generatedDataSource(), database.url);
    },
    sources: () => [typeormSource(generatedDataSource(), { name: 'generated' })],
    table: 'public.tokens',
    column: 'id',
    printed: 'gen_random_uuid()',
    message: 'tokens.id relies on the database default gen_random_uuid() (Token (typeorm)) but the NOT NULL column has no default: inserts that omit it fail',
  },
  {
    orm: 'Sequelize autoIncrement outside public',
    build: async (database) => {
      await database.query('create schema inventory');
      const sequelize = createGeneratedSequelize(database.url);
      await sequelize.sync();
      await sequelize.close();
    },
    sources: () => [sequelizeSource(createGeneratedSequelize(), { name: 'generated' })],
    table: 'inventory.Widgets',
    column: 'id',
    printed: `nextval('inventory."Widgets_id_seq"'::regclass)`,
    message: `inventory."Widgets".id relies on the database default nextval('inventory."Widgets_id_seq"'::regclass) (Widget (sequelize)) but the NOT NULL column has no default: inserts that omit it fail`,
  },
  {
    orm: 'Drizzle serial outside public',
    build: async (database) => {
      for (const statement of await drizzleKitSql(drizzleSchema)) await database.query(statement);
    },
    sources: () => [drizzleSource(drizzleSchema, { name: 'generated' })],
    table: 'inventory.widgets',
    column: 'serialNo',
    printed: `nextval('inventory."widgets_serialNo_seq"'::regclass)`,
    message: `inventory.widgets."serialNo" relies on the database default nextval('inventory."widgets_serialNo_seq"'::regclass) (widgets (drizzle)) but the NOT NULL column has no default: inserts that omit it fail`,
  },
];

describe.each(cases)('$orm', (testCase) => {
  let built: TestDatabase;
  const [schema, table] = testCase.table.split('.') as [string, string];
  const target = `"${schema}"."${table}"`;

  beforeAll(async () => {
    built = await createTestDatabase();
    await testCase.build(built);
  });
  afterAll(() => built?.drop());

  it('the database the ORM built checks clean, and its default is the one predicted', async () => {
    expect(summarize(await checkDatabase(built.url, testCase.sources()))).toEqual([]);
    const [stored] = await built.query<{ expr: string }>(
      `select pg_get_expr(d.adbin, d.adrelid) as expr from pg_attrdef d join pg_attribute a on a.attrelid = d.adrelid and a.attnum = d.adnum
       where d.adrelid = '${target}'::regclass and a.attname = $1`,
      [testCase.column],
    );
    expect(stored?.expr).toBe(testCase.printed);
  });

  it('with the default dropped: the finding names it as PostgreSQL prints it, and fix sets it back', async () => {
    const mutated = await createTestDatabase({ template: built });
    try {
      await mutated.query(`alter table ${target} alter column "${testCase.column}" drop default`);
      const result = await checkDatabase(mutated.url, testCase.sources());
      expect(summarize(result)).toEqual([
        { code: 'default-mismatch', severity: 'error', table: testCase.table.replace(/^public\./, ''), column: testCase.column },
      ]);
      expect(result.findings.map((finding) => finding.message)).toEqual([testCase.message]);

      const run = await runSql(mutated.url, fixScripts(result).batches);
      expect(run.notices.filter((notice) => notice.startsWith('WARNING'))).toEqual([]);
      expect(summarize(await checkDatabase(mutated.url, testCase.sources()))).toEqual([]);
    } finally {
      await mutated.drop();
    }
  });
});

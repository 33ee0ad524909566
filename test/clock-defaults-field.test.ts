/**
 * A default that reads the clock and a constant are different defaults, whatever they evaluate to today: a
 * `CURRENT_DATE` the model declares and the date literal `SET DEFAULT 'now'` stores are not one default, nor is a
 * date constant the model declares and a database default that casts 'now'. The oracle, on each ORM: the database
 * the ORM built checks clean; with the default swapped for its clock (or constant) twin of the same value today, a
 * `default-mismatch` says which one reads the clock.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SchemaSource } from '@ormdrift/core';
import { drizzleSource } from '@ormdrift/drizzle';
import { sequelizeSource } from '@ormdrift/sequelize';
import { typeormSource } from '@ormdrift/typeorm';
import { drizzleKitSql } from './fixtures/drizzle/drizzle-kit-sql.ts';
import * as drizzleSchema from './fixtures/clock/drizzle-schema.ts';
import { createClockSequelize } from './fixtures/clock/sequelize-models.ts';
import { clockDataSource } from './fixtures/clock/typeorm-entities.ts';
import { checkDatabase, summarize } from './support/check-database.ts';
import { createTestDatabase, type TestDatabase } from './support/test-database.ts';
import { synchronize } from './support/typeorm-sync.ts';

const constantNote = 'the database default is a constant, fixed when it was set, where the model reads the clock at each insert';
const clockNote = 'the database default reads the clock at each insert, where the model sets a constant';

/** The default PostgreSQL stored for a column of `visits`, as it prints it. */
async function storedDefault(database: TestDatabase, column: string): Promise<string | undefined> {
  const [row] = await database.query<{ expr: string }>(
    `select pg_get_expr(d.adbin, d.adrelid) as expr from pg_attrdef d join pg_attribute a on a.attrelid = d.adrelid and a.attnum = d.adnum
     where d.adrelid = 'visits'::regclass and a.attname = $1`,
    [column],
  );
  return row?.expr;
}

interface Swap {
  readonly column: string;
  /** The new default: the clock's twin of the model's constant, or the constant twin of its clock. */
  readonly sql: string;
  /** The model's default, as the message prints it. */
  readonly declared: string;
  readonly model: string;
  readonly note: string;
}

interface Case {
  readonly orm: string;
  readonly build: (database: TestDatabase) => Promise<void>;
  readonly sources: () => readonly SchemaSource[];
  readonly swaps: readonly Swap[];
}

const today = drizzleSchema.today;
const cases: Case[] = [
  {
    orm: 'TypeORM: CURRENT_DATE, LOCALTIME(0), LOCALTIMESTAMP against the constants of SET DEFAULT now',
    build: (database) => synchronize(clockDataSource(), database.url),
    sources: () => [typeormSource(clockDataSource(), { name: 'clock' })],
    swaps: [
      { column: 'day', sql: `set default 'now'`, declared: `('now'::text)::date`, model: 'Visit (typeorm)', note: constantNote },
      { column: 'at', sql: `set default 'now'`, declared: `('now'::text)::time(0) without time zone`, model: 'Visit (typeorm)', note: constantNote },
      { column: 'seenAt', sql: `set default 'now'`, declared: `('now'::text)::timestamp without time zone`, model: 'Visit (typeorm)', note: constantNote },
    ],
  },
  {
    orm: "Sequelize: a DATEONLY defaultValue of today's date against a cast of 'now'",
    build: async (database) => {
      const sequelize = createClockSequelize(today, database.url);
      await sequelize.sync();
      await sequelize.close();
    },
    sources: () => [sequelizeSource(createClockSequelize(today), { name: 'clock' })],
    swaps: [{ column: 'day', sql: `set default ('now'::text)::date`, declared: `'${today}'`, model: 'Visit (sequelize)', note: clockNote }],
  },
  {
    orm: "Drizzle: a date default of today's date against a cast of 'now'",
    build: async (database) => {
      for (const statement of await drizzleKitSql(drizzleSchema)) await database.query(statement);
    },
    sources: () => [drizzleSource(drizzleSchema, { name: 'clock' })],
    swaps: [{ column: 'day', sql: `set default ('now'::text)::date`, declared: `'${today}'`, model: 'visits (drizzle)', note: clockNote }],
  },
];

describe.each(cases)('$orm', (testCase) => {
  let built: TestDatabase;
  beforeAll(async () => {
    built = await createTestDatabase();
    await testCase.build(built);
  });
  afterAll(() => built?.drop());

  it('the database the ORM built checks clean', async () => {
    const result = await checkDatabase(built.url, testCase.sources());
    expect(summarize(result)).toEqual([]);
    expect(result.problems).toEqual([]);
  });

  describe.each(testCase.swaps)('the default of $column swapped: $sql', (swap) => {
    it('is a default-mismatch that says which one reads the clock', async () => {
      const mutated = await createTestDatabase({ template: built });
      try {
        await mutated.query(`alter table visits alter column "${swap.column}" ${swap.sql}`);
        const stored = await storedDefault(mutated, swap.column);
        const result = await checkDatabase(mutated.url, testCase.sources());
        expect(summarize(result)).toEqual([{ code: 'default-mismatch', severity: 'warning', table: 'visits', column: swap.column }]);
        const column = swap.column === 'seenAt' ? '"seenAt"' : swap.column;
        expect(result.findings.map((finding) => finding.message)).toEqual([
          `visits.${column} has default ${stored} in the database but ${swap.declared} in ${swap.model}: ${swap.note}`,
        ]);
      } finally {
        await mutated.drop();
      }
    });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drizzleSource } from '@ormdrift/drizzle';
import * as torture from './fixtures/fix/torture-schema.ts';
import { drizzleKitSql } from './fixtures/drizzle/drizzle-kit-sql.ts';
import { catalogSnapshot } from './support/catalog-snapshot.ts';
import { checkDatabase, summarize } from './support/check-database.ts';
import { fixScripts, runSql } from './support/fix-runner.ts';
import { removableObjects } from './support/schema-mutations.ts';
import { createTestDatabase, type TestDatabase } from './support/test-database.ts';

const sources = () => [drizzleSource(torture, { name: 'torture' })];

/** Fix, check clean, fix again with no change, roll back to where it started. */
async function fixesAndRollsBack(database: TestDatabase): Promise<void> {
  const before = await catalogSnapshot(database.url);
  const scripts = fixScripts(await checkDatabase(database.url, sources()));
  await runSql(database.url, scripts.batches);
  expect(summarize(await checkDatabase(database.url, sources()))).toEqual([]);
  const fixed = await catalogSnapshot(database.url);
  await runSql(database.url, scripts.batches);
  expect(await catalogSnapshot(database.url)).toEqual(fixed);
  await runSql(database.url, [scripts.down]);
  expect(await catalogSnapshot(database.url)).toEqual(before);
}

describe('identifiers with capitals, spaces, quotes, backslashes, unicode, reserved words and 63 bytes', () => {
  let built: TestDatabase;
  beforeAll(async () => {
    built = await createTestDatabase();
    await built.query('create schema "Tenant Data"');
  });
  afterAll(() => built?.drop());

  it('drizzle-kit itself cannot write them: it leaves double quotes in names unescaped', async () => {
    expect(await drizzleKitSql(torture)).toContainEqual(expect.stringContaining('"say "hi"" text'));
  });

  it('are created from nothing by up.sql (the schema alone exists) and removed by down.sql', async () => {
    const empty = await createTestDatabase({ template: built });
    try {
      await fixesAndRollsBack(empty);
    } finally {
      await empty.drop();
    }
    // what up.sql built is the database the next test takes objects away from
    await runSql(built.url, fixScripts(await checkDatabase(built.url, sources())).batches);
    expect(summarize(await checkDatabase(built.url, sources()))).toEqual([]);
  });

  it('are added back to existing tables: columns, enum values, keys, indexes', async () => {
    const mutated = await createTestDatabase({ template: built });
    try {
      const removals = (await removableObjects(built.url)).filter((removal) => !removal.what.startsWith('table ') && !removal.what.startsWith('primary key '));
      const columns = removals.filter((removal) => removal.what.startsWith('column ') && /\.(user|say "hi"|名前|from|tx+|ü+x)$/.test(removal.what));
      const others = removals.filter((removal) => !removal.what.startsWith('column '));
      expect(others.map((removal) => removal.what.split(' ')[0])).toEqual(expect.arrayContaining(['index', 'unique', 'foreign', 'enum']));
      for (const removal of [...others, ...columns]) await mutated.query(removal.sql);
      await fixesAndRollsBack(mutated);
    } finally {
      await mutated.drop();
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sequelizeSource } from '@ormdrift/sequelize';
import { createDeferrableSequelize } from './fixtures/sequelize/deferrable-models.ts';
import { checkDatabase, summarize } from './support/check-database.ts';
import { checksEachMutation, type Mutation } from './support/mutations.ts';
import { createTestDatabase, type TestDatabase } from './support/test-database.ts';

/** Runs `alter table songs alter constraint <the foreign key to target> <deferral>`, whatever Sequelize named it. */
const deferKey = (target: string, deferral: string) => `
  do $$ begin
    execute format('alter table songs alter constraint %I ${deferral}',
      (select conname from pg_constraint where conrelid = 'songs'::regclass and contype = 'f' and confrelid = '${target}'::regclass));
  end $$`;

const mutations: Mutation[] = [
  {
    name: 'make a deferred foreign key NOT DEFERRABLE',
    sql: deferKey('albums', 'not deferrable'),
    findings: [{ code: 'foreign-key-mismatch', severity: 'error', table: 'songs', column: 'albumId' }],
  },
  {
    name: 'check a deferred foreign key at each statement',
    sql: deferKey('albums', 'deferrable initially immediate'),
    findings: [{ code: 'foreign-key-mismatch', severity: 'error', table: 'songs', column: 'albumId' }],
  },
  {
    name: 'defer a foreign key the model checks immediately',
    sql: deferKey('artists', 'deferrable initially deferred'),
    findings: [{ code: 'foreign-key-mismatch', severity: 'warning', table: 'songs', column: 'artistId' }],
  },
  {
    name: 'make a NOT DEFERRABLE foreign key deferrable',
    sql: deferKey('labels', 'deferrable'),
    findings: [{ code: 'foreign-key-mismatch', severity: 'warning', table: 'songs', column: 'labelId' }],
  },
];

describe('Sequelize deferrable foreign keys: a database built by sync()', () => {
  let synced: TestDatabase;
  const source = () => sequelizeSource(createDeferrableSequelize(), { name: 'deferrable' });
  beforeAll(async () => {
    synced = await createTestDatabase();
    const sequelize = createDeferrableSequelize(synced.url);
    await sequelize.sync();
    await sequelize.close();
  });
  afterAll(() => synced?.drop());

  it('checks with zero findings', async () => {
    const result = await checkDatabase(synced.url, [source()]);
    expect(summarize(result)).toEqual([]);
    expect(result.problems).toEqual([]);
  });

  it('reads references.deferrable as the foreign key property', async () => {
    const { schema } = await source().load();
    const songs = schema.tables.find((table) => table.name === 'songs')!;
    expect(Object.fromEntries(songs.foreignKeys.map((fk) => [fk.columns[0], fk.deferrable ?? 'not deferrable']))).toEqual({
      albumId: 'deferred',
      artistId: 'immediate',
      labelId: 'not deferrable',
    });
  });

  checksEachMutation(mutations, { template: () => synced, sources: () => [source()] });
});

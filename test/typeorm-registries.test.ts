import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { typeormSource } from '@ormdrift/typeorm';
import { conflictingDataSource, expertDataSource, mainDataSource, usersOnlyDataSource } from './fixtures/typeorm/registries.ts';
import { checkDatabase, summarize } from './support/check-database.ts';
import { createTestDatabase, type TestDatabase } from './support/test-database.ts';
import { synchronize } from './support/typeorm-sync.ts';

describe('TypeORM registries', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    // Only the main registry was ever migrated.
    await synchronize(mainDataSource(), database.url);
  });
  afterAll(() => database?.drop());

  it('reports a uuid join column that TypeORM silently resolved to the integer it references', async () => {
    const result = await checkDatabase(database.url, [typeormSource(mainDataSource(), { name: 'main' })]);
    expect(summarize(result)).toEqual([
      { code: 'column-type-mismatch', severity: 'error', table: 'subscriptions', column: 'user_id' },
      { code: 'fk-type-mismatch', severity: 'error', table: 'subscriptions', column: 'user_id' },
    ]);
    expect(result.findings[0]?.message).toBe(
      'subscriptions.user_id is uuid in Subscription (typeorm) but integer in the database; it is a foreign key to users.id (integer)',
    );
    expect(result.findings[1]).toMatchObject({
      message: 'subscriptions.user_id is declared uuid by Subscription (typeorm) but references users.id, which the models declare integer',
      expected: { type: 'integer', references: 'users.id' },
      actual: { type: 'uuid' },
      sources: [{ orm: 'typeorm', registry: 'main', model: 'Subscription' }],
    });
  });

  it('finds the tables of a second registry that no migration saw, naming that registry', async () => {
    const result = await checkDatabase(database.url, [
      typeormSource(usersOnlyDataSource(), { name: 'main' }),
      typeormSource(expertDataSource(), { name: 'experts' }),
    ]);
    expect(summarize(result)).toEqual([
      { code: 'missing-table', severity: 'error', table: 'expert_profiles' },
      { code: 'orphan-table', severity: 'warning', table: 'subscriptions' },
    ]);
    expect(result.findings[0]?.sources).toEqual([{ orm: 'typeorm', registry: 'experts', model: 'ExpertProfile' }]);
  });

  it('merges a table two registries declare identically, keeping both as its sources', async () => {
    const mutated = await createTestDatabase({ template: database });
    try {
      await mutated.query('alter table users drop column email');
      const result = await checkDatabase(mutated.url, [
        typeormSource(mainDataSource(), { name: 'main' }),
        typeormSource(usersOnlyDataSource(), { name: 'users' }),
      ]);
      const missing = result.findings.find((finding) => finding.code === 'missing-column');
      expect(missing?.sources).toEqual([
        { orm: 'typeorm', registry: 'main', model: 'User' },
        { orm: 'typeorm', registry: 'users', model: 'User' },
      ]);
      expect(result.findings.filter((finding) => finding.code === 'registry-conflict')).toEqual([]);
    } finally {
      await mutated.drop();
    }
  });

  it('reports a table two registries declare differently, and checks the rest', async () => {
    const result = await checkDatabase(database.url, [
      typeormSource(mainDataSource(), { name: 'main' }),
      typeormSource(conflictingDataSource(), { name: 'records' }),
    ]);
    expect(summarize(result)).toEqual([
      { code: 'column-type-mismatch', severity: 'error', table: 'subscriptions', column: 'user_id' },
      { code: 'fk-type-mismatch', severity: 'error', table: 'subscriptions', column: 'user_id' },
      { code: 'registry-conflict', severity: 'error', table: 'users' },
    ]);
    expect(result.findings[2]?.message).toBe(
      'users is declared differently by User (typeorm main) and UserRecord (typeorm records): column email: character varying(120) not null vs text not null',
    );
  });
});

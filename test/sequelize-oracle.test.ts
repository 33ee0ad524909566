import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sequelizeSource } from '@ormdrift/sequelize';
import { appSchemas, createAppSequelize } from './fixtures/sequelize/app-sequelize.ts';
import { catalogSchemas, createCatalogSequelize } from './fixtures/sequelize/catalog-models.ts';
import { checkDatabase, summarize } from './support/check-database.ts';
import { createTestDatabase, type TestDatabase } from './support/test-database.ts';

describe('Sequelize: a database built by sync()', () => {
  let synced: TestDatabase;
  // read without a connection: the instances ormdrift sees are never connected
  const sources = () => [sequelizeSource(createAppSequelize(), { name: 'app' }), sequelizeSource(createCatalogSequelize(), { name: 'catalog' })];

  beforeAll(async () => {
    synced = await createTestDatabase();
    for (const schema of [...appSchemas, ...catalogSchemas]) await synced.query(`create schema ${schema}`);
    for (const sequelize of [createAppSequelize(synced.url), createCatalogSequelize(synced.url)]) {
      await sequelize.sync();
      await sequelize.close();
    }
  });
  afterAll(() => synced?.drop());

  it('checks with zero findings', async () => {
    const result = await checkDatabase(synced.url, sources());
    expect(summarize(result)).toEqual([]);
    expect(result.findings).toEqual([]);
    expect(result.problems).toEqual([]);
  });
});

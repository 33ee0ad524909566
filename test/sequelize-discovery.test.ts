import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSources, type ModuleExports } from '@ormdrift/discover';
import { appSchemas, createAppSequelize } from './fixtures/sequelize/app-sequelize.ts';
import { checkDatabase, summarize } from './support/check-database.ts';
import { createTestDatabase, type TestDatabase } from './support/test-database.ts';

/** A module as `ormdrift check <module>` sees it: imported, then searched for registries by shape. */
async function moduleExports(file: string): Promise<ModuleExports> {
  const url = new URL(file, import.meta.url);
  return { file: `test/${file.replace(/^\.\//, '')}`, path: fileURLToPath(url), exports: (await import(url.href)) as Record<string, unknown> };
}

describe('ormdrift check on a Sequelize app, with no configuration', () => {
  let synced: TestDatabase;

  beforeAll(async () => {
    synced = await createTestDatabase();
    for (const schema of appSchemas) await synced.query(`create schema ${schema}`);
    const sequelize = createAppSequelize(synced.url);
    await sequelize.sync();
    await sequelize.close();
  });
  afterAll(() => synced?.drop());

  it('finds the exported instance, named by its export, and checks it clean', async () => {
    const sources = await findSources([await moduleExports('./fixtures/sequelize/app-db.ts')]);
    expect(sources.map((source) => source.name)).toEqual(['sequelize:sequelize']);
    const result = await checkDatabase(synced.url, sources);
    expect(result.findings).toEqual([]);
    expect(result.summary.tables).toBe(9);
  });

  it('reads a registry once when another module re-exports its models', async () => {
    const sources = await findSources([await moduleExports('./fixtures/sequelize/app-db.ts'), await moduleExports('./fixtures/sequelize/app-db-reexports.ts')]);
    expect(sources.map((source) => source.name)).toEqual(['sequelize:sequelize']);
  });

  it('reads the whole instance of models exported without it', async () => {
    const sources = await findSources([await moduleExports('./fixtures/sequelize/app-models-only.ts')]);
    expect(sources.map((source) => source.name)).toEqual(['sequelize:models of test/fixtures/sequelize/app-models-only.ts']);
    const result = await checkDatabase(synced.url, sources);
    expect(result.findings).toEqual([]);
    // Tag, Comment, Profile... are not exported, but sync() creates them: they are checked too
    expect(result.summary.tables).toBe(9);
  });

  it('names the registry, model and file that declared a drifted column', async () => {
    const mutated = await createTestDatabase({ template: synced });
    try {
      await mutated.query('alter table "Users" drop column bio');
      const result = await checkDatabase(mutated.url, await findSources([await moduleExports('./fixtures/sequelize/app-db.ts')]));
      expect(summarize(result)).toEqual([{ code: 'missing-column', severity: 'error', table: 'Users', column: 'bio' }]);
      expect(result.findings[0]?.sources).toEqual([{ orm: 'sequelize', registry: 'sequelize', model: 'User', file: 'test/fixtures/sequelize/app-db.ts' }]);
      expect(result.findings[0]?.message).toContain('User (sequelize)');
    } finally {
      await mutated.drop();
    }
  });
});

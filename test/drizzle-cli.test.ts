import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSources } from 'ormdrift';
import * as schema from './fixtures/drizzle/rich-schema.ts';
import * as typeormEntities from './fixtures/typeorm/rich-entities.ts';
import { drizzleKitSql } from './fixtures/drizzle/drizzle-kit-sql.ts';
import { checkDatabase, summarize } from './support/check-database.ts';
import { createTestDatabase, type TestDatabase } from './support/test-database.ts';

const file = 'test/fixtures/drizzle/rich-schema.ts';
/** The CLI's own discovery over the module's exports, as `ormdrift check test/fixtures/drizzle/rich-schema.ts` runs it. */
const discovered = (...modules: { file: string; exports: Record<string, unknown> }[]) =>
  findSources(modules.map((module) => ({ ...module, path: resolve(module.file) })));

describe('the CLI finds a Drizzle schema module among exports, with no flag naming the ORM', () => {
  let built: TestDatabase;

  beforeAll(async () => {
    built = await createTestDatabase();
    for (const statement of await drizzleKitSql(schema)) await built.query(statement);
  });
  afterAll(() => built?.drop());

  it('as one registry named by its file, which checks clean against the database drizzle-kit built', async () => {
    const sources = await discovered({ file, exports: schema });
    expect(sources.map((source) => source.name)).toEqual([`drizzle:${file}`]);
    const result = await checkDatabase(built.url, sources);
    expect(result.findings).toEqual([]);
    expect(result.summary.tables).toBe(7);
  });

  it('names the Drizzle export, registry and file that declared a missing column', async () => {
    const drifted = await createTestDatabase({ template: built });
    try {
      await drifted.query('alter table posts drop column status');
      const result = await checkDatabase(drifted.url, await discovered({ file, exports: schema }));
      expect(summarize(result)).toEqual([{ code: 'missing-column', severity: 'error', table: 'posts', column: 'status' }]);
      expect(result.findings[0]!.sources).toEqual([{ orm: 'drizzle', registry: file, model: 'posts', file }]);
    } finally {
      await drifted.drop();
    }
  });

  it('next to a TypeORM module, finds each registry by its own ORM', async () => {
    const sources = await discovered({ file, exports: schema }, { file: 'test/fixtures/typeorm/rich-entities.ts', exports: typeormEntities });
    expect(sources.map((source) => source.name.split(':')[0])).toEqual(['drizzle', 'typeorm']);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drizzleSource } from '@ormdrift/drizzle';
import * as schema from './fixtures/drizzle/rich-schema.ts';
import { drizzleKitSql } from './fixtures/drizzle/drizzle-kit-sql.ts';
import { checkDatabase, summarize } from './support/check-database.ts';
import { createTestDatabase, type TestDatabase } from './support/test-database.ts';

describe('Drizzle: a database built by drizzle-kit', () => {
  let built: TestDatabase;
  const source = () => drizzleSource(schema, { name: 'rich', file: 'rich-schema.ts' });

  beforeAll(async () => {
    built = await createTestDatabase();
    for (const statement of await drizzleKitSql(schema)) await built.query(statement);
  });
  afterAll(() => built?.drop());

  it('checks with zero findings', async () => {
    const result = await checkDatabase(built.url, [source()]);
    expect(result.findings).toEqual([]);
    expect(result.problems).toEqual([]);
  });
});

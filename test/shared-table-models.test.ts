import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sequelizeSource } from '@ormdrift/sequelize';
import { DataTypes, Sequelize } from 'sequelize';
import { checkDatabase, summarize } from './support/check-database.ts';
import { createTestDatabase, type TestDatabase } from './support/test-database.ts';

/**
 * Two models of one table, one narrower (a projection that reads part of the columns): a finding about a column,
 * index or foreign key names the models that declare that one, not every model of the table.
 */
function articleModels(url?: string): Sequelize {
  const options = { dialect: 'postgres' as const, logging: false };
  const sequelize = url ? new Sequelize(url, options) : new Sequelize(options);
  const Author = sequelize.define('Author', {}, { tableName: 'authors', timestamps: false });
  const Article = sequelize.define(
    'Article',
    { title: DataTypes.STRING(200), body: DataTypes.TEXT },
    { tableName: 'articles', timestamps: false, indexes: [{ name: 'articles_body', fields: ['body'] }] },
  );
  Article.belongsTo(Author, { foreignKey: 'authorId' });
  // sync() creates a table once, from the first model that names it: the projection is only read through
  if (!url) sequelize.define('Draft', { title: DataTypes.STRING(200) }, { tableName: 'articles', timestamps: false });
  return sequelize;
}

describe('Sequelize: two models of one table, one narrower', () => {
  let built: TestDatabase;
  const source = () => sequelizeSource(articleModels(), { name: 'models' });
  beforeAll(async () => {
    built = await createTestDatabase();
    const sequelize = articleModels(built.url);
    await sequelize.sync();
    await sequelize.close();
  });
  afterAll(() => built?.drop());

  it('checks with zero findings', async () => {
    expect(summarize(await checkDatabase(built.url, [source()]))).toEqual([]);
  });

  it('names only the model that declares a dropped column, index or foreign key; both models for a column both declare', async () => {
    const mutated = await createTestDatabase({ template: built });
    try {
      await mutated.query('drop index articles_body');
      await mutated.query('alter table articles drop constraint "articles_authorId_fkey"');
      await mutated.query('alter table articles alter column title type varchar(100)');
      const result = await checkDatabase(mutated.url, [source()]);
      expect(result.findings.map((finding) => [finding.code, finding.severity, finding.message])).toEqual([
        [
          'column-type-mismatch',
          'error',
          'articles.title is character varying(200) in Article (sequelize), Draft (sequelize) but character varying(100) in the database: writes of 101–200 characters fail (value too long for type character varying(100))',
        ],
        ['missing-foreign-key', 'warning', 'articles("authorId") references authors(id) in Article (sequelize) but the database has no such foreign key'],
        ['missing-index', 'warning', 'articles has no index articles_body on (body) that Article (sequelize) declares: queries on it scan the table'],
      ]);
      const dropped = await createTestDatabase({ template: built });
      try {
        await dropped.query('alter table articles drop column body');
        const [finding] = (await checkDatabase(dropped.url, [source()])).findings;
        expect(finding?.message).toBe('articles.body is declared by Article (sequelize) but the table has no such column');
        expect(finding?.sources.map((declared) => declared.model)).toEqual(['Article']);
      } finally {
        await dropped.drop();
      }
    } finally {
      await mutated.drop();
    }
  });
});

import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as publicSurface from '@ormdrift/sequelize';
import { discoverSequelizeSources } from '@ormdrift/sequelize';
import { DataTypes, Model, Sequelize } from 'sequelize';
import { Model as TypescriptModel, Sequelize as TypescriptSequelize } from 'sequelize-typescript';
import { isSequelizeExport, isSequelizeInstance } from '../src/recognize.ts';
import * as detachedModule from './fixtures/detached-models.ts';
import { offlineSequelize } from './load-model.ts';

const context = { file: 'src/db.ts', path: fileURLToPath(import.meta.url) };
const discover = (exports: Record<string, unknown>) =>
  discoverSequelizeSources(
    Object.entries(exports).map(([name, value]) => ({ name, value })),
    context,
  );
const tablesOf = async (found: ReturnType<typeof discover>) =>
  Promise.all(found.map(async ({ source }) => ({ source: source.name, tables: (await source.load()).schema.tables.map((table) => table.name).sort() })));

function blogInstance() {
  const sequelize = offlineSequelize();
  const Post = sequelize.define('Post', { title: DataTypes.STRING }, { tableName: 'posts' });
  const Tag = sequelize.define('Tag', {}, { tableName: 'tags' });
  Post.belongsToMany(Tag, { through: 'post_tags' });
  return { sequelize, Post, Tag };
}

describe('discoverSequelizeSources', () => {
  it('makes each exported instance a registry named by its export, claiming the instance and every model', async () => {
    const { sequelize, Post, Tag } = blogInstance();
    const found = discover({ db: sequelize, Post, Tag, unrelated: { query() {} } });
    expect(await tablesOf(found)).toEqual([{ source: 'sequelize:db', tables: ['post_tags', 'posts', 'tags'] }]);
    expect(found[0]?.values).toEqual([sequelize, Post, Tag, sequelize.models['post_tags']]);
  });

  it('reads the instance of models exported without it, whole', async () => {
    const { Post } = blogInstance();
    expect(await tablesOf(discover({ Post }))).toEqual([{ source: 'sequelize:models of src/db.ts', tables: ['post_tags', 'posts', 'tags'] }]);
  });

  it('makes one registry per instance when exported models belong to several', async () => {
    const blog = blogInstance();
    const shop = offlineSequelize();
    const Order = shop.define('Order', {}, { tableName: 'orders' });
    expect(await tablesOf(discover({ Post: blog.Post, Order }))).toEqual([
      { source: 'sequelize:models of src/db.ts (Post)', tables: ['post_tags', 'posts', 'tags'] },
      { source: 'sequelize:models of src/db.ts (Order)', tables: ['orders'] },
    ]);
  });

  it('recognizes a sequelize-typescript instance and its models', async () => {
    const sequelize = new TypescriptSequelize({ dialect: 'postgres', logging: false, models: [] });
    sequelize.define('Widget', {}, { tableName: 'widgets' });
    expect(await tablesOf(discover({ default: sequelize }))).toEqual([{ source: 'sequelize:default', tables: ['widgets'] }]);
  });

  it('adds sequelize-typescript classes that joined no instance to one, with their junction model', async () => {
    expect(detachedModule.Book.sequelize).toBeUndefined();
    const found = discover({ ...detachedModule });
    expect(await tablesOf(found)).toEqual([{ source: 'sequelize:models of src/db.ts', tables: ['authors', 'book_authors', 'books'] }]);
  });

  it('recognizes an instance by shape, whichever copy of Sequelize made it', async () => {
    const foreignCopy = {
      options: { dialect: 'postgres' },
      models: {},
      modelManager: { models: [] },
      define() {},
      getDialect: () => 'postgres',
      getQueryInterface: () => ({ queryGenerator: { escape: String } }),
    };
    expect(isSequelizeInstance(foreignCopy)).toBe(true);
    expect(await tablesOf(discover({ foreignCopy }))).toEqual([{ source: 'sequelize:foreignCopy', tables: [] }]);
  });

  it.each([
    ["Sequelize's Model base class", Model],
    ["sequelize-typescript's Model base class", TypescriptModel],
    ['the Sequelize class itself', Sequelize],
    ['a class extending Model that was never initialized', class Draft extends Model {}],
    ['DataTypes', DataTypes],
    ['a plain object', { define() {}, models: {} }],
    ['a function', () => {}],
    ['null', null],
  ])('ignores %s', (_label, value) => {
    expect(isSequelizeExport(value)).toBe(false);
    expect(discover({ value })).toEqual([]);
  });
});

describe('public surface', () => {
  it('exports the source, its discovery and the migrations runner only: the shape checks narrow to internal types', () => {
    expect(Object.keys(publicSurface).sort()).toEqual(['discoverSequelizeSources', 'runSequelizeMigrations', 'sequelizeSource']);
  });
});

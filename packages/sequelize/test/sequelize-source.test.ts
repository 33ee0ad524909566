import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import 'reflect-metadata';
import { describe, expect, it } from 'vitest';
import type { TableModel } from '@ormdrift/core';
import { sequelizeSource, type SequelizeInstanceLike } from '@ormdrift/sequelize';
import { DataTypes, Sequelize, type ModelAttributeColumnOptions } from 'sequelize';
import { loadModel, offlineSequelize } from './load-model.ts';

const foreignKeys = (table: TableModel | undefined) =>
  (table?.foreignKeys ?? []).map(
    (fk) =>
      `${fk.columns.join(',')} -> ${fk.references.schema}.${fk.references.name}(${fk.references.columns.join(',')}) ON DELETE ${fk.onDelete} ON UPDATE ${fk.onUpdate}`,
  );

const tableNamed = (tables: readonly TableModel[], name: string) => tables.find((table) => table.name === name);

describe('sequelizeSource: tables', () => {
  it.each([
    ['pluralises the model name by default', {}, 'public.Accounts'],
    ['keeps the model name with freezeTableName', { freezeTableName: true }, 'public.Account'],
    ['pluralises and snake-cases with underscored', { underscored: true }, 'public.accounts'],
    ['uses tableName as given', { tableName: 'user_accounts' }, 'public.user_accounts'],
    ['puts the table in its schema', { tableName: 'accounts', schema: 'billing' }, 'billing.accounts'],
  ] as const)('%s', async (_label, options, expected) => {
    const sequelize = offlineSequelize();
    sequelize.define('Account', { name: DataTypes.STRING }, options);
    const { schema } = await sequelizeSource(sequelize).load();
    expect(schema.tables.map((table) => `${table.schema}.${table.name}`)).toEqual([expected]);
  });

  it('names columns by field, underscores attribute names and timestamps with underscored, and leaves createdAt: false out', async () => {
    const { table } = await loadModel(
      { firstName: DataTypes.STRING, lastName: { type: DataTypes.STRING, field: 'surname' } },
      { underscored: true, timestamps: true, createdAt: false, paranoid: true },
    );
    expect(table.columns.map((column) => `${column.name} ${column.nullable ? 'null' : 'not null'}`)).toEqual([
      'id not null',
      'first_name null',
      'surname null',
      'updated_at not null',
      'deleted_at null',
    ]);
  });

  it('renames timestamps given as strings', async () => {
    const { table } = await loadModel({}, { timestamps: true, createdAt: 'bornAt', updatedAt: false });
    expect(table.columns.map((column) => column.name)).toEqual(['id', 'bornAt']);
  });

  it('reads allowNull: false, primary keys and a composite primary key', async () => {
    const { table } = await loadModel({
      tenant: { type: DataTypes.INTEGER, primaryKey: true },
      code: { type: DataTypes.STRING(10), primaryKey: true },
      note: { type: DataTypes.TEXT, allowNull: false },
    });
    expect(table.primaryKey).toEqual({ columns: ['tenant', 'code'] });
    expect(table.columns.map((column) => [column.name, column.nullable])).toEqual([
      ['tenant', false],
      ['code', false],
      ['note', false],
    ]);
  });

  it('reads unique: true, named uniques (grouped by name) and unique indexes as uniques, by column', async () => {
    const { table } = await loadModel(
      {
        email: { type: DataTypes.STRING, unique: true },
        site: { type: DataTypes.STRING, unique: 'site_account' },
        account: { type: DataTypes.STRING, unique: 'site_account' },
        handle: { type: DataTypes.STRING, unique: { name: 'handle_unique', msg: 'taken' } },
        scope: DataTypes.STRING,
        key: DataTypes.STRING,
      },
      {
        indexes: [
          { unique: true, fields: ['scope', 'key'] },
          { type: 'UNIQUE', fields: ['key'] },
        ],
      },
    );
    // Sequelize names none of these constraints (PostgreSQL does): they are matched by columns
    expect(table.uniques.map((unique) => ({ columns: unique.columns, named: unique.name !== undefined }))).toEqual([
      { columns: ['email'], named: false },
      { columns: ['site', 'account'], named: false },
      { columns: ['handle'], named: false },
      { columns: ['scope', 'key'], named: true },
      { columns: ['key'], named: true },
    ]);
  });

  it('prefers the uniqueKeys model option, as createTable() does', async () => {
    const { table } = await loadModel({ a: { type: DataTypes.STRING, unique: 'ignored' }, b: DataTypes.STRING, c: DataTypes.STRING }, {
      uniqueKeys: { pair: { fields: ['b', 'c'] } },
    } as object);
    expect(table.uniques.map((unique) => unique.columns)).toEqual([['b', 'c']]);
  });

  it('reads indexes with their column names verbatim, their generated names, and partial predicates', async () => {
    const { table } = await loadModel(
      { status: DataTypes.STRING, createdAt: DataTypes.DATE, data: { type: DataTypes.JSONB, index: true } as ModelAttributeColumnOptions },
      {
        tableName: 'jobs',
        indexes: [{ fields: ['status', { name: 'createdAt', order: 'DESC' }] }, { name: 'jobs_open', fields: ['createdAt'], where: { status: 'open' } }],
      },
    );
    expect(table.indexes).toEqual([
      { name: 'jobs_status_created_at', columns: ['status', 'createdAt'], keys: [{}, { descending: true }] },
      { name: 'jobs_open', columns: ['createdAt'], where: `"status" = 'open'` },
      { name: 'jobs_data', columns: ['data'], method: 'gin' }, // JSONB `index: true`: a GIN index
    ]);
  });

  it('checks a partial unique index as a unique with its predicate, and an expression index (unique or not) by name and keys', async () => {
    const { table, problems } = await loadModel(
      { email: DataTypes.STRING, active: DataTypes.BOOLEAN },
      {
        tableName: 'users',
        indexes: [
          { name: 'users_active_email', unique: true, fields: ['email'], where: { active: true } },
          { name: 'users_lower_email', unique: true, fields: [Sequelize.fn('lower', Sequelize.col('email'))] },
          { name: 'users_upper_email', fields: [Sequelize.fn('upper', Sequelize.col('email')), 'active'] },
          { name: 'users_email_domain', fields: [Sequelize.literal(`split_part(email, '@', 2)`)] },
        ],
      },
    );
    expect(table.uniques).toEqual([{ name: 'users_active_email', columns: ['email'], nullsNotDistinct: false, where: '"active" = true' }]);
    // an expression index is matched by name, then compared by its keys as addIndexQuery() writes them
    expect(table.indexes).toEqual([
      { name: 'users_lower_email', columns: [], expressions: ['lower("email")'], unique: true },
      { name: 'users_upper_email', columns: [], expressions: ['upper("email")', 'active'] },
      { name: 'users_email_domain', columns: [], expressions: [`split_part(email, '@', 2)`] },
    ]);
    expect(problems).toEqual([]);
  });

  it.each([
    ['has no whereQuery()', undefined, 'the query generator has no whereQuery()'],
    [
      'throws rendering the predicate',
      () => {
        throw new Error('Invalid value { weird: [Function] }\nat whereQuery');
      },
      'Invalid value { weird: [Function] }',
    ],
  ])(
    'reports a partial index it cannot render when the query generator %s, and checks it neither as a full unique nor as a full index',
    async (_label, whereQuery, reason) => {
      const sequelize = offlineSequelize();
      sequelize.define(
        'Thing',
        { email: DataTypes.STRING, active: DataTypes.BOOLEAN },
        {
          tableName: 'users',
          timestamps: false,
          indexes: [
            { name: 'users_active_email', unique: true, fields: ['email'], where: { active: true } },
            { name: 'users_active', fields: ['active'], where: { active: true } },
            { name: 'users_email', fields: ['email'] },
          ],
        },
      );
      Object.assign(sequelize.getQueryInterface().queryGenerator as object, { whereQuery });
      const { schema, problems } = await sequelizeSource(sequelize).load();
      expect(schema.tables[0]?.uniques).toEqual([]);
      expect(schema.tables[0]?.indexes).toEqual([{ name: 'users_email', columns: ['email'] }]);
      const message = `the index predicate cannot be rendered (${reason}); the index is not checked`;
      expect(problems).toEqual([
        { type: 'ignored-declaration', ref: 'Thing.users_active_email', message },
        { type: 'ignored-declaration', ref: 'Thing.users_active', message },
      ]);
    },
  );

  it('carries provenance: the ORM, the registry, the model and the file', async () => {
    const sequelize = offlineSequelize();
    sequelize.define('Account', {});
    const { schema } = await sequelizeSource(sequelize, { name: 'billing', file: 'src/db.ts' }).load();
    expect(schema.tables[0]?.sources).toEqual([{ orm: 'sequelize', registry: 'billing', model: 'Account', file: 'src/db.ts' }]);
  });
});

describe('sequelizeSource: foreign keys', () => {
  it("uses Sequelize's belongsTo defaults: ON DELETE SET NULL (NO ACTION when required), ON UPDATE CASCADE", async () => {
    const sequelize = offlineSequelize();
    const User = sequelize.define('User', {}, { tableName: 'users' });
    const Post = sequelize.define('Post', {}, { tableName: 'posts' });
    Post.belongsTo(User, { as: 'author', foreignKey: { name: 'authorId', allowNull: false } });
    Post.belongsTo(User, { as: 'editor' });
    Post.belongsTo(User, { as: 'reviewer', onDelete: 'cascade', onUpdate: 'restrict' });
    const { schema } = await sequelizeSource(sequelize).load();
    expect(foreignKeys(tableNamed(schema.tables, 'posts'))).toEqual([
      'authorId -> public.users(id) ON DELETE NO ACTION ON UPDATE CASCADE',
      'editorId -> public.users(id) ON DELETE SET NULL ON UPDATE CASCADE',
      'reviewerId -> public.users(id) ON DELETE CASCADE ON UPDATE RESTRICT',
    ]);
  });

  it('puts hasOne and hasMany foreign keys on the target, typed like the source key, with their options', async () => {
    const sequelize = offlineSequelize();
    const Team = sequelize.define('Team', { id: { type: DataTypes.UUID, primaryKey: true } }, { tableName: 'teams', underscored: true });
    const Player = sequelize.define('Player', {}, { tableName: 'players', underscored: true });
    const Badge = sequelize.define('Badge', {}, { tableName: 'badges' });
    Team.hasMany(Player, { onDelete: 'CASCADE' });
    Team.hasOne(Badge, { foreignKey: { name: 'teamId', unique: true } as object });
    const { schema } = await sequelizeSource(sequelize).load();
    expect(foreignKeys(tableNamed(schema.tables, 'players'))).toEqual(['team_id -> public.teams(id) ON DELETE CASCADE ON UPDATE CASCADE']);
    expect(tableNamed(schema.tables, 'players')?.columns.find((column) => column.name === 'team_id')?.type.name).toBe('uuid');
    expect(foreignKeys(tableNamed(schema.tables, 'badges'))).toEqual(['teamId -> public.teams(id) ON DELETE SET NULL ON UPDATE CASCADE']);
    expect(tableNamed(schema.tables, 'badges')?.uniques.map((unique) => unique.columns)).toEqual([['teamId']]);
  });

  it('keeps the type declared on a foreign-key attribute, even when it differs from the key it references', async () => {
    const sequelize = offlineSequelize();
    const User = sequelize.define('User', {}, { tableName: 'users' });
    const Session = sequelize.define('Session', { userId: { type: DataTypes.UUID, allowNull: false } }, { tableName: 'sessions' });
    Session.belongsTo(User, { foreignKey: 'userId' });
    const { schema } = await sequelizeSource(sequelize).load();
    const sessions = tableNamed(schema.tables, 'sessions');
    expect(sessions?.columns.find((column) => column.name === 'userId')?.type.name).toBe('uuid');
    expect(tableNamed(schema.tables, 'users')?.columns.find((column) => column.name === 'id')?.type.name).toBe('integer');
    expect(foreignKeys(sessions)).toEqual(['userId -> public.users(id) ON DELETE NO ACTION ON UPDATE CASCADE']);
  });

  it("resolves a string references.model in the referencing table's schema", async () => {
    const { table } = await loadModel(
      { actorId: { type: DataTypes.INTEGER, references: { model: 'actors', key: 'key' }, onDelete: 'CASCADE' } },
      { tableName: 'events', schema: 'audit' },
    );
    expect(foreignKeys(table)).toEqual(['actorId -> audit.actors(key) ON DELETE CASCADE ON UPDATE NO ACTION']);
  });

  it('resolves a references.model class as Sequelize stores it: its bare table name, in the referencing schema', async () => {
    const sequelize = offlineSequelize();
    const User = sequelize.define('User', {}, { tableName: 'users' });
    sequelize.define('Event', { userId: { type: DataTypes.INTEGER, references: { model: User } } }, { tableName: 'events', schema: 'audit' });
    const { schema } = await sequelizeSource(sequelize).load();
    // sync() then fails with `relation "audit.users" does not exist`: ormdrift shows what Sequelize would create
    expect(foreignKeys(tableNamed(schema.tables, 'events'))).toEqual(['userId -> audit.users(id) ON DELETE NO ACTION ON UPDATE NO ACTION']);
  });

  it('cuts a referenced table and key named over 63 bytes as PostgreSQL stores them', async () => {
    const sequelize = offlineSequelize();
    const longName = `ledger_${'entries_'.repeat(9)}archive`; // 79 bytes
    const Ledger = sequelize.define('Ledger', {}, { tableName: longName, timestamps: false });
    sequelize.define('Receipt', { ledgerId: { type: DataTypes.INTEGER, references: { model: Ledger } } }, { tableName: 'receipts', timestamps: false });
    sequelize.define(
      'Stub',
      { keyed: { type: DataTypes.INTEGER, references: { model: longName, key: `k${'e'.repeat(70)}y` } } },
      { tableName: 'stubs', timestamps: false },
    );
    const { schema } = await sequelizeSource(sequelize).load();
    const stored = schema.tables.find((table) => table.sources[0]?.model === 'Ledger')!.name;
    expect(Buffer.byteLength(stored)).toBe(63);
    expect(tableNamed(schema.tables, 'receipts')?.foreignKeys[0]?.references).toEqual({ schema: 'public', name: stored, columns: ['id'] });
    expect(tableNamed(schema.tables, 'stubs')?.foreignKeys[0]?.references).toEqual({ schema: 'public', name: stored, columns: [`k${'e'.repeat(62)}`] });
  });

  it('reads onDelete and onUpdate in any case', async () => {
    const { table } = await loadModel({
      ownerId: { type: DataTypes.INTEGER, references: { model: 'owners' }, onDelete: 'set default', onUpdate: 'No Action' },
    });
    expect(foreignKeys(table)).toEqual(['ownerId -> public.owners(id) ON DELETE SET DEFAULT ON UPDATE NO ACTION']);
  });

  it('resolves a references.model table object to its own schema', async () => {
    const { table } = await loadModel(
      { userId: { type: DataTypes.INTEGER, references: { model: { tableName: 'users', schema: 'public' } as never, key: 'id' } } },
      { tableName: 'events', schema: 'audit' },
    );
    expect(foreignKeys(table)).toEqual(['userId -> public.users(id) ON DELETE NO ACTION ON UPDATE NO ACTION']);
  });

  it('creates the junction model of a belongsToMany through string: the FK pair is its primary key, timestamps inherited', async () => {
    const sequelize = offlineSequelize();
    const Post = sequelize.define('Post', {}, { tableName: 'posts', timestamps: false });
    const Tag = sequelize.define('Tag', {}, { tableName: 'tags', timestamps: false });
    Post.belongsToMany(Tag, { through: 'post_tags' });
    Tag.belongsToMany(Post, { through: 'post_tags' });
    const { schema } = await sequelizeSource(sequelize).load();
    const junction = tableNamed(schema.tables, 'post_tags');
    expect(junction?.columns.map((column) => column.name)).toEqual(['createdAt', 'updatedAt', 'PostId', 'TagId']);
    // no model declares it: the two associations imply it, and say so
    expect(junction?.primaryKey).toEqual({
      columns: ['PostId', 'TagId'],
      impliedBy: ['Post.belongsToMany(Tag, through post_tags)', 'Tag.belongsToMany(Post, through post_tags)'],
    });
    expect(foreignKeys(junction)).toEqual([
      'PostId -> public.posts(id) ON DELETE CASCADE ON UPDATE CASCADE',
      'TagId -> public.tags(id) ON DELETE CASCADE ON UPDATE CASCADE',
    ]);
    expect(junction?.sources).toEqual([{ orm: 'sequelize', registry: 'default', model: 'post_tags' }]);
    // the table itself too: its foreign keys and indexes are the associations' as well
    expect(junction?.impliedBy).toEqual(['Post.belongsToMany(Tag, through post_tags)', 'Tag.belongsToMany(Post, through post_tags)']);
  });
});

describe('sequelizeSource: registries', () => {
  it('reads model classes handed directly, with the junction tables of their many-to-many associations', async () => {
    const sequelize = offlineSequelize();
    const Post = sequelize.define('Post', {}, { tableName: 'posts' });
    const Tag = sequelize.define('Tag', {}, { tableName: 'tags' });
    sequelize.define('Unrelated', {}, { tableName: 'unrelated' });
    Post.belongsToMany(Tag, { through: 'post_tags' });
    const { schema } = await sequelizeSource([Post, Tag]).load();
    expect(schema.tables.map((table) => table.name)).toEqual(['posts', 'post_tags', 'tags']);
    expect(schema.tables[0]?.sources[0]?.registry).toBe('models');
  });

  it('reads one model class', async () => {
    const sequelize = offlineSequelize();
    const Post = sequelize.define('Post', {}, { tableName: 'posts' });
    const { schema } = await sequelizeSource(Post, { name: 'blog' }).load();
    expect(schema.tables.map((table) => `${table.name} by ${table.sources[0]?.registry}`)).toEqual(['posts by blog']);
  });

  it('fails to load a class that joined no instance, saying how to add it', async () => {
    // biome-ignore lint/complexity/noStaticOnlyClass: a model class is a class of static methods, as Sequelize's are
    class Loose {
      static getAttributes() {
        return {};
      }
      static getTableName() {
        return 'loose';
      }
    }
    await expect(sequelizeSource(Loose as never).load()).rejects.toThrow(/Loose in sequelize:models is not an initialized Sequelize model: .*addModels/);
  });

  it('says which classes joined no instance when the sequelize-typescript they extend is not found, where it looked and what to pass', async () => {
    // what `@Table` leaves on a class: its metadata, and no instance yet; these extend no loaded sequelize-typescript
    class Invoice {}
    class Payment {}
    for (const model of [Invoice, Payment]) Reflect.defineMetadata('sequelize:modelName', model.name, model.prototype);
    const resolveFrom = join(mkdtempSync(join(tmpdir(), 'ormdrift-no-sequelize-typescript-')), 'package.json');
    const error: unknown = await sequelizeSource([Invoice, Payment] as never, { resolveFrom })
      .load()
      .catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe(
      'Invoice, Payment are sequelize-typescript classes added to no instance, and the sequelize-typescript they extend was not found to add them to one: ' +
        `it is in no module the process loaded and does not resolve from ${resolveFrom}; pass the app's Sequelize instance, which holds its models`,
    );
  });

  it('adds classes that joined no instance with the sequelize-typescript they extend, when it does not resolve from resolveFrom', async () => {
    const { Ledger } = await import('./fixtures/detached-ledger.ts');
    const resolveFrom = join(mkdtempSync(join(tmpdir(), 'ormdrift-no-sequelize-typescript-')), 'package.json');
    const { schema } = await sequelizeSource([Ledger] as never, { name: 'ledger', resolveFrom }).load();
    expect(schema.tables.map((table) => table.name)).toEqual(['ledgers']);
  });

  it('refuses an instance of another dialect, whose types Sequelize converted for that dialect', async () => {
    const mysqlLike = Object.assign(Object.create(offlineSequelize()) as SequelizeInstanceLike, { getDialect: () => 'mysql' });
    await expect(sequelizeSource(mysqlLike, { name: 'legacy' }).load()).rejects.toThrow('sequelize:legacy uses the mysql dialect: ormdrift checks PostgreSQL');
  });

  it('reports a model it cannot read as a problem and reads the others', async () => {
    const sequelize = offlineSequelize();
    sequelize.define('Good', {}, { tableName: 'good' });
    const Broken = sequelize.define('Broken', {}, { tableName: 'broken' });
    Object.defineProperty(Broken, 'getTableName', {
      value: () => {
        throw new Error('a plugin broke me');
      },
    });
    const { schema, problems } = await sequelizeSource(sequelize).load();
    expect(schema.tables.map((table) => table.name)).toEqual(['good']);
    expect(problems).toEqual([
      { type: 'ignored-declaration', ref: 'Broken', message: 'the model could not be read (a plugin broke me); its table is not checked' },
    ]);
  });

  it('loads again and again without changing the models', async () => {
    const sequelize = offlineSequelize();
    sequelize.define('Thing', { size: DataTypes.ENUM('S', 'M'), tags: { type: DataTypes.ARRAY(DataTypes.STRING), defaultValue: [] } });
    const first = await sequelizeSource(sequelize).load();
    const second = await sequelizeSource(sequelize).load();
    expect(second).toEqual(first);
  });
});

import { describe, expect, it } from 'vitest';
import { diffSchemas, planFix, quoteIdentifier, quoteLiteral, renderFix, type FixPlan, type SchemaModel } from '@ormdrift/core';
import { check, column, dbEnum, dbTable, enumColumn, enumType, foreignKey, index, schema, table, unique } from './support/models.ts';

/** The plan for the differences between a model and a database, as `ormdrift fix` makes it. */
const plan = (expected: SchemaModel, actual: SchemaModel, options: { concurrently?: boolean } = {}) =>
  planFix({ changes: diffSchemas({ schema: expected, conflicts: [] }, actual) }, options);
const downOps = (fix: FixPlan) => fix.down.map(({ operation }) => operation.op);

const id = column('id', 'integer', { default: "nextval('users_id_seq'::regclass)" });

describe('planFix', () => {
  it('validates the declared check and foreign key the database holds NOT VALID, and undoes nothing', () => {
    const users = table('users', [id], { primaryKey: ['id'] });
    const expected = schema([
      users,
      table('posts', [id, column('user_id', 'integer'), column('seats', 'integer')], {
        primaryKey: ['id'],
        foreignKeys: [foreignKey(['user_id'], 'users(id)')],
        checks: [check('seats > 0', 'posts_seats_check')],
      }),
    ]);
    const actual = schema([
      dbTable('users', [id], { primaryKey: ['id'] }),
      dbTable('posts', [id, column('user_id', 'integer'), column('seats', 'integer')], {
        primaryKey: ['id'],
        foreignKeys: [{ ...foreignKey(['user_id'], 'users(id)', { name: 'posts_user_id_fkey' }), notValidated: true }],
        checks: [{ ...check('(seats > 0)', 'posts_seats_check'), notValidated: true }],
      }),
    ]);
    const fix = plan(expected, actual);
    expect(fix.up.map(({ operation }) => operation)).toEqual([
      { op: 'validate-check', table: { schema: 'public', name: 'posts' }, name: 'posts_seats_check' },
      { op: 'validate-foreign-key', table: { schema: 'public', name: 'posts' }, name: 'posts_user_id_fkey' },
    ]);
    expect(fix.down).toEqual([]);
    expect(fix.notes).toEqual([]);
    const { up } = renderFix(fix);
    expect(up).toContain('ALTER TABLE "public"."posts" VALIDATE CONSTRAINT "posts_seats_check";');
    expect(up).toContain('ALTER TABLE "public"."posts" VALIDATE CONSTRAINT "posts_user_id_fkey";');
  });

  it('creates referenced tables first and breaks a cycle by adding its foreign key last', () => {
    const expected = schema([
      table('comments', [id, column('post_id', 'integer')], { primaryKey: ['id'], foreignKeys: [foreignKey(['post_id'], 'posts(id)')] }),
      table('posts', [id, column('author_id', 'integer')], { primaryKey: ['id'], foreignKeys: [foreignKey(['author_id'], 'authors(id)')] }),
      table('authors', [id, column('pinned_post_id', 'integer', { nullable: true })], {
        primaryKey: ['id'],
        foreignKeys: [foreignKey(['pinned_post_id'], 'posts(id)')],
      }),
    ]);
    const fix = plan(expected, schema([]));
    const created = fix.up.filter((step) => step.operation.op === 'create-table').map((step) => (step.operation as { table: { name: string } }).table.name);
    // posts and authors reference each other: posts (first in the models) goes first, its key to authors later;
    // comments waits for posts only, and is ready as soon as posts exists
    expect(created).toEqual(['posts', 'comments', 'authors']);
    const cycleKey = fix.up.find((step) => step.operation.op === 'add-foreign-key');
    expect(cycleKey?.operation).toMatchObject({ table: { name: 'posts' }, foreignKey: { name: 'posts_author_id_fkey' }, notValid: false });
    expect(downOps(fix)).toEqual(['drop-constraint', 'drop-table', 'drop-table', 'drop-table']);
  });

  it('creates a missing schema before what goes in it, drops it last, and only where it creates something', () => {
    const expected = schema([table('invoices', [id], { schema: 'billing', primaryKey: ['id'] }), table('users', [id], { primaryKey: ['id'] })]);
    const changes = diffSchemas({ schema: expected, conflicts: [] }, schema([dbTable('users', [id])]));
    const fix = planFix({ changes, missingSchemas: ['billing', 'audit'] });
    // audit is missing too, but nothing is created in it: no step for it
    expect(fix.up[0]!.operation).toEqual({ op: 'create-schema', schema: 'billing' });
    expect(fix.up.filter((step) => step.operation.op === 'create-schema')).toHaveLength(1);
    expect(fix.down.at(-1)!.operation).toEqual({ op: 'drop-schema', schema: 'billing' });
    const { up, down } = renderFix(fix);
    expect(up).toContain('CREATE SCHEMA "billing"');
    expect(down).toContain('DROP SCHEMA IF EXISTS "billing";');
    expect(down).not.toContain('CASCADE');
    // without the fact, nothing is guessed
    expect(planFix({ changes }).up.map((step) => step.operation.op)).not.toContain('create-schema');
  });

  it('adds the foreign keys of a new table to an existing one after that table has its columns and keys back', () => {
    const expected = schema([
      table('actors', [id], { primaryKey: ['id'] }),
      table('films', [id, column('actor_id', 'integer')], { primaryKey: ['id'], foreignKeys: [foreignKey(['actor_id'], 'actors(id)')] }),
    ]);
    const fix = plan(expected, schema([dbTable('actors', [])]));
    expect(fix.up.map((step) => step.operation.op)).toEqual(['create-table', 'add-column', 'add-primary-key', 'add-foreign-key']);
    expect(fix.up[0]!.operation).toMatchObject({ op: 'create-table', foreignKeys: [] });
  });

  it('adds enum values after their predecessor in the model, and removes them on the way down keeping the old order', () => {
    const fix = plan(schema([], [enumType('mood', ['low', 'mid', 'high'])]), schema([], [dbEnum('mood', ['low', 'high'])]));
    expect(fix.up.map((step) => step.operation)).toEqual([
      { op: 'add-enum-values', enum: { schema: 'public', name: 'mood' }, values: [{ value: 'mid', after: 'low' }], commitFirst: false },
    ]);
    expect(fix.down.map((step) => step.operation)).toEqual([
      { op: 'remove-enum-values', enum: { schema: 'public', name: 'mood' }, values: ['mid'], keep: ['low', 'high'] },
    ]);
  });

  it('commits new enum values first when a default of a new column may use one', () => {
    const expected = schema([table('users', [id, enumColumn('mood', 'mood', { default: "'mid'::mood" })])], [enumType('mood', ['low', 'mid'])]);
    const actual = schema([dbTable('users', [id])], [dbEnum('mood', ['low'])]);
    const fix = plan(expected, actual);
    expect(fix.up[0]!.operation).toMatchObject({ op: 'add-enum-values', commitFirst: true });
    expect(renderFix(fix).batches).toHaveLength(2);
  });

  it('creates the extension a default calls a function of before anything that uses it, and never drops it', () => {
    const uuid = column('id', 'uuid', { default: 'uuid_generate_v4()' });
    const expected = schema([
      table('messages', [uuid], { primaryKey: ['id'] }),
      table('users', [id, column('token', 'uuid', { default: 'public.uuid_generate_v1mc()' }), column('salt', 'text', { default: "gen_salt('bf')" })]),
    ]);
    const fix = plan(expected, schema([dbTable('users', [id])]));
    expect(fix.up.map((step) => step.operation.op)).toEqual(['create-extension', 'create-extension', 'create-table', 'add-column', 'add-column']);
    expect(fix.up.slice(0, 2).map((step) => step.operation)).toEqual([
      { op: 'create-extension', extension: 'uuid-ossp' },
      { op: 'create-extension', extension: 'pgcrypto' },
    ]);
    expect(downOps(fix)).not.toContain('create-extension');
    const sql = renderFix(fix);
    expect(sql.up).toContain('CREATE EXTENSION IF NOT EXISTS "uuid-ossp" SCHEMA public;');
    expect(sql.up.indexOf('"uuid-ossp"')).toBeLessThan(sql.up.indexOf('CREATE TABLE'));
    expect(sql.down).not.toMatch(/EXTENSION/);
  });

  it('creates no extension for a core function, a quoted literal or a function of another name', () => {
    const expected = schema([
      table('things', [
        column('id', 'uuid', { default: 'gen_random_uuid()' }),
        column('note', 'text', { default: "'uuid_generate_v4()'::text" }),
        column('n', 'integer', { default: 'my_uuid_generate_v4()' }),
      ]),
    ]);
    expect(plan(expected, schema([])).up.map((step) => step.operation.op)).toEqual(['create-table']);
  });

  it('sets a differing default and restores the old one on the way down; leaves type and nullability to a person', () => {
    const expected = schema([
      table('users', [id, column('status', 'text', { default: "'active'::text" }), column('age', 'integer'), column('name', 'text', { nullable: true })]),
    ]);
    const actual = schema([dbTable('users', [id, column('status', 'text', { default: "'new'::text" }), column('age', 'bigint'), column('name', 'text')])]);
    const fix = plan(expected, actual);
    expect(fix.up.map((step) => step.operation)).toEqual([
      { op: 'set-default', table: { schema: 'public', name: 'users' }, column: 'status', default: "'active'::text" },
    ]);
    expect(fix.down.map((step) => step.operation)).toEqual([
      { op: 'set-default', table: { schema: 'public', name: 'users' }, column: 'status', default: "'new'::text" },
    ]);
    expect(fix.notes.map((note) => [note.subject, note.topic])).toEqual([
      ['users.age', 'type'],
      ['users.name', 'nullability'],
    ]);
    const up = renderFix(fix).up;
    expect(up).toContain('--   users.name: the column is NOT NULL and the models allow NULL');
    expect(up).toContain('--     ALTER TABLE "public"."users" ALTER COLUMN "name" DROP NOT NULL;');
  });

  it('names each index or unique left to a person by what the database holds', () => {
    const columns = [id, column('a', 'integer'), column('b', 'integer'), column('c', 'integer'), column('doc', 'tsvector')];
    const expected = schema([
      table('items', columns, {
        primaryKey: ['id'],
        uniques: [unique(['c'], { name: 'items_c_uq' })],
        indexes: [
          index(['a'], { name: 'items_a' }),
          index(['b'], { name: 'items_b_live', where: 'b > 0' }),
          index(['doc'], { name: 'items_doc', method: 'gist' }),
          index(['c'], { name: 'items_c_full' }),
          index(['a', 'b'], { name: 'items_a_b' }),
        ],
      }),
    ]);
    const actual = schema([
      dbTable('items', columns, {
        primaryKey: ['id'],
        uniques: [unique(['c', 'a'], { name: 'items_c_uq' })],
        indexes: [
          index(['a'], { name: 'items_a', include: ['b'] }),
          index(['b'], { name: 'items_b_live' }),
          index(['doc'], {
            name: 'items_doc',
            method: 'gist',
            keys: [{ opclass: 'tsvector_ops', opclassParameters: 'siglen=100', defaultOpclass: 'tsvector_ops' }],
          }),
          index(['c'], { name: 'items_c_full', where: 'c > 0' }),
          index(['b', 'a'], { name: 'items_a_b' }),
        ],
      }),
    ]);
    expect(plan(expected, actual).notes.map((note) => [note.subject, note.topic])).toEqual([
      ['items constraint items_c_uq', 'unique-name-taken'],
      ['items (a)', 'larger-index'],
      ['items (b)', 'larger-index'],
      ['items (doc)', 'index-parameters'],
      ['items (c)', 'partial-index'],
      ['items (a, b)', 'index-definition'],
    ]);
  });

  it('never drops what the models do not declare: extra columns and tables are notes', () => {
    const fix = plan(schema([table('users', [id])]), schema([dbTable('users', [id, column('legacy', 'text')]), dbTable('old_logs', [id])]));
    expect(fix.up).toEqual([]);
    expect(fix.notes.map((note) => note.topic)).toEqual(['extra-column', 'extra-table']);
    expect(renderFix(fix).up).not.toMatch(/^\s*(DROP|ALTER TABLE .* DROP)/m);
  });

  it('adds a primary key, uniques, indexes and foreign keys to an existing table, foreign keys NOT VALID and then validated', () => {
    const expected = schema([
      table('users', [id, column('email', 'text'), column('org_id', 'integer'), column('deleted_at', 'timestamp', { nullable: true })], {
        primaryKey: ['id'],
        uniques: [unique(['email']), unique(['org_id', 'email'], { where: 'deleted_at IS NULL', name: 'users_live_email' })],
        indexes: [index(['org_id'])],
        foreignKeys: [foreignKey(['org_id'], 'orgs(id)', { onDelete: 'CASCADE' })],
      }),
      table('orgs', [id], { primaryKey: ['id'] }),
    ]);
    const actual = schema([
      dbTable('users', [id, column('email', 'text'), column('org_id', 'integer'), column('deleted_at', 'timestamp', { nullable: true })]),
      dbTable('orgs', [id], { primaryKey: ['id'] }),
    ]);
    const fix = plan(expected, actual, { concurrently: true });
    expect(fix.up.map((step) => step.operation.op)).toEqual([
      'add-primary-key',
      'add-unique',
      'create-index',
      'create-index',
      'add-foreign-key',
      'validate-foreign-key',
    ]);
    expect(fix.up.filter((step) => step.operation.op === 'create-index').map((step) => step.operation)).toMatchObject([
      { index: { name: 'users_live_email', unique: true, where: 'deleted_at IS NULL' }, concurrently: true },
      { index: { name: 'users_org_id_idx', unique: false }, concurrently: true },
    ]);
    const scripts = renderFix(fix);
    expect(scripts.concurrent?.statements).toEqual([
      'CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "users_live_email" ON "public"."users" ("org_id", "email") WHERE deleted_at IS NULL;',
      'CREATE INDEX CONCURRENTLY IF NOT EXISTS "users_org_id_idx" ON "public"."users" ("org_id");',
    ]);
    expect(scripts.up).toContain(
      'ADD CONSTRAINT "users_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "public"."orgs" ("id") ON DELETE CASCADE ON UPDATE NO ACTION NOT VALID;',
    );
    expect(scripts.up).toContain('VALIDATE CONSTRAINT "users_org_id_fkey"');
    expect(downOps(fix)).toEqual(['drop-constraint', 'drop-index', 'drop-index', 'drop-constraint', 'drop-constraint']);
  });

  it("creates a missing index with each key's collation, operator class and order as the models declare them", () => {
    const expected = schema([
      table('users', [id, column('email', 'text')], {
        primaryKey: ['id'],
        indexes: [index(['email'], { name: 'users_email_c', keys: [{ collation: 'C', descending: true }] })],
      }),
    ]);
    const actual = schema([dbTable('users', [id, column('email', 'text')], { primaryKey: ['id'] })]);
    expect(renderFix(plan(expected, actual, { concurrently: true })).concurrent?.statements).toEqual([
      'CREATE INDEX CONCURRENTLY IF NOT EXISTS "users_email_c" ON "public"."users" ("email" COLLATE "C" DESC);',
    ]);
  });

  it('creates no index over an INVALID one of the declared name: a note says to drop it and build it again', () => {
    const expected = schema([
      table('users', [id, column('email', 'text'), column('handle', 'text')], {
        primaryKey: ['id'],
        uniques: [unique(['handle'], { name: 'users_handle_uq' })],
        indexes: [index(['email'], { name: 'users_email_idx' })],
      }),
    ]);
    const actual = schema([
      dbTable('users', [id, column('email', 'text'), column('handle', 'text')], {
        primaryKey: ['id'],
        uniques: [unique(['handle'], { name: 'users_handle_uq', invalid: true })],
        indexes: [index(['email'], { name: 'users_email_idx', invalid: true }), index(['handle'], { name: 'users_handle_uq', invalid: true })],
      }),
    ]);
    const fix = plan(expected, actual, { concurrently: true });
    expect(fix.up).toEqual([]);
    expect(fix.notes.map((note) => [note.subject, note.topic])).toEqual([
      ['users index users_handle_uq', 'invalid-index'],
      ['users index users_email_idx', 'invalid-index'],
    ]);
    const script = renderFix(fix).up;
    expect(script).toContain('--     DROP INDEX CONCURRENTLY "public"."users_handle_uq";');
    expect(script).toContain('--     CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "users_handle_uq" ON "public"."users" ("handle");');
    expect(script).toContain('--     CREATE INDEX CONCURRENTLY IF NOT EXISTS "users_email_idx" ON "public"."users" ("email");');
  });

  it('drops NOT NULL on the way down when the primary key it added set it on a nullable column', () => {
    const expected = schema([table('tags', [column('key', 'text')], { primaryKey: ['key'] })]);
    const actual = schema([dbTable('tags', [column('key', 'text', { nullable: true })])]);
    expect(plan(expected, actual).down.map((step) => step.operation.op)).toEqual(['drop-constraint', 'drop-not-null']);
  });

  it('names what it creates as PostgreSQL would, within 63 bytes and without clashing', () => {
    const long = 'a'.repeat(40);
    const expected = schema([
      table(long, [column(`${'b'.repeat(30)}_one`, 'integer'), column(`${'b'.repeat(30)}_two`, 'integer')], {
        indexes: [index([`${'b'.repeat(30)}_one`]), index([`${'b'.repeat(30)}_two`])],
      }),
    ]);
    const names = plan(expected, schema([dbTable(long, expected.tables[0]!.columns)])).up.map(
      (step) => (step.operation as { index: { name: string } }).index.name,
    );
    expect(names.map((name) => Buffer.byteLength(name))).toEqual([63, 64 - 1]);
    expect(new Set(names).size).toBe(2);
  });
});

describe('quoting', () => {
  it('quotes every identifier, doubling quotes', () => {
    expect(quoteIdentifier('users')).toBe('"users"');
    expect(quoteIdentifier('Audit "Log"')).toBe('"Audit ""Log"""');
    expect(() => quoteIdentifier('')).toThrow(TypeError);
  });

  it('writes string literals that mean the same whatever standard_conforming_strings says', () => {
    expect(quoteLiteral("it's")).toBe("'it''s'");
    expect(quoteLiteral('a\\b')).toBe("E'a\\\\b'");
  });
});

/**
 * ESLint-RuleTester-style tables, one per finding code: `valid` model/database pairs must yield no
 * finding of that code, `invalid` ones exactly the listed findings of that code (other codes are
 * other tables' business). Everything goes through the public `evaluate()` as `check()` does.
 */
import { describe, expect, it } from 'vitest';
import {
  evaluate,
  mergeRegistries,
  rules,
  type Finding,
  type Provenance,
  type RuleCode,
  type RuleSettings,
  type SchemaModel,
} from '@ormdrift/core';
import { column, dbEnum, dbTable, enumColumn, enumType, foreignKey, index, schema, source, table, unique, type TableOptions } from './support/models.ts';

type DbTableOptions = Omit<TableOptions, 'sources'>;

interface Case {
  readonly name: string;
  /** One registry, or several to merge. */
  readonly expected: SchemaModel | readonly SchemaModel[];
  readonly actual: SchemaModel;
  readonly rules?: RuleSettings;
}

interface ExpectedFinding {
  readonly severity: 'error' | 'warning';
  readonly table: string;
  /** `public` unless given. */
  readonly schema?: string;
  /** Absent for table-level findings, and then the finding must have none. */
  readonly column?: string;
  /** Compared only when given. */
  readonly message?: string;
  readonly expected?: unknown;
  readonly actual?: unknown;
  readonly sources?: readonly Provenance[];
}

interface InvalidCase extends Case {
  readonly findings: readonly ExpectedFinding[];
}

function run(test: Case) {
  const registries = Array.isArray(test.expected) ? test.expected : [test.expected as SchemaModel];
  return evaluate({ expected: mergeRegistries(registries), actual: test.actual, ...(test.rules ? { rules: test.rules } : {}) });
}

/** The finding reduced to the keys the expectation names, so that only those are compared. */
function project(finding: Finding, like: ExpectedFinding | undefined): Record<string, unknown> {
  const projected: Record<string, unknown> = { code: finding.code, severity: finding.severity, schema: finding.schema, table: finding.table };
  if ('column' in finding) projected['column'] = finding.column;
  for (const key of ['message', 'expected', 'actual', 'sources'] as const) if (like && key in like) projected[key] = finding[key];
  return projected;
}

const tested = new Set<RuleCode>();

function ruleTester(code: RuleCode, tables: { valid: readonly Case[]; invalid: readonly InvalidCase[] }): void {
  tested.add(code);
  describe(code, () => {
    for (const test of tables.valid) {
      it(`valid: ${test.name}`, () => {
        expect(run(test).findings.filter((finding) => finding.code === code)).toEqual([]);
      });
    }
    for (const test of tables.invalid) {
      it(`invalid: ${test.name}`, () => {
        const found = run(test).findings.filter((finding) => finding.code === code);
        expect(found.map((finding, i) => project(finding, test.findings[i]))).toStrictEqual(
          test.findings.map((finding) => ({ code, schema: 'public', ...finding })),
        );
      });
    }
  });
}

const User = source('User');
const Post = source('Post');
const UserSession = source('UserSession', 'sequelize');

const id = column('id', 'integer', { default: `nextval('users_id_seq'::regclass)` });
const email = column('email', 'varchar(255)');
const users = (...columns: Parameters<typeof column>[]) => schema([table('users', [id, ...columns.map((args) => column(...args))], { primaryKey: ['id'] })]);
const usersInDb = (...columns: Parameters<typeof column>[]) => schema([dbTable('users', [id, ...columns.map((args) => column(...args))], { primaryKey: ['id'] })]);

ruleTester('missing-table', {
  valid: [
    { name: 'the table exists', expected: users(['email', 'varchar(255)']), actual: usersInDb(['email', 'varchar(255)']) },
    {
      name: 'the table is partitioned in the database',
      expected: schema([table('events', [id])]),
      actual: schema([dbTable('events', [id], { kind: 'partitioned-table' })]),
    },
  ],
  invalid: [
    {
      name: 'the database has no such table',
      expected: schema([table('users', [id, email])]),
      actual: schema([]),
      findings: [
        {
          severity: 'error',
          table: 'users',
          message: 'users is declared by User (typeorm) but the database has no such table',
          expected: { columns: ['id', 'email'] },
          actual: null,
          sources: [User],
        },
      ],
    },
    {
      name: 'the database has a view of that name',
      expected: schema([table('users', [id, email])]),
      actual: schema([dbTable('users', [id, email], { kind: 'view' })]),
      findings: [{ severity: 'error', table: 'users' }],
    },
    {
      name: 'the database has a materialized view of that name',
      expected: schema([table('users', [id, email])]),
      actual: schema([dbTable('users', [id, email], { kind: 'materialized-view' })]),
      findings: [{ severity: 'error', table: 'users' }],
    },
    {
      name: 'the table exists only in another schema',
      expected: schema([table('events', [id], { schema: 'audit', sources: [source('Event')] })]),
      actual: schema([dbTable('events', [id])]),
      findings: [{ severity: 'error', schema: 'audit', table: 'events', message: 'audit.events is declared by Event (typeorm) but the database has no such table' }],
    },
  ],
});

ruleTester('missing-column', {
  valid: [
    { name: 'every column exists', expected: users(['email', 'varchar(255)']), actual: usersInDb(['email', 'varchar(255)']) },
    { name: 'a column spelled differently in the model', expected: users(['age', 'int4']), actual: usersInDb(['age', 'integer']) },
  ],
  invalid: [
    {
      // PRODUCT.md's example (seed 000): migrations 004/005 never ran.
      name: 'a column the migrations never added',
      expected: schema([
        table('user_sessions', [id, column('session_id', 'varchar(255)'), column('message_count', 'integer', { nullable: true, default: '0' })], {
          sources: [UserSession],
        }),
      ]),
      actual: schema([dbTable('user_sessions', [id, column('session_id', 'character varying(255)')])]),
      findings: [
        {
          severity: 'error',
          table: 'user_sessions',
          column: 'message_count',
          message: 'user_sessions.message_count is declared by UserSession (sequelize) but the table has no such column',
          expected: { type: 'integer', nullable: true, default: '0' },
          actual: null,
          sources: [UserSession],
        },
      ],
    },
    {
      name: 'column names are case-sensitive',
      expected: users(['userName', 'text']),
      actual: usersInDb(['username', 'text']),
      findings: [{ severity: 'error', table: 'users', column: 'userName' }],
    },
    {
      name: 'two missing columns are two findings, in column order',
      expected: users(['message_count', 'integer'], ['user_query_count', 'integer']),
      actual: usersInDb(),
      findings: [
        { severity: 'error', table: 'users', column: 'message_count' },
        { severity: 'error', table: 'users', column: 'user_query_count' },
      ],
    },
  ],
});

ruleTester('column-type-mismatch', {
  valid: [
    { name: 'int4 in the model, integer in the database', expected: users(['age', 'int4']), actual: usersInDb(['age', 'integer']) },
    { name: 'varchar(255) / character varying(255)', expected: users(['email', 'varchar(255)']), actual: usersInDb(['email', 'character varying(255)']) },
    { name: 'timestamptz / timestamp with time zone', expected: users(['seen_at', 'timestamptz']), actual: usersInDb(['seen_at', 'timestamp with time zone']) },
    { name: 'timestamp(6) / timestamp', expected: users(['seen_at', 'timestamp(6)']), actual: usersInDb(['seen_at', 'timestamp without time zone']) },
    { name: 'numeric(12) / numeric(12,0)', expected: users(['balance', 'numeric(12)']), actual: usersInDb(['balance', 'numeric(12,0)']) },
    { name: 'text[] / _text', expected: users(['tags', 'text[]']), actual: usersInDb(['tags', '_text']) },
    {
      name: 'the same enum type',
      expected: schema([table('users', [enumColumn('role', 'user_role_enum')])], [enumType('user_role_enum', ['admin'])]),
      actual: schema([dbTable('users', [enumColumn('role', 'user_role_enum')])], [dbEnum('user_role_enum', ['admin'])]),
    },
  ],
  invalid: [
    {
      name: 'a wider varchar in the database is a warning',
      expected: users(['name', 'varchar(50)']),
      actual: usersInDb(['name', 'varchar(255)']),
      findings: [
        {
          severity: 'warning',
          table: 'users',
          column: 'name',
          message:
            "users.name is character varying(255) in the database, wider than character varying(50) in User (typeorm): values the database accepts may fail the model's validation",
          expected: { type: 'character varying(50)' },
          actual: { type: 'character varying(255)' },
          sources: [User],
        },
      ],
    },
    {
      name: 'text in the database for a varchar(n) model is a warning',
      expected: users(['name', 'varchar(255)']),
      actual: usersInDb(['name', 'text']),
      findings: [{ severity: 'warning', table: 'users', column: 'name', expected: { type: 'character varying(255)' }, actual: { type: 'text' } }],
    },
    {
      name: 'a narrower varchar in the database is an error',
      expected: users(['name', 'varchar(255)']),
      actual: usersInDb(['name', 'varchar(50)']),
      findings: [
        {
          severity: 'error',
          table: 'users',
          column: 'name',
          message: 'users.name is character varying(255) in User (typeorm) but character varying(50) in the database',
          expected: { type: 'character varying(255)' },
          actual: { type: 'character varying(50)' },
        },
      ],
    },
    {
      name: 'varchar(n) in the database for a text model is an error',
      expected: users(['bio', 'text']),
      actual: usersInDb(['bio', 'varchar(255)']),
      findings: [{ severity: 'error', table: 'users', column: 'bio' }],
    },
    {
      name: 'integer in the model, bigint in the database',
      expected: users(['views', 'integer']),
      actual: usersInDb(['views', 'bigint']),
      findings: [{ severity: 'error', table: 'users', column: 'views', expected: { type: 'integer' }, actual: { type: 'bigint' } }],
    },
    {
      name: 'uuid in the model, integer in the database',
      expected: users(['external_id', 'uuid']),
      actual: usersInDb(['external_id', 'int4']),
      findings: [{ severity: 'error', table: 'users', column: 'external_id', expected: { type: 'uuid' }, actual: { type: 'integer' } }],
    },
    {
      name: 'an array in the model, a scalar in the database',
      expected: users(['tags', 'text[]']),
      actual: usersInDb(['tags', 'text']),
      findings: [{ severity: 'error', table: 'users', column: 'tags', expected: { type: 'text[]' }, actual: { type: 'text' } }],
    },
    {
      name: 'timestamp in the model, timestamptz in the database',
      expected: users(['created_at', 'timestamp']),
      actual: usersInDb(['created_at', 'timestamptz']),
      findings: [
        {
          severity: 'error',
          table: 'users',
          column: 'created_at',
          expected: { type: 'timestamp without time zone' },
          actual: { type: 'timestamp with time zone' },
        },
      ],
    },
  ],
});

/** users(id) as the models declare it and posts(user_id → users.id); `userIdType` is the FK column's type. */
const usersTable = (idType: string) => table('users', [column('id', idType)], { primaryKey: ['id'] });
const usersDbTable = (idType: string) => dbTable('users', [column('id', idType)], { primaryKey: ['id'] });
const postsTable = (userIdType: string, withForeignKey = true) =>
  table('posts', [column('id', 'integer'), column('user_id', userIdType)], {
    primaryKey: ['id'],
    foreignKeys: withForeignKey ? [foreignKey(['user_id'], 'users(id)')] : [],
    sources: [Post],
  });
const postsDbTable = (userIdType: string, withForeignKey = true) =>
  dbTable('posts', [column('id', 'integer'), column('user_id', userIdType)], {
    primaryKey: ['id'],
    foreignKeys: withForeignKey ? [foreignKey(['user_id'], 'users(id)')] : [],
  });

/** The three places a foreign key's two types can be read from; each also drifts from the database. */
const fkTypeVariants = {
  // Seed 003: the model says uuid user_id, the model's user.id is integer (the database, built by a migration, is right).
  models: { expected: schema([usersTable('integer'), postsTable('uuid')]), actual: schema([usersDbTable('integer'), postsDbTable('integer')]) },
  // The referenced table belongs to no registry: its type comes from the database.
  across: { expected: schema([postsTable('uuid')]), actual: schema([usersDbTable('integer'), postsDbTable('integer')]) },
  // The models agree with each other; the database's column drifted.
  database: { expected: schema([usersTable('integer'), postsTable('integer')]), actual: schema([usersDbTable('integer'), postsDbTable('bigint')]) },
};

ruleTester('fk-type-mismatch', {
  valid: [
    { name: 'integer references integer', expected: schema([usersTable('integer'), postsTable('integer')]), actual: schema([usersDbTable('integer'), postsDbTable('integer')]) },
    { name: 'int4 references serial', expected: schema([usersTable('serial'), postsTable('int4')]), actual: schema([usersDbTable('integer'), postsDbTable('integer')]) },
    { name: 'uuid references uuid', expected: schema([usersTable('uuid'), postsTable('uuid')]), actual: schema([usersDbTable('uuid'), postsDbTable('uuid')]) },
    { name: 'the referenced table is nowhere to be read', expected: schema([postsTable('uuid')]), actual: schema([]) },
  ],
  invalid: [
    {
      name: 'the models disagree with each other',
      ...fkTypeVariants.models,
      findings: [
        {
          severity: 'error',
          table: 'posts',
          column: 'user_id',
          message: 'posts.user_id is declared uuid by Post (typeorm) but references users.id, which the models declare integer',
          expected: { type: 'integer', references: 'users.id' },
          actual: { type: 'uuid' },
          sources: [Post],
        },
      ],
    },
    {
      name: 'the model disagrees with the referenced table in the database',
      ...fkTypeVariants.across,
      findings: [
        {
          severity: 'error',
          table: 'posts',
          column: 'user_id',
          message: 'posts.user_id is declared uuid by Post (typeorm) but references users.id, which is integer in the database',
          expected: { type: 'integer', references: 'users.id' },
          actual: { type: 'uuid' },
        },
      ],
    },
    {
      // Seed 003: "TABLE DOESN'T EXIST — will fail when table created".
      name: 'the referencing table does not exist yet',
      expected: schema([postsTable('uuid')]),
      actual: schema([usersDbTable('integer')]),
      findings: [{ severity: 'error', table: 'posts', column: 'user_id', expected: { type: 'integer', references: 'users.id' }, actual: { type: 'uuid' } }],
    },
    {
      name: 'the database disagrees with itself',
      ...fkTypeVariants.database,
      findings: [
        {
          severity: 'error',
          table: 'posts',
          column: 'user_id',
          message: 'posts.user_id is bigint in the database but references users.id, which is integer',
          expected: { type: 'integer', references: 'users.id' },
          actual: { type: 'bigint' },
        },
      ],
    },
    {
      name: 'a foreign key only the database has',
      expected: schema([usersTable('integer'), postsTable('bigint', false)]),
      actual: schema([usersDbTable('integer'), postsDbTable('bigint')]),
      findings: [{ severity: 'error', table: 'posts', column: 'user_id', message: 'posts.user_id is bigint in the database but references users.id, which is integer' }],
    },
    {
      name: 'a target in another schema is named with its schema',
      expected: schema([
        table('users', [column('id', 'integer')], { schema: 'auth', primaryKey: ['id'] }),
        table('posts', [column('user_id', 'uuid')], { foreignKeys: [foreignKey(['user_id'], 'auth.users(id)')], sources: [Post] }),
      ]),
      actual: schema([
        dbTable('users', [column('id', 'integer')], { schema: 'auth', primaryKey: ['id'] }),
        dbTable('posts', [column('user_id', 'integer')], { foreignKeys: [foreignKey(['user_id'], 'auth.users(id)')] }),
      ]),
      findings: [
        {
          severity: 'error',
          table: 'posts',
          column: 'user_id',
          message: 'posts.user_id is declared uuid by Post (typeorm) but references auth.users.id, which the models declare integer',
          expected: { type: 'integer', references: 'auth.users.id' },
        },
      ],
    },
  ],
});

describe('fk-type-mismatch explains the column once', () => {
  it.each(Object.entries(fkTypeVariants))('%s: no column-type-mismatch for posts.user_id as well', (_, test) => {
    const onColumn = run({ name: '', ...test }).findings.filter((finding) => finding.table === 'posts' && finding.column === 'user_id');
    expect(onColumn.map((finding) => finding.code)).toEqual(['fk-type-mismatch']);
  });

  it('still reports column-type-mismatch for a column with no foreign key', () => {
    const expected = schema([usersTable('integer'), postsTable('uuid', false)]);
    const actual = schema([usersDbTable('integer'), postsDbTable('integer', false)]);
    expect(run({ name: '', expected, actual }).findings.map((finding) => finding.code)).toEqual(['column-type-mismatch']);
  });
});

ruleTester('nullability-mismatch', {
  valid: [
    { name: 'NOT NULL on both sides', expected: users(['email', 'text']), actual: usersInDb(['email', 'text']) },
    { name: 'nullable on both sides', expected: users(['bio', 'text', { nullable: true }]), actual: usersInDb(['bio', 'text', { nullable: true }]) },
  ],
  invalid: [
    {
      name: 'nullable in the model, NOT NULL in the database: inserts of null fail',
      expected: users(['bio', 'text', { nullable: true }]),
      actual: usersInDb(['bio', 'text']),
      findings: [
        {
          severity: 'error',
          table: 'users',
          column: 'bio',
          message: 'users.bio is nullable in User (typeorm) but NOT NULL in the database: saving a null fails',
          expected: { nullable: true },
          actual: { nullable: false },
          sources: [User],
        },
      ],
    },
    {
      name: 'NOT NULL in the model, nullable in the database',
      expected: users(['bio', 'text']),
      actual: usersInDb(['bio', 'text', { nullable: true }]),
      findings: [
        {
          severity: 'warning',
          table: 'users',
          column: 'bio',
          message: 'users.bio is NOT NULL in User (typeorm) but nullable in the database',
          expected: { nullable: false },
          actual: { nullable: true },
        },
      ],
    },
  ],
});

ruleTester('default-mismatch', {
  valid: [
    { name: 'no default on either side', expected: users(['bio', 'text']), actual: usersInDb(['bio', 'text']) },
    {
      name: 'a varchar literal and its cast',
      expected: users(['status', 'varchar(20)', { default: `'active'` }]),
      actual: usersInDb(['status', 'varchar(20)', { default: `'active'::character varying` }]),
    },
    {
      name: 'CURRENT_TIMESTAMP and now()',
      expected: users(['created_at', 'timestamp', { default: 'CURRENT_TIMESTAMP' }]),
      actual: usersInDb(['created_at', 'timestamp', { default: 'now()' }]),
    },
    {
      name: 'a serial in the model, an identity column in the database',
      expected: schema([table('users', [column('id', 'serial', { default: `nextval('users_id_seq'::regclass)` })])]),
      actual: schema([dbTable('users', [column('id', 'integer', { identity: 'by-default' })])]),
    },
    {
      name: 'an identity column in the model, a serial in the database',
      expected: schema([table('users', [column('id', 'integer', { identity: 'always' })])]),
      actual: schema([dbTable('users', [column('id', 'integer', { default: `nextval('"Users_id_seq"'::regclass)` })])]),
    },
    {
      name: 'a generated column on both sides (its expression is not a default)',
      expected: users(['full_name', 'text', { generated: `first || ' ' || last` }]),
      actual: usersInDb(['full_name', 'text', { generated: `(first || ' '::text) || last` }]),
    },
  ],
  invalid: [
    {
      name: 'the database default differs',
      expected: users(['status', 'varchar(20)', { default: `'active'` }]),
      actual: usersInDb(['status', 'varchar(20)', { default: `'inactive'::character varying` }]),
      findings: [
        {
          severity: 'warning',
          table: 'users',
          column: 'status',
          message: "users.status has default 'inactive'::character varying in the database but 'active' in User (typeorm)",
          expected: { default: `'active'` },
          actual: { default: `'inactive'::character varying` },
          sources: [User],
        },
      ],
    },
    {
      name: 'the database has a default the model does not know',
      expected: users(['login_count', 'integer']),
      actual: usersInDb(['login_count', 'integer', { default: '0' }]),
      findings: [
        {
          severity: 'warning',
          table: 'users',
          column: 'login_count',
          message: 'users.login_count has default 0 in the database but none in User (typeorm)',
          expected: { default: null },
          actual: { default: '0' },
        },
      ],
    },
    {
      name: 'the model relies on a default that a NOT NULL column lacks',
      expected: users(['login_count', 'integer', { default: '0' }]),
      actual: usersInDb(['login_count', 'integer']),
      findings: [
        {
          severity: 'error',
          table: 'users',
          column: 'login_count',
          message: 'users.login_count relies on the database default 0 (User (typeorm)) but the NOT NULL column has no default: inserts that omit it fail',
          expected: { default: '0' },
          actual: { default: null },
        },
      ],
    },
    {
      name: 'the model relies on a default that a nullable column lacks (inserts store null)',
      expected: users(['login_count', 'integer', { nullable: true, default: '0' }]),
      actual: usersInDb(['login_count', 'integer', { nullable: true }]),
      findings: [{ severity: 'warning', table: 'users', column: 'login_count', expected: { default: '0' }, actual: { default: null } }],
    },
    {
      name: 'a serial in the model, no sequence in the database',
      expected: schema([table('users', [column('id', 'serial', { default: `nextval('users_id_seq'::regclass)` })])]),
      actual: schema([dbTable('users', [column('id', 'integer')])]),
      findings: [{ severity: 'error', table: 'users', column: 'id', expected: { default: `nextval('users_id_seq'::regclass)` }, actual: { default: null } }],
    },
    {
      name: "now() in the model, a frozen 'now' in the database",
      expected: users(['created_at', 'timestamp', { default: 'now()' }]),
      actual: usersInDb(['created_at', 'timestamp', { default: `'2024-01-01 00:00:00'::timestamp without time zone` }]),
      findings: [{ severity: 'warning', table: 'users', column: 'created_at' }],
    },
    {
      name: 'a plain column in the model, a generated column in the database',
      expected: users(['full_name', 'text']),
      actual: usersInDb(['full_name', 'text', { generated: `(first || ' '::text) || last` }]),
      findings: [{ severity: 'warning', table: 'users', column: 'full_name' }],
    },
  ],
});

describe('default-mismatch against a generated column', () => {
  it('says what differs: its expected and actual are not the same', () => {
    const result = run({ name: '', expected: users(['full_name', 'text']), actual: usersInDb(['full_name', 'text', { generated: `(first || ' '::text) || last` }]) });
    const [finding] = result.findings.filter((candidate) => candidate.code === 'default-mismatch');
    expect(finding).toBeDefined();
    expect(finding!.actual).not.toEqual(finding!.expected);
    expect(finding!.message).not.toMatch(/default none in the database but none/);
  });
});

const roleColumn = enumColumn('role', 'user_role_enum');
const withRole = (values: readonly string[]) => schema([table('users', [id, roleColumn])], [enumType('user_role_enum', values)]);
const withRoleInDb = (values: readonly string[]) => schema([dbTable('users', [id, roleColumn])], [dbEnum('user_role_enum', values)]);

ruleTester('missing-enum', {
  valid: [
    { name: 'the enum type exists', expected: withRole(['admin', 'member']), actual: withRoleInDb(['admin', 'member']) },
    { name: 'the enum type exists with more values', expected: withRole(['admin', 'member']), actual: withRoleInDb(['member', 'admin', 'owner']) },
  ],
  invalid: [
    {
      name: 'the database has no such enum type',
      expected: withRole(['admin', 'member']),
      actual: schema([dbTable('users', [id, column('role', 'text')])]),
      findings: [
        {
          severity: 'error',
          table: 'users',
          column: 'role',
          message: 'enum type user_role_enum (admin, member) is declared by the models but does not exist in the database',
          expected: { enum: 'user_role_enum', values: ['admin', 'member'] },
          actual: null,
          sources: [User],
        },
      ],
    },
    {
      name: 'an enum type of that name exists only in another schema',
      expected: schema([table('events', [enumColumn('status', 'audit.status')], { schema: 'audit' })], [enumType('audit.status', ['open'])]),
      actual: schema([dbTable('events', [enumColumn('status', 'audit.status')], { schema: 'audit' })], [dbEnum('status', ['open'])]),
      findings: [{ severity: 'error', schema: 'audit', table: 'events', column: 'status', expected: { enum: 'audit.status', values: ['open'] } }],
    },
  ],
});

ruleTester('enum-values-mismatch', {
  valid: [
    { name: 'the same values', expected: withRole(['admin', 'member']), actual: withRoleInDb(['admin', 'member']) },
    { name: 'the same values in another order', expected: withRole(['admin', 'member']), actual: withRoleInDb(['member', 'admin']) },
    { name: 'more values in the database', expected: withRole(['admin', 'member']), actual: withRoleInDb(['admin', 'member', 'owner']) },
  ],
  invalid: [
    {
      name: 'the database lacks a value',
      expected: withRole(['admin', 'member']),
      actual: withRoleInDb(['member']),
      findings: [
        {
          severity: 'error',
          table: 'users',
          column: 'role',
          message: "enum type user_role_enum lacks 'admin': saving it fails",
          expected: { enum: 'user_role_enum', values: ['admin', 'member'] },
          actual: { enum: 'user_role_enum', values: ['member'] },
          sources: [User],
        },
      ],
    },
    {
      name: 'the database lacks several values',
      expected: withRole(['admin', 'member', 'owner']),
      actual: withRoleInDb(['member']),
      findings: [{ severity: 'error', table: 'users', column: 'role', message: "enum type user_role_enum lacks 'admin', 'owner': saving them fails" }],
    },
    {
      name: 'labels are case-sensitive',
      expected: withRole(['Admin']),
      actual: withRoleInDb(['admin']),
      findings: [{ severity: 'error', table: 'users', column: 'role' }],
    },
    {
      // A numeric TypeScript enum stores its labels '1', '2'.
      name: 'numeric enum labels',
      expected: withRole(['1', '2']),
      actual: withRoleInDb(['1']),
      findings: [{ severity: 'error', table: 'users', column: 'role', message: "enum type user_role_enum lacks '2': saving it fails" }],
    },
  ],
});

const emailModel = (options: TableOptions = {}) => schema([table('users', [id, email, column('org_id', 'integer')], { primaryKey: ['id'], ...options })]);
const emailDb = (options: DbTableOptions = {}) => schema([dbTable('users', [id, email, column('org_id', 'integer')], { primaryKey: ['id'], ...options })]);

ruleTester('missing-unique', {
  valid: [
    { name: 'a unique constraint', expected: emailModel({ uniques: [unique(['email'])] }), actual: emailDb({ uniques: [unique(['email'], { name: 'UQ_97672ac88f789774dd47f7c8be3' })] }) },
    { name: 'a unique index', expected: emailModel({ uniques: [unique(['email'])] }), actual: emailDb({ uniques: [unique(['email'], { name: 'users_email_idx' })] }) },
    { name: 'a differently named constraint', expected: emailModel({ uniques: [unique(['email'], { name: 'users_email_key' })] }), actual: emailDb({ uniques: [unique(['email'], { name: 'Tags_label_key' })] }) },
    { name: 'the primary key', expected: schema([table('users', [id], { uniques: [unique(['id'])] })]), actual: schema([dbTable('users', [id], { primaryKey: ['id'] })]) },
    {
      name: 'a composite unique in another column order',
      expected: emailModel({ uniques: [unique(['org_id', 'email'])] }),
      actual: emailDb({ uniques: [unique(['email', 'org_id'])] }),
    },
    { name: 'the declared primary key', expected: emailModel(), actual: emailDb() },
    {
      name: 'NULLS NOT DISTINCT on both sides',
      expected: emailModel({ uniques: [unique(['email'], { nullsNotDistinct: true })] }),
      actual: emailDb({ uniques: [unique(['email'], { nullsNotDistinct: true })] }),
    },
  ],
  invalid: [
    {
      name: 'no unique constraint or index',
      expected: emailModel({ uniques: [unique(['email'])] }),
      actual: emailDb(),
      findings: [
        {
          severity: 'error',
          table: 'users',
          column: 'email',
          message: 'users has no unique constraint or unique index on (email) that User (typeorm) declares: duplicates can be stored',
          expected: { columns: ['email'] },
          actual: null,
          sources: [User],
        },
      ],
    },
    {
      name: 'a named constraint is reported with its name',
      expected: emailModel({ uniques: [unique(['email'], { name: 'UQ_users_email' })] }),
      actual: emailDb(),
      findings: [{ severity: 'error', table: 'users', column: 'email', expected: { columns: ['email'], name: 'UQ_users_email' } }],
    },
    {
      name: 'a composite unique has no single column',
      expected: emailModel({ uniques: [unique(['org_id', 'email'])] }),
      actual: emailDb({ uniques: [unique(['email'])] }),
      findings: [{ severity: 'error', table: 'users', expected: { columns: ['org_id', 'email'] } }],
    },
    {
      name: 'no primary key',
      expected: emailModel(),
      actual: schema([dbTable('users', [id, email, column('org_id', 'integer')])]),
      findings: [
        {
          severity: 'error',
          table: 'users',
          column: 'id',
          message: 'users has no primary key, unique constraint or unique index on (id), the primary key of User (typeorm): duplicates can be stored',
          expected: { columns: ['id'], primaryKey: true },
          actual: null,
        },
      ],
    },
    {
      name: 'only a partial unique index',
      expected: emailModel({ uniques: [unique(['email'])] }),
      actual: emailDb({ uniques: [unique(['email'], { where: '(deleted_at IS NULL)' })] }),
      findings: [{ severity: 'error', table: 'users', column: 'email' }],
    },
    {
      name: 'NULLS NOT DISTINCT declared, a plain unique in the database',
      expected: emailModel({ uniques: [unique(['email'], { nullsNotDistinct: true })] }),
      actual: emailDb({ uniques: [unique(['email'])] }),
      findings: [{ severity: 'error', table: 'users', column: 'email', expected: { columns: ['email'], nullsNotDistinct: true } }],
    },
    {
      // TRAPS.md: UNIQUE NULLS NOT DISTINCT (PG 15+) is not the same as UNIQUE

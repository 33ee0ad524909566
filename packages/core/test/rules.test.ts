/**
 * ESLint-RuleTester-style tables, one per finding code: `valid` model/database pairs must yield no
 * finding of that code, `invalid` ones exactly the listed findings of that code (other codes are
 * other tables' business). Everything goes through the public `evaluate()` as `check()` does.
 */
import { describe, expect, it } from 'vitest';
import {
  evaluate,
  mergeRegistries,
  migrationLedgers,
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
  /** The `schemas` option of `evaluate()`: only these schemas are checked. */
  readonly schemas?: readonly string[];
  /** A known bug in src: the case runs as `it.fails`, with a `// BUG:` comment above it saying what is wrong. */
  readonly fails?: true;
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
  return evaluate({
    expected: mergeRegistries(registries),
    actual: test.actual,
    ...(test.rules ? { rules: test.rules } : {}),
    ...(test.schemas ? { schemas: test.schemas } : {}),
  });
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
      (test.fails ? it.fails : it)(`valid: ${test.name}`, () => {
        expect(run(test).findings.filter((finding) => finding.code === code)).toEqual([]);
      });
    }
    for (const test of tables.invalid) {
      (test.fails ? it.fails : it)(`invalid: ${test.name}`, () => {
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
      // Migrations 004/005 never ran against this database.
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
  // The model says uuid user_id, the model's user.id is integer (the database, built by a migration, is right).
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
      // The table does not exist yet: creating it would fail.
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
      name: 'a declared partial unique, by a partial unique index',
      expected: emailModel({ uniques: [unique(['email'], { where: 'deleted_at is null' })] }),
      actual: emailDb({ uniques: [unique(['email'], { where: '(deleted_at IS NULL)' })] }),
    },
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
      // UNIQUE NULLS NOT DISTINCT (PG 15+) is not the same guarantee as UNIQUE
      name: 'a plain unique declared, UNIQUE NULLS NOT DISTINCT in the database: a second NULL is rejected',
      expected: emailModel({ uniques: [unique(['email'])] }),
      actual: emailDb({ uniques: [unique(['email'], { nullsNotDistinct: true })] }),
      findings: [{ severity: 'error', table: 'users', column: 'email', expected: { columns: ['email'], nullsNotDistinct: false } }],
    },
    {
      name: 'NULLS NOT DISTINCT declared, only a partial NULLS NOT DISTINCT index',
      expected: emailModel({ uniques: [unique(['email'], { nullsNotDistinct: true })] }),
      actual: emailDb({ uniques: [unique(['email'], { nullsNotDistinct: true, where: '(deleted_at IS NULL)' })] }),
      findings: [{ severity: 'error', table: 'users', column: 'email', expected: { columns: ['email'], nullsNotDistinct: true } }],
    },
    {
      name: 'NULLS NOT DISTINCT declared on two columns, the database has it on one of them',
      expected: emailModel({ uniques: [unique(['org_id', 'email'], { nullsNotDistinct: true })] }),
      actual: emailDb({ uniques: [unique(['email'], { nullsNotDistinct: true }), unique(['org_id', 'email'])] }),
      findings: [{ severity: 'error', table: 'users', expected: { columns: ['org_id', 'email'], nullsNotDistinct: true } }],
    },
    {
      name: 'a partial unique index on the declared columns is not a unique on them',
      expected: emailModel({ uniques: [unique(['org_id', 'email'])] }),
      actual: emailDb({ uniques: [unique(['org_id', 'email'], { where: '(deleted_at IS NULL)' })] }),
      findings: [{ severity: 'error', table: 'users', expected: { columns: ['org_id', 'email'] } }],
    },
    {
      name: 'a non-unique index on the column does not count',
      expected: emailModel({ uniques: [unique(['email'])] }),
      actual: emailDb({ indexes: [index(['email'], { name: 'users_email' })] }),
      findings: [{ severity: 'error', table: 'users', column: 'email' }],
    },
  ],
});

describe('missing-unique against a NULLS NOT DISTINCT unique in the database', () => {
  const finding = () =>
    run({ name: '', expected: emailModel({ uniques: [unique(['email'])] }), actual: emailDb({ uniques: [unique(['email'], { nullsNotDistinct: true })] }) }).findings.find(
      (candidate) => candidate.code === 'missing-unique',
    );

  it('says the database unique is stricter, not absent', () => {
    expect(finding()?.message).toBe(
      'users has a unique on (email) that is NULLS NOT DISTINCT, but User (typeorm) declares a plain one: a second NULL the model allows is rejected',
    );
  });

  it('shows the unique the database has', () => {
    expect(finding()?.actual).toEqual({ columns: ['email'], nullsNotDistinct: true });
  });
});

/** posts(user_id → users(id)) with the foreign key declared as given, and the tables in the database with `dbForeignKeys`. */
const postsWithForeignKey = (declared: ReturnType<typeof foreignKey>, dbForeignKeys: ReturnType<typeof foreignKey>[]) => ({
  expected: schema([
    usersTable('integer'),
    table('posts', [column('id', 'integer'), column('user_id', 'integer')], { primaryKey: ['id'], foreignKeys: [declared], sources: [Post] }),
  ]),
  actual: schema([
    usersDbTable('integer'),
    dbTable('accounts', [column('id', 'integer')], { primaryKey: ['id'] }),
    dbTable('posts', [column('id', 'integer'), column('user_id', 'integer')], { primaryKey: ['id'], foreignKeys: dbForeignKeys }),
  ]),
});
const grants = (declared: ReturnType<typeof foreignKey>, dbForeignKeys: ReturnType<typeof foreignKey>[]) => ({
  expected: schema([table('grants', [column('org_id', 'integer'), column('user_id', 'integer')], { foreignKeys: [declared] })]),
  actual: schema([dbTable('grants', [column('org_id', 'integer'), column('user_id', 'integer')], { foreignKeys: dbForeignKeys })]),
});

ruleTester('missing-foreign-key', {
  valid: [
    { name: 'the foreign key exists', ...postsWithForeignKey(foreignKey(['user_id'], 'users(id)'), [foreignKey(['user_id'], 'users(id)')]) },
    {
      name: 'a differently named constraint',
      ...postsWithForeignKey(foreignKey(['user_id'], 'users(id)', { name: 'FK_posts_user', onDelete: 'CASCADE' }), [
        foreignKey(['user_id'], 'users(id)', { name: 'posts_user_id_fkey', onDelete: 'CASCADE' }),
      ]),
    },
    {
      name: 'RESTRICT where the model says NO ACTION (they differ only for deferred constraints)',
      ...postsWithForeignKey(foreignKey(['user_id'], 'users(id)'), [foreignKey(['user_id'], 'users(id)', { onDelete: 'RESTRICT' })]),
    },
    {
      name: 'a composite key with its column pairs in another order',
      ...grants(foreignKey(['org_id', 'user_id'], 'memberships(org_id, user_id)'), [foreignKey(['user_id', 'org_id'], 'memberships(user_id, org_id)')]),
    },
  ],
  invalid: [
    {
      name: 'the foreign key with other ON DELETE / ON UPDATE actions',
      ...postsWithForeignKey(foreignKey(['user_id'], 'users(id)', { onDelete: 'CASCADE' }), [
        foreignKey(['user_id'], 'users(id)', { name: 'posts_user_id_fkey', onDelete: 'SET NULL', onUpdate: 'CASCADE' }),
      ]),
      findings: [
        {
          severity: 'warning',
          table: 'posts',
          column: 'user_id',
          message: 'posts(user_id) references users(id) ON DELETE SET NULL ON UPDATE CASCADE in the database, but ON DELETE CASCADE ON UPDATE NO ACTION in Post (typeorm)',
          expected: { onDelete: 'CASCADE', onUpdate: 'NO ACTION' },
          actual: { onDelete: 'SET NULL', onUpdate: 'CASCADE', name: 'posts_user_id_fkey' },
        },
      ],
    },
    {
      name: 'the database has no foreign key',
      ...postsWithForeignKey(foreignKey(['user_id'], 'users(id)', { onDelete: 'CASCADE' }), []),
      findings: [
        {
          severity: 'warning',
          table: 'posts',
          column: 'user_id',
          message: 'posts(user_id) references users(id) in Post (typeorm) but the database has no such foreign key',
          expected: { columns: ['user_id'], references: 'users(id)', onDelete: 'CASCADE', onUpdate: 'NO ACTION' },
          actual: null,
          sources: [Post],
        },
      ],
    },
    {
      name: 'the foreign key references another table',
      ...postsWithForeignKey(foreignKey(['user_id'], 'users(id)'), [foreignKey(['user_id'], 'accounts(id)')]),
      findings: [{ severity: 'warning', table: 'posts', column: 'user_id', expected: { columns: ['user_id'], references: 'users(id)', onDelete: 'NO ACTION', onUpdate: 'NO ACTION' } }],
    },
    {
      name: 'the foreign key references a table of that name in another schema',
      ...postsWithForeignKey(foreignKey(['user_id'], 'auth.users(id)', { name: 'FK_posts_auth_user' }), [foreignKey(['user_id'], 'users(id)')]),
      findings: [
        {
          severity: 'warning',
          table: 'posts',
          column: 'user_id',
          message: 'posts(user_id) references auth.users(id) in Post (typeorm) but the database has no such foreign key',
          expected: { columns: ['user_id'], references: 'auth.users(id)', onDelete: 'NO ACTION', onUpdate: 'NO ACTION', name: 'FK_posts_auth_user' },
        },
      ],
    },
    {
      name: 'a composite key is one finding with no single column',
      ...grants(foreignKey(['org_id', 'user_id'], 'memberships(org_id, user_id)'), [foreignKey(['org_id', 'user_id'], 'memberships(user_id, org_id)')]),
      findings: [
        {
          severity: 'warning',
          table: 'grants',
          message: 'grants(org_id, user_id) references memberships(org_id, user_id) in User (typeorm) but the database has no such foreign key',
          expected: { columns: ['org_id', 'user_id'], references: 'memberships(org_id, user_id)', onDelete: 'NO ACTION', onUpdate: 'NO ACTION' },
        },
      ],
    },
  ],
});

ruleTester('missing-index', {
  valid: [
    { name: 'an index on the same column', expected: emailModel({ indexes: [index(['email'])] }), actual: emailDb({ indexes: [index(['email'], { name: 'IDX_users_email' })] }) },
    {
      name: 'a composite index in the same column order',
      expected: emailModel({ indexes: [index(['org_id', 'email'])] }),
      actual: emailDb({ indexes: [index(['org_id', 'email'], { name: 'users_org_email_idx' })] }),
    },
    { name: 'a unique constraint on the same columns', expected: emailModel({ indexes: [index(['email'])] }), actual: emailDb({ uniques: [unique(['email'], { name: 'users_email_key' })] }) },
    {
      name: 'a composite unique constraint in the same column order',
      expected: emailModel({ indexes: [index(['org_id', 'email'])] }),
      actual: emailDb({ uniques: [unique(['org_id', 'email'])] }),
    },
    { name: 'the primary key', expected: emailModel({ indexes: [index(['id'])] }), actual: emailDb() },
    {
      name: 'an expression index, matched by name',
      expected: emailModel({ indexes: [index([], { name: 'users_lower_email_idx' })] }),
      actual: emailDb({ indexes: [index([], { name: 'users_lower_email_idx' })] }),
    },
    {
      name: 'a declared partial index, a full index on the same columns',
      expected: emailModel({ indexes: [index(['email'], { where: '(deleted_at IS NULL)' })] }),
      actual: emailDb({ indexes: [index(['email'])] }),
    },
  ],
  invalid: [
    {
      name: 'no index',
      expected: emailModel({ indexes: [index(['email'])] }),
      actual: emailDb(),
      findings: [
        {
          severity: 'warning',
          table: 'users',
          column: 'email',
          message: 'users has no index on (email) that User (typeorm) declares: queries on it scan the table',
          expected: { columns: ['email'] },
          actual: null,
          sources: [User],
        },
      ],
    },
    {
      name: 'a named index is reported with its name',
      expected: emailModel({ indexes: [index(['email'], { name: 'IDX_users_email' })] }),
      actual: emailDb(),
      findings: [{ severity: 'warning', table: 'users', column: 'email', expected: { columns: ['email'], name: 'IDX_users_email' } }],
    },
    {
      name: 'an index on the same columns in another order',
      expected: emailModel({ indexes: [index(['org_id', 'email'])] }),
      actual: emailDb({ indexes: [index(['email', 'org_id'])] }),
      findings: [
        {
          severity: 'warning',
          table: 'users',
          message: 'users has no index on (org_id, email) that User (typeorm) declares: queries on it scan the table',
          expected: { columns: ['org_id', 'email'] },
        },
      ],
    },
    {
      name: 'a unique constraint on the same columns in another order',
      expected: emailModel({ indexes: [index(['org_id', 'email'])] }),
      actual: emailDb({ uniques: [unique(['email', 'org_id'])] }),
      findings: [{ severity: 'warning', table: 'users', expected: { columns: ['org_id', 'email'] } }],
    },
    {
      name: 'an index on more columns',
      expected: emailModel({ indexes: [index(['email'])] }),
      actual: emailDb({ indexes: [index(['email', 'org_id'])] }),
      findings: [{ severity: 'warning', table: 'users', column: 'email' }],
    },
    {
      name: 'an expression index not present',
      expected: emailModel({ indexes: [index([], { name: 'users_lower_email_idx' })] }),
      actual: emailDb({ indexes: [index([], { name: 'users_email_lower' })] }),
      findings: [
        {
          severity: 'warning',
          table: 'users',
          message: 'users has no expression index users_lower_email_idx that User (typeorm) declares: queries on it scan the table',
          expected: { name: 'users_lower_email_idx' },
          actual: null,
        },
      ],
    },
    {
      name: 'an expression index not present is named in expected, with no column',
      expected: emailModel({ indexes: [index([], { name: 'users_lower_email_idx' })] }),
      actual: emailDb({ indexes: [index([], { name: 'users_email_lower' })] }),
      findings: [{ severity: 'warning', table: 'users', expected: { name: 'users_lower_email_idx' }, actual: null }],
    },
    {
      name: 'only a partial index on the same columns',
      expected: emailModel({ indexes: [index(['email'])] }),
      actual: emailDb({ indexes: [index(['email'], { where: '(deleted_at IS NULL)' })] }),
      findings: [{ severity: 'warning', table: 'users', column: 'email', expected: { columns: ['email'] } }],
    },
    {
      name: 'only a partial unique index on the same columns',
      expected: emailModel({ indexes: [index(['email'])] }),
      actual: emailDb({ uniques: [unique(['email'], { where: '(deleted_at IS NULL)' })] }),
      findings: [{ severity: 'warning', table: 'users', column: 'email' }],
    },
  ],
});

ruleTester('extra-column', {
  valid: [
    { name: 'every column is declared', expected: users(['email', 'varchar(255)']), actual: usersInDb(['email', 'varchar(255)']) },
    {
      name: 'the columns of an undeclared table are orphan-table business',
      expected: users(),
      actual: schema([...usersInDb().tables, dbTable('import_staging', [id, column('payload', 'jsonb')])]),
    },
  ],
  invalid: [
    {
      name: 'a nullable column',
      expected: users(),
      actual: usersInDb(['signup_source', 'text', { nullable: true }]),
      findings: [
        {
          severity: 'warning',
          table: 'users',
          column: 'signup_source',
          message: 'users.signup_source exists in the database but User (typeorm) does not declare it',
          expected: null,
          actual: { type: 'text', nullable: true, default: null },
          sources: [User],
        },
      ],
    },
    {
      name: 'a NOT NULL column with no default: every insert fails',
      expected: users(),
      actual: usersInDb(['legacy_code', 'varchar(20)']),
      findings: [
        {
          severity: 'error',
          table: 'users',
          column: 'legacy_code',
          message: 'users.legacy_code is NOT NULL with no default but User (typeorm) does not declare it: every insert through the ORM fails',
          expected: null,
          actual: { type: 'character varying(20)', nullable: false, default: null },
          sources: [User],
        },
      ],
    },
    {
      name: 'a NOT NULL column with a default',
      expected: users(),
      actual: usersInDb(['legacy_code', 'varchar(20)', { default: `''::character varying` }]),
      findings: [
        {
          severity: 'warning',
          table: 'users',
          column: 'legacy_code',
          message: 'users.legacy_code exists in the database but User (typeorm) does not declare it',
          actual: { type: 'character varying(20)', nullable: false, default: `''::character varying` },
        },
      ],
    },
    {
      name: 'a NOT NULL column with DEFAULT NULL, which is no default',
      expected: users(),
      actual: usersInDb(['legacy_code', 'varchar(20)', { default: 'NULL::character varying' }]),
      findings: [
        {
          severity: 'error',
          table: 'users',
          column: 'legacy_code',
          message: 'users.legacy_code is NOT NULL with no default but User (typeorm) does not declare it: every insert through the ORM fails',
          actual: { type: 'character varying(20)', nullable: false, default: null },
        },
      ],
    },
    {
      name: 'an identity column',
      expected: users(),
      actual: usersInDb(['seq', 'bigint', { identity: 'by-default' }]),
      findings: [
        {
          severity: 'warning',
          table: 'users',
          column: 'seq',
          message: 'users.seq exists in the database but User (typeorm) does not declare it',
          actual: { type: 'bigint', nullable: false, default: 'generated by default as identity' },
        },
      ],
    },
    {
      name: 'a stored generated column',
      expected: users(['email', 'text']),
      actual: usersInDb(['email', 'text'], ['email_lower', 'text', { generated: 'lower(email)' }]),
      findings: [
        {
          severity: 'warning',
          table: 'users',
          column: 'email_lower',
          message: 'users.email_lower exists in the database but User (typeorm) does not declare it',
          actual: { type: 'text', nullable: false, default: 'generated always as (lower(email)) stored' },
        },
      ],
    },
    {
      name: 'a column whose name differs from the model only in case',
      expected: users(['userName', 'text']),
      actual: usersInDb(['username', 'text']),
      findings: [{ severity: 'error', table: 'users', column: 'username' }],
    },
    {
      name: 'several extra columns, in column order',
      expected: users(),
      actual: usersInDb(['zip', 'text', { nullable: true }], ['archived', 'boolean']),
      findings: [
        { severity: 'error', table: 'users', column: 'archived' },
        { severity: 'warning', table: 'users', column: 'zip' },
      ],
    },
  ],
});

const importStaging = dbTable('import_staging', [id, column('payload', 'jsonb', { nullable: true })]);
/** The declared users table in the database, plus `others`. */
const usersDbWith = (...others: ReturnType<typeof dbTable>[]) => schema([...usersInDb().tables, ...others]);
const events = { schema: 'public', name: 'events' };

ruleTester('orphan-table', {
  valid: [
    { name: 'every table is declared', expected: users(), actual: usersDbWith() },
    ...[...migrationLedgers].map((ledger) => ({ name: `the ${ledger} migration ledger`, expected: users(), actual: usersDbWith(dbTable(ledger, [id])) })),
    { name: 'a view', expected: users(), actual: usersDbWith(dbTable('active_users', [id], { kind: 'view' })) },
    { name: 'a materialized view', expected: users(), actual: usersDbWith(dbTable('user_stats', [id], { kind: 'materialized-view' })) },
    { name: 'a foreign table', expected: users(), actual: usersDbWith(dbTable('remote_users', [id], { kind: 'foreign-table' })) },
    {
      name: 'the leaf partitions of a declared partitioned table',
      expected: schema([table('events', [id])]),
      actual: schema([
        dbTable('events', [id], { kind: 'partitioned-table' }),
        dbTable('events_2025_01', [id], { kind: 'partition', partitionOf: events }),
        dbTable('events_2025_02', [id], { kind: 'partition', partitionOf: events }),
      ]),
    },
    { name: 'a table in a schema the models do not use', expected: users(), actual: usersDbWith(dbTable('log', [id], { schema: 'audit' })) },
    {
      name: 'with the schemas option, a schema the models use but the option does not list',
      expected: schema([...users().tables, table('events', [id], { schema: 'audit' })]),
      actual: usersDbWith(dbTable('events', [id], { schema: 'audit' }), dbTable('stray', [id], { schema: 'audit' })),
      schemas: ['public'],
    },
  ],
  invalid: [
    {
      name: 'a table no model declares',
      expected: users(),
      actual: usersDbWith(importStaging),
      findings: [
        {
          severity: 'warning',
          table: 'import_staging',
          message: 'import_staging exists in the database but no model declares it',
          expected: null,
          actual: { columns: ['id', 'payload'] },
          sources: [],
        },
      ],
    },
    {
      name: 'an undeclared partitioned table is one orphan, its leaf partitions none',
      expected: users(),
      actual: usersDbWith(
        dbTable('events', [id], { kind: 'partitioned-table' }),
        dbTable('events_2025_01', [id], { kind: 'partition', partitionOf: events }),
        dbTable('events_2025_02', [id], { kind: 'partition', partitionOf: events }),
      ),
      findings: [{ severity: 'warning', table: 'events', message: 'events exists in the database but no model declares it' }],
    },
    {
      name: 'a table in another schema the models use',
      expected: schema([...users().tables, table('events', [id], { schema: 'audit' })]),
      actual: schema([...usersInDb().tables, dbTable('events', [id], { schema: 'audit' }), dbTable('stray', [id], { schema: 'audit' })]),
      findings: [{ severity: 'warning', schema: 'audit', table: 'stray', message: 'audit.stray exists in the database but no model declares it' }],
    },
    {
      name: 'with the schemas option, only the listed schemas are checked',
      expected: users(),
      actual: usersDbWith(importStaging, dbTable('log', [id], { schema: 'audit' }), dbTable('invoices', [id], { schema: 'billing' })),
      schemas: ['public', 'audit'],
      findings: [
        { severity: 'warning', schema: 'audit', table: 'log' },
        { severity: 'warning', table: 'import_staging' },
      ],
    },
    {
      name: 'with the schemas option, a schema the models do not use',
      expected: users(),
      actual: usersDbWith(importStaging, dbTable('log', [id], { schema: 'audit' })),
      schemas: ['audit'],
      findings: [{ severity: 'warning', schema: 'audit', table: 'log', message: 'audit.log exists in the database but no model declares it' }],
    },
  ],
});

const AppUser = source('User', 'typeorm', 'AppDataSource');
const ReportUser = source('ReportUser', 'typeorm', 'ReportingDataSource');
const Account = source('Account', 'sequelize');
/** users(id, email) as one registry declares it. */
const usersDeclaredBy = (by: Provenance, emailColumn = email, options: TableOptions = {}) =>
  table('users', [id, emailColumn], { primaryKey: ['id'], ...options, sources: [by] });

ruleTester('registry-conflict', {
  valid: [
    {
      name: 'two registries declare the table identically',
      expected: [schema([usersDeclaredBy(AppUser)]), schema([usersDeclaredBy(Account)])],
      actual: schema([dbTable('users', [id, email], { primaryKey: ['id'] })]),
    },
    {
      name: 'the same declaration in other spellings and with other constraint names',
      expected: [
        schema([usersDeclaredBy(AppUser, column('email', 'varchar(255)', { default: `''` }), { uniques: [unique(['email'], { name: 'UQ_users_email' })] })]),
        schema([usersDeclaredBy(Account, column('email', 'character varying(255)', { default: `''::character varying` }), { uniques: [unique(['email'], { name: 'users_email_key' })] })]),
      ],
      actual: schema([]),
    },
    {
      name: 'a serial in one registry, an identity column in the other',
      expected: [
        schema([table('users', [column('id', 'serial', { default: `nextval('users_id_seq'::regclass)` })], { primaryKey: ['id'], sources: [AppUser] })]),
        schema([table('users', [column('id', 'integer', { identity: 'by-default' })], { primaryKey: ['id'], sources: [Account] })]),
      ],
      actual: schema([]),
    },
    {
      name: 'the same enum type in two registries',
      expected: [schema([], [enumType('user_role_enum', ['admin', 'member'], [AppUser])]), schema([], [enumType('user_role_enum', ['admin', 'member'], [Account])])],
      actual: schema([]),
    },
    {
      name: 'a narrower declaration of the table (a projection model) adds nothing that contradicts: the union is checked',
      expected: [schema([usersDeclaredBy(AppUser)]), schema([table('users', [id, email, column('nickname', 'text', { nullable: true })], { primaryKey: ['id'], sources: [Account] })])],
      actual: schema([dbTable('users', [id, email, column('nickname', 'text', { nullable: true })], { primaryKey: ['id'] })]),
    },
    {
      name: 'a database default one declaration relies on and the other leaves to the model',
      expected: [schema([usersDeclaredBy(AppUser)]), schema([usersDeclaredBy(Account, column('email', 'varchar(255)', { default: `'x'` }))])],
      actual: schema([dbTable('users', [id, column('email', 'varchar(255)', { default: `'x'::character varying` })], { primaryKey: ['id'] })]),
    },
    {
      name: 'both sides of a many-to-many name the junction key in their own order',
      expected: [
        schema([table('post_tags', [column('post_id', 'integer'), column('tag_id', 'integer')], { primaryKey: ['post_id', 'tag_id'], sources: [AppUser] })]),
        schema([table('post_tags', [column('tag_id', 'integer'), column('post_id', 'integer')], { primaryKey: ['tag_id', 'post_id'], sources: [Account] })]),
      ],
      actual: schema([dbTable('post_tags', [column('post_id', 'integer'), column('tag_id', 'integer')], { primaryKey: ['post_id', 'tag_id'] })]),
    },
    {
      name: 'tables of one name in two schemas',
      expected: [schema([usersDeclaredBy(AppUser)]), schema([usersDeclaredBy(Account, column('email', 'text'), { schema: 'auth' })])],
      actual: schema([]),
    },
  ],
  invalid: [
    {
      name: 'two registries declare one table differently',
      expected: [
        schema([usersDeclaredBy(AppUser, column('email', 'varchar(320)'), { uniques: [unique(['email'])] })]),
        schema([usersDeclaredBy(ReportUser, column('email', 'varchar', { nullable: true }))]),
      ],
      actual: schema([dbTable('users', [id, column('email', 'varchar(320)')], { primaryKey: ['id'], uniques: [unique(['email'])] })]),
      findings: [
        {
          severity: 'error',
          table: 'users',
          message:
            'users is declared differently by User (typeorm AppDataSource) and ReportUser (typeorm ReportingDataSource): column email: character varying(320) not null vs character varying null',
          expected: { declaredBy: 'User (typeorm AppDataSource)' },
          actual: {
            declaredBy: 'ReportUser (typeorm ReportingDataSource)',
            differences: ['column email: character varying(320) not null vs character varying null'],
          },
          sources: [AppUser, ReportUser],
        },
      ],
    },
    {
      name: 'a table outside public is named with its schema',
      expected: [
        schema([usersDeclaredBy(AppUser, email, { schema: 'auth' })]),
        schema([usersDeclaredBy(Account, column('email', 'varchar(100)'), { schema: 'auth' })]),
      ],
      actual: schema([]),
      findings: [
        {
          severity: 'error',
          schema: 'auth',
          table: 'users',
          message: `auth.users is declared differently by User (typeorm AppDataSource) and Account (sequelize default): column email: character varying(255) not null vs character varying(100) not null`,
        },
      ],
    },
    {
      name: 'an enum type declared with other values',
      expected: [
        schema([table('users', [id, roleColumn], { sources: [AppUser] })], [enumType('user_role_enum', ['admin', 'member'], [AppUser])]),
        schema([table('users', [id, roleColumn], { sources: [Account] })], [enumType('user_role_enum', ['admin', 'member', 'owner'], [Account])]),
      ],
      actual: schema([]),
      findings: [
        {
          severity: 'error',
          table: 'user_role_enum',
          message: 'enum type user_role_enum is declared differently by User (typeorm AppDataSource) and Account (sequelize default): values (admin, member) vs (admin, member, owner)',
          expected: { declaredBy: 'User (typeorm AppDataSource)' },
          actual: { declaredBy: 'Account (sequelize default)', differences: ['values (admin, member) vs (admin, member, owner)'] },
          sources: [AppUser, Account],
        },
      ],
    },
    {
      name: 'an enum type declared with its values in another order',
      expected: [schema([], [enumType('user_role_enum', ['admin', 'member'], [AppUser])]), schema([], [enumType('user_role_enum', ['member', 'admin'], [Account])])],
      actual: schema([]),
      findings: [{ severity: 'error', table: 'user_role_enum', message: 'enum type user_role_enum is declared differently by User (typeorm AppDataSource) and Account (sequelize default): values (admin, member) vs (member, admin)' }],
    },
  ],
});

describe('registries merged into one expected schema', () => {
  it('a table declared identically by two registries carries both sources into its findings', () => {
    const result = run({ name: '', expected: [schema([usersDeclaredBy(User)]), schema([usersDeclaredBy(Account)])], actual: schema([]) });
    expect(result.findings.map(({ code, message, sources }) => ({ code, message, sources }))).toEqual([
      { code: 'missing-table', message: 'users is declared by User (typeorm), Account (sequelize) but the database has no such table', sources: [User, Account] },
    ]);
    expect(result.summary.tables).toBe(1);
  });

  it('does not depend on the order of the models within a registry', () => {
    const full = table('articles', [id, column('title', 'text'), column('body', 'text')], { primaryKey: ['id'], sources: [source('Article', 'sequelize')] });
    const draft = table('articles', [id, column('title', 'text')], { primaryKey: ['id'], sources: [source('Draft', 'sequelize')] });
    const actual = schema([dbTable('articles', [id, column('title', 'text'), column('body', 'text')], { primaryKey: ['id'] })]);
    for (const order of [[full, draft], [draft, full]]) {
      const result = run({ name: '', expected: [schema(order)], actual });
      expect(result.findings).toEqual([]);
    }
    const conflicting = table('articles', [id, column('title', 'varchar(20)')], { primaryKey: ['id'], sources: [source('Draft', 'sequelize')] });
    const messages = [[full, conflicting], [conflicting, full]].map((order) => run({ name: '', expected: [schema(order)], actual }).findings.map((finding) => finding.message));
    expect(messages[0]).toEqual(messages[1]);
    expect(messages[0]).toEqual(['articles is declared differently by Article (sequelize default) and Draft (sequelize default): column title: text not null vs character varying(20) not null']);
  });

  it('on a conflict, the first declaration is the one checked against the database', () => {
    const result = run({
      name: '',
      expected: [schema([usersDeclaredBy(AppUser, column('email', 'varchar(320)'))]), schema([usersDeclaredBy(ReportUser, column('email', 'varchar', { nullable: true }))])],
      actual: schema([dbTable('users', [id, column('email', 'varchar(320)', { nullable: true })], { primaryKey: ['id'] })]),
    });
    expect(result.findings.map(({ code, severity, column, sources }) => ({ code, severity, column, sources }))).toEqual([
      { code: 'registry-conflict', severity: 'error', column: undefined, sources: [AppUser, ReportUser] },
      // the table is the union of both declarations; the contradicted column is the first's
      { code: 'nullability-mismatch', severity: 'warning', column: 'email', sources: [AppUser, ReportUser] },
    ]);
  });
});

describe('severity overrides', () => {
  /** users with an undeclared NOT NULL column, a missing index and a nullable column the database makes NOT NULL. */
  const drifted = {
    name: '',
    expected: schema([table('users', [id, email, column('bio', 'text', { nullable: true })], { primaryKey: ['id'], indexes: [index(['email'])] })]),
    actual: schema([dbTable('users', [id, email, column('bio', 'text'), column('legacy_code', 'varchar(20)')], { primaryKey: ['id'] })]),
  };
  const bySeverity = (rulesSetting?: RuleSettings) =>
    run({ ...drifted, ...(rulesSetting ? { rules: rulesSetting } : {}) }).findings.map(({ code, severity, column }) => ({ code, severity, column }));

  it('reports the defaults when nothing is configured', () => {
    expect(bySeverity()).toEqual([
      { code: 'nullability-mismatch', severity: 'error', column: 'bio' },
      { code: 'missing-index', severity: 'warning', column: 'email' },
      { code: 'extra-column', severity: 'error', column: 'legacy_code' },
    ]);
  });

  it("'off' hides every report of the code, including its conditional errors", () => {
    const result = run({ ...drifted, rules: { 'extra-column': 'off' } });
    expect(result.findings.map((finding) => finding.code)).toEqual(['nullability-mismatch', 'missing-index']);
    expect(result.summary).toEqual({ errors: 1, warnings: 1, tables: 1 });
  });

  it("'warn' turns every report of the code into a warning, and leaves the other codes alone", () => {
    expect(bySeverity({ 'nullability-mismatch': 'warn', 'extra-column': 'warn' })).toEqual([
      { code: 'nullability-mismatch', severity: 'warning', column: 'bio' },
      { code: 'missing-index', severity: 'warning', column: 'email' },
      { code: 'extra-column', severity: 'warning', column: 'legacy_code' },
    ]);
  });

  it("'error' turns every report of the code into an error", () => {
    expect(bySeverity({ 'missing-index': 'error' })).toEqual([
      { code: 'nullability-mismatch', severity: 'error', column: 'bio' },
      { code: 'missing-index', severity: 'error', column: 'email' },
      { code: 'extra-column', severity: 'error', column: 'legacy_code' },
    ]);
  });

  it('turning every code off leaves no finding', () => {
    const allOff = Object.fromEntries(Object.keys(rules).map((code) => [code, 'off'])) as RuleSettings;
    expect(run({ ...drifted, rules: allOff })).toEqual({ findings: [], summary: { errors: 0, warnings: 0, tables: 1 } });
  });

  describe("with 'fk-type-mismatch': 'off' the foreign-key column's type drift is a column-type-mismatch", () => {
    const asColumnTypes = {
      models: { expected: { type: 'uuid' }, actual: { type: 'integer' } },
      across: { expected: { type: 'uuid' }, actual: { type: 'integer' } },
      database: { expected: { type: 'integer' }, actual: { type: 'bigint' } },
    };
    it.each(Object.entries(fkTypeVariants))('%s', (variant, test) => {
      const onColumn = run({ name: '', ...test, rules: { 'fk-type-mismatch': 'off' } }).findings.filter(
        (finding) => finding.table === 'posts' && finding.column === 'user_id',
      );
      expect(onColumn.map(({ code, severity, expected, actual }) => ({ code, severity, expected, actual }))).toEqual([
        { code: 'column-type-mismatch', severity: 'error', ...asColumnTypes[variant as keyof typeof asColumnTypes] },
      ]);
    });

    it("'warn' keeps it a single fk-type-mismatch, as a warning", () => {
      const onColumn = run({ name: '', ...fkTypeVariants.models, rules: { 'fk-type-mismatch': 'warn' } }).findings.filter((finding) => finding.column === 'user_id');
      expect(onColumn.map(({ code, severity }) => ({ code, severity }))).toEqual([{ code: 'fk-type-mismatch', severity: 'warning' }]);
    });

    it("column-type-mismatch 'off' leaves fk-type-mismatch reported", () => {
      const onColumn = run({ name: '', ...fkTypeVariants.models, rules: { 'column-type-mismatch': 'off' } }).findings.filter((finding) => finding.column === 'user_id');
      expect(onColumn.map(({ code }) => code)).toEqual(['fk-type-mismatch']);
    });
  });
});

describe('finding order and summary', () => {
  const drifted: Case = {
    name: '',
    expected: schema([
      table('users', [id, email, column('zeta', 'text'), column('alpha', 'text')], { primaryKey: ['id'], indexes: [index(['email'])] }),
      table('accounts', [id], { sources: [source('Account')] }),
      table('events', [id], { schema: 'audit', sources: [source('Event')] }),
    ]),
    actual: schema([
      dbTable('users', [id, column('legacy_code', 'text'), column('email', 'varchar(50)')], { primaryKey: ['id'] }),
      dbTable('import_staging', [id]),
      dbTable('stray', [id], { schema: 'audit' }),
    ]),
  };

  it('lists findings by schema, then table, then rule order, then column', () => {
    expect(run(drifted).findings.map(({ schema: inSchema, table: onTable, code, column: onColumn }) => [inSchema, onTable, code, onColumn])).toEqual([
      ['audit', 'events', 'missing-table', undefined],
      ['audit', 'stray', 'orphan-table', undefined],
      ['public', 'accounts', 'missing-table', undefined],
      ['public', 'import_staging', 'orphan-table', undefined],
      ['public', 'users', 'missing-column', 'alpha'],
      ['public', 'users', 'missing-column', 'zeta'],
      ['public', 'users', 'column-type-mismatch', 'email'],
      ['public', 'users', 'missing-index', 'email'],
      ['public', 'users', 'extra-column', 'legacy_code'],
    ]);
  });

  it('a table-level finding comes before the column findings of its code', () => {
    const result = run({
      name: '',
      expected: emailModel({ uniques: [unique(['org_id', 'email']), unique(['email'])] }),
      actual: emailDb(),
    });
    expect(result.findings.map(({ code, column: onColumn }) => [code, onColumn])).toEqual([
      ['missing-unique', undefined],
      ['missing-unique', 'email'],
    ]);
  });

  it('counts errors, warnings and declared tables', () => {
    // errors: 2 missing tables, 2 missing columns, a narrower varchar, a NOT NULL extra column; warnings: the index, 2 orphans
    expect(run(drifted).summary).toEqual({ errors: 6, warnings: 3, tables: 3 });
  });

  it('counts findings at their configured severity, and none that are off', () => {
    expect(run({ ...drifted, rules: { 'extra-column': 'warn', 'orphan-table': 'off', 'missing-index': 'error' } }).summary).toEqual({ errors: 6, warnings: 1, tables: 3 });
  });

  it('counts only the declared tables of the schemas option', () => {
    const result = run({ ...drifted, schemas: ['public'] });
    expect(result.summary).toEqual({ errors: 5, warnings: 2, tables: 2 });
    expect(result.findings.filter((finding) => finding.schema !== 'public')).toEqual([]);
  });

  it('counts nothing when there is no drift', () => {
    expect(run({ name: '', expected: users(['email', 'varchar(255)']), actual: usersInDb(['email', 'varchar(255)']) })).toEqual({
      findings: [],
      summary: { errors: 0, warnings: 0, tables: 1 },
    });
  });
});

describe('the rule tables', () => {
  it('cover every finding code', () => {
    expect(Object.keys(rules).filter((code) => !tested.has(code as RuleCode))).toEqual([]);
  });
});

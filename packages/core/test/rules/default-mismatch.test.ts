/** The `default-mismatch` rule: which differences it reports, and how. */
import { describe, expect, it } from 'vitest';
import { column, dbTable, schema, source, table, unique } from '../support/models.ts';
import { User, users, usersInDb } from '../support/rule-fixtures.ts';
import { ruleTester, run } from '../support/rule-tester.ts';

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
      name: 'a nullable column whose default was dropped: it has no default, not "default none"',
      expected: users(['nickname', 'text', { nullable: true, default: `'anon'` }]),
      actual: usersInDb(['nickname', 'text', { nullable: true }]),
      findings: [
        {
          severity: 'warning',
          table: 'users',
          column: 'nickname',
          message: "users.nickname has no default in the database but 'anon' in User (typeorm)",
          expected: { default: `'anon'` },
          actual: { default: null },
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
      name: 'an identity primary key whose identity became a constant default: the second insert fails',
      expected: schema([table('orgs', [column('id', 'integer', { identity: 'always' })], { primaryKey: ['id'] })]),
      actual: schema([dbTable('orgs', [column('id', 'integer', { default: '1' })], { primaryKey: ['id'] })]),
      findings: [
        {
          severity: 'error',
          table: 'orgs',
          column: 'id',
          message:
            'orgs.id has default 1 in the database but generated always as identity in User (typeorm): TypeORM leaves this numbered column out of its inserts, so every insert after the first fails with a duplicate key',
          expected: { default: 'generated always as identity' },
          actual: { default: '1' },
        },
      ],
    },
    {
      name: 'a serial one-column unique whose sequence became a constant default: an error',
      expected: schema([table('tasks', [column('number', 'serial', { default: `nextval('tasks_number_seq'::regclass)` })], { uniques: [unique(['number'])] })]),
      actual: schema([dbTable('tasks', [column('number', 'integer', { default: '0' })], { uniques: [unique(['number'])] })]),
      findings: [{ severity: 'error', table: 'tasks', column: 'number', actual: { default: '0' } }],
    },
    {
      name: 'a serial column in a composite key given a constant default: rows share the value, a warning that says so',
      expected: schema([
        table('tasks', [column('org_id', 'integer'), column('id', 'serial', { default: `nextval('tasks_id_seq'::regclass)` })], {
          primaryKey: ['org_id', 'id'],
        }),
      ]),
      actual: schema([dbTable('tasks', [column('org_id', 'integer'), column('id', 'integer', { default: `'7'::integer` })], { primaryKey: ['org_id', 'id'] })]),
      findings: [
        {
          severity: 'warning',
          table: 'tasks',
          column: 'id',
          message: `tasks.id has default 7 in the database but nextval('tasks_id_seq'::regclass) in User (typeorm): TypeORM leaves this numbered column out of its inserts, so every row silently gets the same value`,
        },
      ],
    },
    {
      name: 'an identity primary key given a default that is no constant: the plain message',
      expected: schema([table('orgs', [column('id', 'integer', { identity: 'by-default' })], { primaryKey: ['id'] })]),
      actual: schema([dbTable('orgs', [column('id', 'integer', { default: 'next_org_id()' })], { primaryKey: ['id'] })]),
      findings: [
        {
          severity: 'warning',
          table: 'orgs',
          column: 'id',
          message: 'orgs.id has default next_org_id() in the database but generated by default as identity in User (typeorm)',
        },
      ],
    },
    {
      name: "now() in the model, a frozen 'now' in the database",
      expected: users(['created_at', 'timestamp', { default: 'now()' }]),
      actual: usersInDb(['created_at', 'timestamp', { default: `'2024-01-01 00:00:00'::timestamp without time zone` }]),
      findings: [{ severity: 'warning', table: 'users', column: 'created_at' }],
    },
    {
      name: 'a NOT NULL column without the default the ORM sends itself: only raw SQL inserts fail',
      expected: schema([
        table('users', [column('id', 'integer'), column('role', 'varchar(20)', { default: `'viewer'::character varying`, ormSendsDefault: true })], {
          primaryKey: ['id'],
          sources: [source('Account', 'sequelize')],
        }),
      ]),
      actual: schema([dbTable('users', [column('id', 'integer'), column('role', 'varchar(20)')], { primaryKey: ['id'] })]),
      findings: [
        {
          severity: 'warning',
          table: 'users',
          column: 'role',
          message:
            "users.role has no database default but Account (sequelize) declares 'viewer'::character varying: Sequelize sends it in its own inserts, so they succeed, but raw SQL inserts that omit the NOT NULL column fail",
        },
      ],
    },
    {
      name: 'a database default where the ORM computes the value itself: the message says it is a client-side default',
      expected: schema([
        table('accounts', [column('id', 'integer'), column('created_at', 'timestamp with time zone', { ormComputesDefault: 'DataTypes.NOW' })], {
          primaryKey: ['id'],
          sources: [source('Account', 'sequelize')],
        }),
      ]),
      actual: schema([
        dbTable('accounts', [column('id', 'integer'), column('created_at', 'timestamp with time zone', { default: 'now()' })], { primaryKey: ['id'] }),
      ]),
      findings: [
        {
          severity: 'warning',
          table: 'accounts',
          column: 'created_at',
          message:
            'accounts.created_at has default now() in the database but none in Account (sequelize): Sequelize computes the value itself (DataTypes.NOW, a client-side default) and sends it in its own inserts, so the database default serves only inserts that bypass Sequelize',
        },
      ],
    },
  ],
});

describe('default-mismatch against a generated column', () => {
  it('leaves a change of generation to generated-mismatch: an expression is not a default', () => {
    for (const [declared, stored] of [
      [{}, { generated: `(first || ' '::text) || last` }],
      [{ generated: `first || ' ' || last` }, { default: `'anonymous'::text` }],
    ] as const) {
      const result = run({ name: '', expected: users(['full_name', 'text', declared]), actual: usersInDb(['full_name', 'text', stored]) });
      expect(result.findings.map((finding) => finding.code)).toEqual(['generated-mismatch']);
    }
  });
});

/** The `missing-index` rule: which differences it reports, and how. */
import { column, dbTable, index, schema, table, unique } from '../support/models.ts';
import { User, emailModel, emailDb } from '../support/rule-fixtures.ts';
import { ruleTester } from '../support/rule-tester.ts';

ruleTester('missing-index', {
  valid: [
    {
      name: 'an index on the same column',
      expected: emailModel({ indexes: [index(['email'])] }),
      actual: emailDb({ indexes: [index(['email'], { name: 'IDX_users_email' })] }),
    },
    {
      name: 'a composite index in the same column order',
      expected: emailModel({ indexes: [index(['org_id', 'email'])] }),
      actual: emailDb({ indexes: [index(['org_id', 'email'], { name: 'users_org_email_idx' })] }),
    },
    {
      name: 'a unique constraint on the same columns',
      expected: emailModel({ indexes: [index(['email'])] }),
      actual: emailDb({ uniques: [unique(['email'], { name: 'users_email_key' })] }),
    },
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
    {
      name: 'only a partial index on the same columns is index-mismatch business',
      expected: emailModel({ indexes: [index(['email'])] }),
      actual: emailDb({ indexes: [index(['email'], { where: '(deleted_at IS NULL)' })] }),
    },
    {
      name: 'a missing unique expression index is missing-unique business',
      expected: emailModel({ indexes: [index([], { name: 'users_email_lower', expressions: ['lower("email")'], unique: true })] }),
      actual: emailDb(),
    },
  ],
  invalid: [
    {
      name: 'only an INVALID index of the declared name (a CREATE INDEX CONCURRENTLY that failed): no query uses it',
      expected: emailModel({ indexes: [index(['email'], { name: 'users_email_idx' })] }),
      actual: emailDb({ indexes: [index(['email'], { name: 'users_email_idx', invalid: true })] }),
      findings: [
        {
          severity: 'warning',
          table: 'users',
          column: 'email',
          message:
            'users has no valid index users_email_idx on (email) that User (typeorm) declares: its index users_email_idx on (email) is INVALID (a CREATE INDEX CONCURRENTLY that failed or was cancelled, or a DROP INDEX CONCURRENTLY cut short), and no query uses it; drop it and build it again (DROP INDEX CONCURRENTLY, then CREATE INDEX CONCURRENTLY)',
          expected: { columns: ['email'], name: 'users_email_idx' },
          actual: { invalid: true, name: 'users_email_idx', columns: ['email'] },
        },
      ],
    },
    {
      name: 'an INVALID index does not lead for a declared index on its first column either',
      expected: emailModel({ indexes: [index(['org_id'])] }),
      actual: emailDb({ indexes: [index(['org_id', 'email'], { name: 'users_org_email', invalid: true })] }),
      findings: [{ severity: 'warning', table: 'users', column: 'org_id', actual: null }],
    },
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
      name: 'an index of the declared name that another declared index is built as exactly: this one is missing',
      expected: emailModel({ indexes: [index(['org_id', 'email'], { name: 'users_org_email' }), index(['email', 'org_id'])] }),
      actual: emailDb({ indexes: [index(['email', 'org_id'], { name: 'users_org_email' })] }),
      findings: [{ severity: 'warning', table: 'users', expected: { columns: ['org_id', 'email'], name: 'users_org_email' } }],
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
      name: 'a GIN index dropped next to a btree one on the same column: named with its method and operator class',
      expected: emailModel({
        indexes: [
          index(['email'], { name: 'users_email' }),
          index(['email'], { name: 'users_email_trgm', method: 'gin', keys: [{ opclass: 'gin_trgm_ops' }] }),
        ],
      }),
      actual: emailDb({ indexes: [index(['email'], { name: 'users_email' })] }),
      findings: [
        {
          severity: 'warning',
          table: 'users',
          column: 'email',
          message: 'users has no index users_email_trgm on (email gin_trgm_ops) USING gin that User (typeorm) declares: queries on it scan the table',
          expected: { columns: ['email'], name: 'users_email_trgm', method: 'gin', keys: ['email gin_trgm_ops'] },
          actual: null,
        },
      ],
    },
    {
      name: 'an expression index dropped: named with its keys',
      expected: emailModel({ indexes: [index([], { name: 'users_email_lower', expressions: ['lower("email")'], keys: [{ descending: true }] })] }),
      actual: emailDb(),
      findings: [
        {
          severity: 'warning',
          table: 'users',
          message: 'users has no expression index users_email_lower on (lower("email") DESC) that User (typeorm) declares: queries on it scan the table',
          expected: { name: 'users_email_lower', keys: ['lower("email") DESC'] },
          actual: null,
        },
      ],
    },
    {
      name: 'an index on the leading column of a composite primary key: served by it, and said so',
      expected: schema([
        table('members', [column('org_id', 'integer'), column('user_id', 'integer')], { primaryKey: ['org_id', 'user_id'], indexes: [index(['org_id'])] }),
      ]),
      actual: schema([dbTable('members', [column('org_id', 'integer'), column('user_id', 'integer')], { primaryKey: ['org_id', 'user_id'] })]),
      findings: [
        {
          severity: 'warning',
          table: 'members',
          column: 'org_id',
          message:
            'members has no index on (org_id) that User (typeorm) declares, but its primary key on (org_id, user_id) leads with the same columns and serves the same lookups',
          actual: { servedBy: { columns: ['org_id', 'user_id'], primaryKey: true } },
        },
      ],
    },
  ],
});

import { column, dbTable, index, schema, table, unique } from '../support/models.ts';
import { User, id, email, emailModel, emailDb } from '../support/rule-fixtures.ts';
import { ruleTester } from '../support/rule-tester.ts';

ruleTester('missing-unique', {
  valid: [
    {
      name: 'a unique constraint',
      expected: emailModel({ uniques: [unique(['email'])] }),
      actual: emailDb({ uniques: [unique(['email'], { name: 'UQ_97672ac88f789774dd47f7c8be3' })] }),
    },
    {
      name: 'a unique index',
      expected: emailModel({ uniques: [unique(['email'])] }),
      actual: emailDb({ uniques: [unique(['email'], { name: 'users_email_idx' })] }),
    },
    {
      name: 'a differently named constraint',
      expected: emailModel({ uniques: [unique(['email'], { name: 'users_email_key' })] }),
      actual: emailDb({ uniques: [unique(['email'], { name: 'Tags_label_key' })] }),
    },
    {
      name: 'the primary key',
      expected: schema([table('users', [id], { uniques: [unique(['id'])] })]),
      actual: schema([dbTable('users', [id], { primaryKey: ['id'] })]),
    },
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
    {
      name: 'a unique on the same columns that treats NULLs otherwise is unique-mismatch business',
      expected: emailModel({ uniques: [unique(['email'], { nullsNotDistinct: true })] }),
      actual: emailDb({ uniques: [unique(['email'])] }),
    },
  ],
  invalid: [
    {
      name: 'only an INVALID unique index (a CREATE UNIQUE INDEX CONCURRENTLY that failed on duplicates): an error',
      expected: emailModel({ uniques: [unique(['email'], { name: 'users_email_uq' })] }),
      actual: emailDb({
        uniques: [unique(['email'], { name: 'users_email_uq', invalid: true })],
        indexes: [index(['email'], { name: 'users_email_uq', invalid: true })],
      }),
      findings: [
        {
          severity: 'error',
          table: 'users',
          column: 'email',
          message:
            'users has no valid unique constraint or unique index users_email_uq on (email) that User (typeorm) declares: its unique index users_email_uq on (email) is INVALID (a CREATE UNIQUE INDEX CONCURRENTLY that failed, on duplicate rows for one): duplicates can be stored, and INSERT ... ON CONFLICT (email) fails; remove the duplicates, then drop it and build it again (DROP INDEX CONCURRENTLY, then CREATE UNIQUE INDEX CONCURRENTLY)',
          expected: { columns: ['email'], name: 'users_email_uq' },
          actual: { columns: ['email'], invalid: true, name: 'users_email_uq' },
        },
      ],
    },
    {
      name: 'a declared unnamed full unique with only a partial unique index on its columns: says it is partial',
      expected: emailModel({ uniques: [unique(['email'])] }),
      actual: emailDb({ uniques: [unique(['email'], { name: 'users_email_live', where: '(deleted_at IS NULL)' })] }),
      findings: [
        {
          severity: 'error',
          table: 'users',
          column: 'email',
          message:
            'users has no unique constraint or unique index on (email) that User (typeorm) declares: its unique index users_email_live on (email) is partial (WHERE (deleted_at IS NULL)), so duplicates outside the predicate can be stored, and INSERT ... ON CONFLICT (email) without that WHERE fails',
          expected: { columns: ['email'] },
          actual: null,
        },
      ],
    },
    {
      name: 'a declared partial unique on the primary key columns dropped: covered by the primary key',
      expected: emailModel({ uniques: [unique(['id'], { name: 'users_live_id', where: '"deleted_at" IS NULL' })] }),
      actual: emailDb(),
      findings: [{ severity: 'warning', table: 'users', column: 'id', actual: { coveredBy: { columns: ['id'], primaryKey: true } } }],
    },
    {
      name: 'a declared partial unique dropped beside the declared full one: covered, a warning',
      expected: emailModel({
        uniques: [unique(['email'], { name: 'users_email_key' }), unique(['email'], { name: 'users_email_live', where: '"deleted_at" IS NULL' })],
      }),
      actual: emailDb({ uniques: [unique(['email'], { name: 'users_email_key' })] }),
      findings: [
        {
          severity: 'warning',
          table: 'users',
          column: 'email',
          message:
            'users has no unique index users_email_live on (email) WHERE "deleted_at" IS NULL that User (typeorm) declares, but it is covered by its unique users_email_key on (email) over every row, which the models declare too: it rejects every duplicate the partial one would and is the arbiter of INSERT ... ON CONFLICT (email) WHERE "deleted_at" IS NULL',
          expected: { columns: ['email'], name: 'users_email_live', where: '"deleted_at" IS NULL' },
          actual: { coveredBy: { columns: ['email'], name: 'users_email_key' } },
        },
      ],
    },
    {
      name: 'a declared partial unique dropped beside a declared full one that is NULLS DISTINCT where it is NOT DISTINCT: not covered',
      expected: emailModel({
        uniques: [
          unique(['email'], { name: 'users_email_key' }),
          unique(['email'], { name: 'users_email_live', where: '"deleted_at" IS NULL', nullsNotDistinct: true }),
        ],
      }),
      actual: emailDb({ uniques: [unique(['email'], { name: 'users_email_key' })] }),
      findings: [{ severity: 'error', table: 'users', column: 'email' }],
    },
    {
      name: 'a unique expression index dropped: duplicates can be stored',
      expected: emailModel({ indexes: [index([], { name: 'users_email_lower', expressions: ['lower("email")'], unique: true })] }),
      actual: emailDb(),
      findings: [
        {
          severity: 'error',
          table: 'users',
          message:
            'users has no unique index users_email_lower on (lower("email")) that User (typeorm) declares: duplicates of (lower("email")) can be stored, and INSERT ... ON CONFLICT (lower("email")) fails (no unique or exclusion constraint matching)',
          expected: { unique: true, expressions: ['lower("email")'], name: 'users_email_lower' },
          actual: null,
        },
      ],
    },
    {
      name: 'a unique expression index of the declared name on other expressions: the declared uniqueness is lost',
      expected: emailModel({ indexes: [index([], { name: 'users_email_lower', expressions: ['lower("email")'], unique: true })] }),
      actual: emailDb({ indexes: [index([], { name: 'users_email_lower', expressions: ['lower(name)'], unique: true })] }),
      findings: [
        {
          severity: 'error',
          table: 'users',
          message:
            'users has no unique index users_email_lower on (lower("email")) that User (typeorm) declares (it has the index users_email_lower on (lower(name))): duplicates of (lower("email")) can be stored, and INSERT ... ON CONFLICT (lower("email")) fails (no unique or exclusion constraint matching)',
          expected: { unique: true, expressions: ['lower("email")'], name: 'users_email_lower' },
          actual: { expressions: ['lower(name)'], unique: true, name: 'users_email_lower' },
        },
      ],
    },
    {
      name: 'a named unique absent: named, so the user knows which declaration is gone',
      expected: emailModel({ uniques: [unique(['email'], { name: 'UQ_users_email' })] }),
      actual: emailDb(),
      findings: [
        {
          severity: 'error',
          table: 'users',
          column: 'email',
          message: 'users has no unique constraint or unique index "UQ_users_email" on (email) that User (typeorm) declares: duplicates can be stored',
          expected: { columns: ['email'], name: 'UQ_users_email' },
          actual: null,
        },
      ],
    },
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
      name: 'NULLS NOT DISTINCT declared, only a partial NULLS NOT DISTINCT index',
      expected: emailModel({ uniques: [unique(['email'], { nullsNotDistinct: true })] }),
      actual: emailDb({ uniques: [unique(['email'], { nullsNotDistinct: true, where: '(deleted_at IS NULL)' })] }),
      findings: [{ severity: 'error', table: 'users', column: 'email', expected: { columns: ['email'], nullsNotDistinct: true } }],
    },
    {
      name: 'a partial unique index on the declared columns is not a unique on them',
      expected: emailModel({ uniques: [unique(['org_id', 'email'])] }),
      actual: emailDb({ uniques: [unique(['org_id', 'email'], { where: '(deleted_at IS NULL)' })] }),
      findings: [{ severity: 'error', table: 'users', expected: { columns: ['org_id', 'email'] } }],
    },
    {
      name: 'a declared partial unique has its predicate in the message',
      expected: emailModel({ uniques: [unique(['email'], { where: 'deleted_at IS NULL' })] }),
      actual: emailDb(),
      findings: [
        {
          severity: 'error',
          table: 'users',
          column: 'email',
          message: 'users has no unique constraint or unique index on (email) WHERE deleted_at IS NULL that User (typeorm) declares: duplicates can be stored',
          expected: { columns: ['email'], where: 'deleted_at IS NULL' },
          actual: null,
        },
      ],
    },
    {
      name: 'the declared partial unique index exists under its name without UNIQUE',
      expected: emailModel({ uniques: [unique(['email'], { name: 'users_live_email', where: 'deleted_at IS NULL' })] }),
      actual: emailDb({ indexes: [index(['email'], { name: 'users_live_email', where: '(deleted_at IS NULL)' })] }),
      findings: [
        {
          severity: 'error',
          table: 'users',
          column: 'email',
          message:
            'users has the index users_live_email on (email) WHERE (deleted_at IS NULL) without UNIQUE, but User (typeorm) declares it unique: duplicates can be stored, and INSERT ... ON CONFLICT (email) WHERE deleted_at IS NULL fails (no unique or exclusion constraint matching)',
          expected: { columns: ['email'], unique: true, name: 'users_live_email', where: 'deleted_at IS NULL' },
          actual: { columns: ['email'], unique: false, name: 'users_live_email', where: '(deleted_at IS NULL)' },
        },
      ],
    },
    {
      name: 'the declared partial unique index exists without UNIQUE over other rows: one finding names both predicates',
      expected: emailModel({ uniques: [unique(['email'], { name: 'users_live_email', where: 'deleted_at IS NULL' })] }),
      actual: emailDb({ indexes: [index(['email'], { name: 'users_live_email', where: '(deleted_at IS NOT NULL)' })] }),
      findings: [
        {
          severity: 'error',
          table: 'users',
          column: 'email',
          message:
            'users has the index users_live_email on (email) WHERE (deleted_at IS NOT NULL) without UNIQUE, but User (typeorm) declares a unique index users_live_email on (email) WHERE deleted_at IS NULL: duplicates can be stored, and INSERT ... ON CONFLICT (email) WHERE deleted_at IS NULL fails (no unique or exclusion constraint matching)',
        },
      ],
    },
    {
      name: 'an unnamed partial unique: a non-unique index with its predicate is the declared one',
      expected: emailModel({ uniques: [unique(['email'], { where: 'deleted_at IS NULL' })] }),
      actual: emailDb({ indexes: [index(['email'], { name: 'users_email_live', where: '(deleted_at IS NULL)' })] }),
      findings: [
        {
          severity: 'error',
          table: 'users',
          column: 'email',
          actual: { columns: ['email'], unique: false, name: 'users_email_live', where: '(deleted_at IS NULL)' },
        },
      ],
    },
    {
      name: 'a declared full unique exists under its name as a plain index',
      expected: emailModel({ uniques: [unique(['email'], { name: 'users_email_key' })] }),
      actual: emailDb({ indexes: [index(['email'], { name: 'users_email_key' })] }),
      findings: [
        {
          severity: 'error',
          table: 'users',
          column: 'email',
          message:
            'users has the index users_email_key on (email) without UNIQUE, but User (typeorm) declares it unique: duplicates can be stored, and INSERT ... ON CONFLICT (email) fails (no unique or exclusion constraint matching)',
        },
      ],
    },
    {
      name: 'a non-unique index on the column does not count',
      expected: emailModel({ uniques: [unique(['email'])] }),
      actual: emailDb({ indexes: [index(['email'], { name: 'users_email' })] }),
      findings: [{ severity: 'error', table: 'users', column: 'email' }],
    },
    {
      name: 'a unique index of the declared name rebuilt on more columns: the declared column repeats, the name is taken',
      expected: emailModel({ uniques: [unique(['email'], { name: 'users_email_uq' })] }),
      actual: emailDb({
        uniques: [unique(['email', 'org_id'], { name: 'users_email_uq' })],
        indexes: [index(['email', 'org_id'], { name: 'users_email_uq' })],
      }),
      findings: [
        {
          severity: 'error',
          table: 'users',
          column: 'email',
          message:
            'users has no unique constraint or unique index on (email) that User (typeorm) declares: its unique index users_email_uq on (email, org_id) holds the declared name users_email_uq on other keys, so duplicates of (email) can be stored (only (email, org_id) together is unique), and INSERT ... ON CONFLICT (email) fails (no unique or exclusion constraint matching)',
          expected: { columns: ['email'], name: 'users_email_uq' },
          actual: { columns: ['email', 'org_id'], unique: true, name: 'users_email_uq' },
        },
      ],
    },
    {
      name: 'a unique constraint of the declared name on more columns: named a constraint',
      expected: emailModel({ uniques: [unique(['email'], { name: 'users_email_key' })] }),
      actual: emailDb({ uniques: [unique(['org_id', 'email'], { name: 'users_email_key' })] }),
      findings: [
        {
          severity: 'error',
          table: 'users',
          column: 'email',
          message:
            'users has no unique constraint or unique index on (email) that User (typeorm) declares: its unique constraint users_email_key on (org_id, email) holds the declared name users_email_key on other keys, so duplicates of (email) can be stored (only (org_id, email) together is unique), and INSERT ... ON CONFLICT (email) fails (no unique or exclusion constraint matching)',
          expected: { columns: ['email'], name: 'users_email_key' },
          actual: { columns: ['org_id', 'email'], unique: true, name: 'users_email_key', constraint: true },
        },
      ],
    },
    {
      name: 'an index of the declared name on other columns without UNIQUE: the unique dropped and rebuilt otherwise',
      expected: emailModel({ uniques: [unique(['email'], { name: 'users_email_uq' })] }),
      actual: emailDb({ indexes: [index(['email', 'org_id'], { name: 'users_email_uq' })] }),
      findings: [
        {
          severity: 'error',
          table: 'users',
          column: 'email',
          message:
            'users has no unique constraint or unique index on (email) that User (typeorm) declares: its index users_email_uq on (email, org_id) without UNIQUE holds the declared name users_email_uq on other keys, so duplicates of (email) can be stored, and INSERT ... ON CONFLICT (email) fails (no unique or exclusion constraint matching)',
          expected: { columns: ['email'], name: 'users_email_uq' },
          actual: { columns: ['email', 'org_id'], unique: false, name: 'users_email_uq' },
        },
      ],
    },
    {
      name: 'a unique expression index of the declared name: the database enforces another uniqueness',
      expected: emailModel({ uniques: [unique(['email'], { name: 'users_email_uq' })] }),
      actual: emailDb({ indexes: [index([], { name: 'users_email_uq', expressions: ['lower((email)::text)'], unique: true })] }),
      findings: [
        {
          severity: 'error',
          table: 'users',
          column: 'email',
          message:
            'users has no unique constraint or unique index on (email) that User (typeorm) declares: its unique index users_email_uq on (lower((email)::text)) holds the declared name users_email_uq on other keys, so the database enforces uniqueness of (lower((email)::text)), not of (email), and INSERT ... ON CONFLICT (email) fails (no unique or exclusion constraint matching)',
          expected: { columns: ['email'], name: 'users_email_uq' },
          actual: { expressions: ['lower((email)::text)'], unique: true, name: 'users_email_uq' },
        },
      ],
    },
    {
      name: 'a composite unique of the declared name rebuilt on one of its columns: it rejects rows the models allow',
      expected: emailModel({ uniques: [unique(['org_id', 'email'], { name: 'users_org_email_uq' })] }),
      actual: emailDb({ uniques: [unique(['email'], { name: 'users_org_email_uq' })], indexes: [index(['email'], { name: 'users_org_email_uq' })] }),
      findings: [
        {
          severity: 'error',
          table: 'users',
          message:
            'users has no unique constraint or unique index on (org_id, email) that User (typeorm) declares: its unique index users_org_email_uq on (email) holds the declared name users_org_email_uq on other keys, so (org_id, email) cannot repeat, but a write that repeats (email) fails, though the models allow it, and INSERT ... ON CONFLICT (org_id, email) fails (no unique or exclusion constraint matching)',
          expected: { columns: ['org_id', 'email'], name: 'users_org_email_uq' },
          actual: { columns: ['email'], unique: true, name: 'users_org_email_uq' },
        },
      ],
    },
    {
      name: "a unique of the declared name that another declared unique stands on is that one's: missing, not rebuilt",
      expected: emailModel({
        uniques: [unique(['email'], { name: 'users_email_uq' }), unique(['email', 'org_id'], { name: 'users_email_org_uq' })],
      }),
      actual: emailDb({ uniques: [unique(['email', 'org_id'], { name: 'users_email_uq' })] }),
      findings: [{ severity: 'error', table: 'users', column: 'email', actual: null }],
    },
  ],
});

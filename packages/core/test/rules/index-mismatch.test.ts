/** The `index-mismatch` rule: a declared index that exists on the same columns, but differs. */
import { column, dbTable, index, schema, table, unique } from '../support/models.ts';
import { emailDb, emailModel, id } from '../support/rule-fixtures.ts';
import { ruleTester } from '../support/rule-tester.ts';

ruleTester('index-mismatch', {
  valid: [
    { name: 'the full index exists', expected: emailModel({ indexes: [index(['email'])] }), actual: emailDb({ indexes: [index(['email'])] }) },
    {
      name: 'a full and a partial index on the same columns',
      expected: emailModel({ indexes: [index(['email'])] }),
      actual: emailDb({ indexes: [index(['email'], { where: '(deleted_at IS NULL)' }), index(['email'])] }),
    },
    {
      name: "an index of the declared name that another declared index is built as exactly is that one's",
      expected: emailModel({ indexes: [index(['org_id', 'email'], { name: 'users_org_email' }), index(['email', 'org_id'])] }),
      actual: emailDb({ indexes: [index(['email', 'org_id'], { name: 'users_org_email' })] }),
    },
    { name: 'no index at all is missing-index business', expected: emailModel({ indexes: [index(['email'])] }), actual: emailDb() },
    {
      name: 'a partial index in another column order is missing-index business',
      expected: emailModel({ indexes: [index(['email', 'org_id'])] }),
      actual: emailDb({ indexes: [index(['org_id', 'email'], { where: '(deleted_at IS NULL)' })] }),
    },
    {
      name: 'the same method, operator class and order',
      expected: emailModel({ indexes: [index(['email', 'org_id'], { method: 'gin', keys: [{ opclass: 'gin_trgm_ops' }, {}] })] }),
      actual: emailDb({ indexes: [index(['email', 'org_id'], { method: 'gin', keys: [{ opclass: 'gin_trgm_ops' }] })] }),
    },
    {
      name: 'DESC is DESC NULLS FIRST: the nulls order written or left to the direction is one',
      expected: emailModel({ indexes: [index(['email'], { keys: [{ descending: true, nullsFirst: true }] })] }),
      actual: emailDb({ indexes: [index(['email'], { keys: [{ descending: true }] })] }),
    },
    {
      name: 'one predicate in two spellings (parentheses, case, spaces)',
      expected: emailModel({ indexes: [index(['email'], { where: '"deleted_at"  is null' })] }),
      actual: emailDb({ indexes: [index(['email'], { where: '("deleted_at" IS NULL)' })] }),
    },
    {
      name: 'an expression index of the declared name on the same expressions, in another spelling',
      expected: emailModel({ indexes: [index([], { name: 'users_email_lower', expressions: ['LOWER( email )'] })] }),
      actual: emailDb({ indexes: [index([], { name: 'users_email_lower', expressions: ['lower(email)'] })] }),
    },
    {
      name: 'a unique expression index of the declared name that is unique',
      expected: emailModel({ indexes: [index([], { name: 'users_email_lower', expressions: ['lower(email)'], unique: true })] }),
      actual: emailDb({ indexes: [index([], { name: 'users_email_lower', expressions: ['lower(email)'], unique: true })] }),
    },
    {
      name: 'one key collation, quoted by the model and bare in the catalog',
      expected: emailModel({ indexes: [index(['email'], { keys: [{ collation: '"C"' }] })] }),
      actual: emailDb({ indexes: [index(['email'], { keys: [{ collation: 'C' }] })] }),
    },
    {
      name: 'a key declared COLLATE "C" on a column the database holds collated "C": the key is "C" there too',
      expected: emailModel({ indexes: [index(['email'], { keys: [{ collation: '"C"' }] })] }),
      actual: collatedEmailDb('C', { indexes: [index(['email'], { name: 'users_email_c' })] }),
    },
    {
      name: 'a key declared COLLATE "C", collated "C" by its own clause and by its column, DESC',
      expected: emailModel({ indexes: [index(['email'], { keys: [{ collation: 'C', descending: true }] })] }),
      actual: collatedEmailDb('C', { indexes: [index(['email'], { keys: [{ descending: true }] })] }),
    },
    {
      name: 'a key that names no collation on a column the model declares "C" and the database holds "C"',
      expected: schema([table('users', [id, column('email', 'varchar(255)', { collation: 'C' })], { indexes: [index(['email'])] })]),
      actual: emailDb({ indexes: [index(['email'], { keys: [{ collation: 'C' }] })] }),
    },
    {
      name: 'keys that name no collation follow their columns on both sides (a column finding reports the column)',
      expected: emailModel({ indexes: [index(['email'])] }),
      actual: collatedEmailDb('C', { indexes: [index(['email'])] }),
    },
    {
      name: 'a one-key btree built DESC where ASC is declared: a backward scan serves every order the declared one does',
      expected: emailModel({ indexes: [index(['email'])] }),
      actual: emailDb({ indexes: [index(['email'], { keys: [{ descending: true }] })] }),
    },
    {
      name: 'every key of a btree reversed together (ASC NULLS FIRST for DESC NULLS LAST, and DESC for ASC)',
      expected: emailModel({ indexes: [index(['org_id', 'email'], { keys: [{ descending: true, nullsFirst: false }, {}] })] }),
      actual: emailDb({ indexes: [index(['org_id', 'email'], { keys: [{ nullsFirst: true }, { descending: true }] })] }),
    },
    {
      name: 'a declared unique expression index of its name on other expressions: missing-unique says the lost uniqueness',
      expected: emailModel({ indexes: [index([], { name: 'users_email_lower', expressions: ['lower("email")'], unique: true })] }),
      actual: emailDb({ indexes: [index([], { name: 'users_email_lower', expressions: ['upper(email)'] })] }),
    },
  ],
  invalid: [
    {
      name: 'an expression index of the declared name on other expressions',
      expected: emailModel({ indexes: [index([], { name: 'users_email_lower', expressions: ['lower("email")', 'org_id'] })] }),
      actual: emailDb({ indexes: [index([], { name: 'users_email_lower', expressions: ['org_id', 'lower(email)'] })] }),
      findings: [
        {
          severity: 'warning',
          table: 'users',
          message:
            'users has the index users_email_lower on (org_id, lower(email)), but User (typeorm) declares it on (lower("email"), org_id): queries on the declared expressions do not use it',
          expected: { expressions: ['lower("email")', 'org_id'] },
          actual: { expressions: ['org_id', 'lower(email)'], name: 'users_email_lower' },
        },
      ],
    },
    {
      name: 'an index of the declared name on a plain column where the model declares an expression',
      expected: emailModel({ indexes: [index([], { name: 'users_email_lower', expressions: ['lower(email)'] })] }),
      actual: emailDb({ indexes: [index(['email'], { name: 'users_email_lower' })] }),
      findings: [{ severity: 'warning', table: 'users' }],
    },
    {
      name: 'only a partial index on the same columns',
      expected: emailModel({ indexes: [index(['email'])] }),
      actual: emailDb({ indexes: [index(['email'], { where: '(deleted_at IS NULL)' })] }),
      findings: [
        {
          severity: 'warning',
          table: 'users',
          column: 'email',
          expected: { columns: ['email'] },
          actual: { columns: ['email'], where: '(deleted_at IS NULL)' },
        },
      ],
    },
    {
      name: 'only a partial unique index on the same columns',
      expected: emailModel({ indexes: [index(['email'])] }),
      actual: emailDb({ uniques: [unique(['email'], { where: '(deleted_at IS NULL)' })] }),
      findings: [{ severity: 'warning', table: 'users', column: 'email' }],
    },
    {
      name: 'a spatial (GiST) index re-created USING btree under the same name',
      expected: emailModel({ indexes: [index(['email'], { name: 'IDX_users_email', method: 'gist' })] }),
      actual: emailDb({ indexes: [index(['email'], { name: 'IDX_users_email' })] }),
      findings: [
        {
          severity: 'warning',
          table: 'users',
          column: 'email',
          message:
            'users has the index "IDX_users_email" on (email) USING btree, but User (typeorm) declares USING gist: a btree index cannot serve the operators a gist one does',
          expected: { columns: ['email'], method: 'gist' },
          actual: { columns: ['email'], method: 'btree', name: 'IDX_users_email' },
        },
      ],
    },
    {
      name: 'a trigram GIN index re-created as a plain btree names method and operator class',
      expected: emailModel({ indexes: [index(['email'], { method: 'gin', keys: [{ opclass: 'gin_trgm_ops' }] })] }),
      actual: emailDb({ indexes: [index(['email'], { name: 'users_email' })] }),
      findings: [
        {
          severity: 'warning',
          table: 'users',
          column: 'email',
          message:
            'users has the index users_email on (email) USING btree, but User (typeorm) declares USING gin (email gin_trgm_ops): a btree index cannot serve the operators a gin one does',
          expected: { columns: ['email'], method: 'gin', keys: ['email gin_trgm_ops'] },
          actual: { columns: ['email'], method: 'btree', keys: ['email'], name: 'users_email' },
        },
      ],
    },
    {
      name: 'a default operator class given parameters names the class with them',
      expected: emailModel({ indexes: [index(['email'], { name: 'users_email_words', method: 'gist' })] }),
      actual: emailDb({
        indexes: [index(['email'], { name: 'users_email_words', method: 'gist', keys: [{ opclass: 'tsvector_ops', opclassParameters: 'siglen=100' }] })],
      }),
      findings: [
        {
          severity: 'warning',
          table: 'users',
          column: 'email',
          message:
            'users has the index users_email_words on (email) with keys (email tsvector_ops(siglen=100)), but User (typeorm) declares (email): queries that need the declared operator class or order do not use it',
        },
      ],
    },
    {
      name: 'an index of the declared name on the same columns swapped',
      expected: emailModel({ indexes: [index(['org_id', 'email'], { name: 'accounts_org_email' })] }),
      actual: emailDb({ indexes: [index(['email', 'org_id'], { name: 'accounts_org_email' })] }),
      findings: [
        {
          severity: 'warning',
          table: 'users',
          message:
            'users has the index accounts_org_email on (email, org_id), but User (typeorm) declares it on (org_id, email): it does not serve every query the declared one does',
          expected: { columns: ['org_id', 'email'] },
          actual: { columns: ['email', 'org_id'], name: 'accounts_org_email' },
        },
      ],
    },
    {
      name: 'an index of the declared name built as another declared index that has its own is still this one',
      expected: emailModel({
        indexes: [index(['org_id', 'email'], { name: 'users_org_email' }), index(['email'], { name: 'users_live_email', where: 'deleted_at IS NULL' })],
      }),
      actual: emailDb({
        indexes: [index(['email'], { name: 'users_org_email' }), index(['email'], { name: 'users_live_email', where: '(deleted_at IS NULL)' })],
      }),
      findings: [
        {
          severity: 'warning',
          table: 'users',
          message:
            'users has the index users_org_email on (email), but User (typeorm) declares it on (org_id, email): it does not serve every query the declared one does',
        },
      ],
    },
    {
      name: 'an index of the declared name USING hash on one of its columns names both methods',
      expected: emailModel({ indexes: [index(['org_id', 'email'], { name: 'accounts_org_email' })] }),
      actual: emailDb({ indexes: [index(['email'], { name: 'accounts_org_email', method: 'hash' })] }),
      findings: [
        {
          severity: 'warning',
          table: 'users',
          message:
            'users has the index accounts_org_email USING hash on (email), but User (typeorm) declares it USING btree on (org_id, email): it does not serve every query the declared one does',
          expected: { columns: ['org_id', 'email'], method: 'btree' },
          actual: { columns: ['email'], method: 'hash', name: 'accounts_org_email' },
        },
      ],
    },
    {
      name: 'a GIN index of the declared name with an extra key',
      expected: emailModel({ indexes: [index(['email'], { name: 'users_email_trgm', method: 'gin', keys: [{ opclass: 'gin_trgm_ops' }] })] }),
      actual: emailDb({
        indexes: [index(['email', 'org_id'], { name: 'users_email_trgm', method: 'gin', keys: [{ opclass: 'gin_trgm_ops' }, { opclass: 'gin_trgm_ops' }] })],
      }),
      findings: [
        {
          severity: 'warning',
          table: 'users',
          column: 'email',
          message:
            'users has the index users_email_trgm on (email gin_trgm_ops, org_id gin_trgm_ops), but User (typeorm) declares it on (email gin_trgm_ops): it does not serve every query the declared one does',
        },
      ],
    },
    {
      name: 'a btree index of the declared name with a key added after the declared ones: serves every query, only larger',
      expected: emailModel({ indexes: [index(['email'], { name: 'users_email' })] }),
      actual: emailDb({ indexes: [index(['email', 'org_id'], { name: 'users_email' })] }),
      findings: [
        {
          severity: 'warning',
          table: 'users',
          column: 'email',
          message:
            'users has the index users_email on (email, org_id), but User (typeorm) declares it on (email): it serves every query the declared one does, but it is larger, so each write that changes its keys updates more and each lookup reads more',
          expected: { columns: ['email'] },
          actual: { columns: ['email', 'org_id'], name: 'users_email' },
        },
      ],
    },
    {
      name: 'a full index where a partial one is declared: serves every query, but indexes every row',
      expected: emailModel({ indexes: [index(['email'], { name: 'users_email_live', where: 'deleted_at IS NULL' })] }),
      actual: emailDb({ indexes: [index(['email'], { name: 'users_email_live' })] }),
      findings: [
        {
          severity: 'warning',
          table: 'users',
          column: 'email',
          message:
            'users has the index users_email_live on (email), but User (typeorm) declares it on (email) WHERE deleted_at IS NULL: it serves every query the declared one does, but it is larger (it indexes every row, not only those of the predicate), so each write updates it and each lookup reads more',
          expected: { columns: ['email'], where: 'deleted_at IS NULL' },
          actual: { columns: ['email'], name: 'users_email_live' },
        },
      ],
    },
    {
      name: 'an index with INCLUDE columns the models do not declare: serves every query, but carries more',
      expected: emailModel({ indexes: [index(['email'], { name: 'users_email' })] }),
      actual: emailDb({ indexes: [index(['email'], { name: 'users_email', include: ['org_id'] })] }),
      findings: [
        {
          severity: 'warning',
          table: 'users',
          column: 'email',
          message:
            'users has the index users_email on (email) INCLUDE (org_id), but User (typeorm) declares it on (email): it serves every query the declared one does, but it is larger (it carries org_id too), so each write that changes its columns updates more and each lookup reads more',
          expected: { columns: ['email'] },
          actual: { columns: ['email'], include: ['org_id'], name: 'users_email' },
        },
      ],
    },
    {
      name: 'INCLUDE columns and every row, with a key added: serves every query, larger for each reason',
      expected: emailModel({ indexes: [index(['email'], { name: 'users_email', where: 'deleted_at IS NULL' })] }),
      actual: emailDb({ indexes: [index(['email', 'org_id'], { name: 'users_email', include: ['name'] })] }),
      findings: [
        {
          severity: 'warning',
          table: 'users',
          column: 'email',
          message:
            'users has the index users_email on (email, org_id) INCLUDE (name), but User (typeorm) declares it on (email) WHERE deleted_at IS NULL: it serves every query the declared one does, but it is larger (it carries name too; it indexes every row, not only those of the predicate), so each write updates it and each lookup reads more',
        },
      ],
    },
    {
      name: 'an INCLUDE column the declared index carries is missing: index-only scans read the table',
      expected: emailModel({ indexes: [index(['email'], { name: 'users_email', include: ['org_id'] })] }),
      actual: emailDb({ indexes: [index(['email'], { name: 'users_email' })] }),
      findings: [
        {
          severity: 'warning',
          table: 'users',
          column: 'email',
          message:
            'users has the index users_email on (email), but User (typeorm) declares it INCLUDE (org_id): index-only scans that need org_id read the table instead',
          expected: { columns: ['email'], include: ['org_id'] },
        },
      ],
    },
    {
      name: 'a partial index of the declared name on other keys is built otherwise, not larger',
      expected: emailModel({ indexes: [index(['email'], { name: 'users_email', where: 'deleted_at IS NULL' })] }),
      actual: emailDb({ indexes: [index(['org_id'], { name: 'users_email' })] }),
      findings: [
        {
          severity: 'warning',
          table: 'users',
          column: 'email',
          message:
            'users has the index users_email on (org_id), but User (typeorm) declares it on (email): it does not serve every query the declared one does',
        },
      ],
    },
    {
      name: 'the default operator class with other parameters: queries use it, its size differs',
      expected: emailModel({ indexes: [index(['email'], { name: 'users_email_gist', method: 'gist' })] }),
      actual: emailDb({
        indexes: [
          index(['email'], {
            name: 'users_email_gist',
            method: 'gist',
            keys: [{ opclass: 'gist_trgm_ops', opclassParameters: 'siglen=100', defaultOpclass: 'gist_trgm_ops' }],
          }),
        ],
      }),
      findings: [
        {
          severity: 'warning',
          table: 'users',
          column: 'email',
          message:
            'users has the index users_email_gist on (email) with keys (email gist_trgm_ops(siglen=100)), but User (typeorm) declares (email): the same operator class with other parameters, so queries use it as they would the declared one, but its size and how many rows each lookup rechecks differ',
        },
      ],
    },
    {
      name: 'a declared operator class with other parameters: queries use it, its size differs',
      expected: emailModel({ indexes: [index(['email'], { name: 'users_email_gist', method: 'gist', keys: [{ opclass: 'gist_trgm_ops(siglen=32)' }] })] }),
      actual: emailDb({
        indexes: [index(['email'], { name: 'users_email_gist', method: 'gist', keys: [{ opclass: 'gist_trgm_ops', opclassParameters: 'siglen=100' }] })],
      }),
      findings: [
        {
          severity: 'warning',
          table: 'users',
          column: 'email',
          message:
            'users has the index users_email_gist on (email) with keys (email gist_trgm_ops(siglen=100)), but User (typeorm) declares (email gist_trgm_ops(siglen=32)): the same operator class with other parameters, so queries use it as they would the declared one, but its size and how many rows each lookup rechecks differ',
        },
      ],
    },
    {
      name: 'a non-default operator class with parameters where the models declare none: another class',
      expected: emailModel({ indexes: [index(['email'], { name: 'users_email_gist', method: 'gist' })] }),
      actual: emailDb({
        indexes: [index(['email'], { name: 'users_email_gist', method: 'gist', keys: [{ opclass: 'gist_trgm_ops', opclassParameters: 'siglen=100' }] })],
      }),
      findings: [
        {
          severity: 'warning',
          table: 'users',
          column: 'email',
          message:
            'users has the index users_email_gist on (email) with keys (email gist_trgm_ops(siglen=100)), but User (typeorm) declares (email): queries that need the declared operator class or order do not use it',
        },
      ],
    },
    {
      name: 'an index of the declared name with one key dropped',
      expected: emailModel({ indexes: [index(['org_id', 'email'], { name: 'users_org_email' })] }),
      actual: emailDb({ indexes: [index(['org_id'], { name: 'users_org_email', keys: [{ nullsFirst: true }] })] }),
      findings: [
        {
          severity: 'warning',
          table: 'users',
          message:
            'users has the index users_org_email on (org_id NULLS FIRST), but User (typeorm) declares it on (org_id, email): it does not serve every query the declared one does',
        },
      ],
    },
    {
      name: 'an index of the declared name on an expression where the model declares columns',
      expected: emailModel({ indexes: [index(['email'], { name: 'users_email' })] }),
      actual: emailDb({ indexes: [index([], { name: 'users_email', expressions: ['lower(email)'] })] }),
      findings: [
        {
          severity: 'warning',
          table: 'users',
          column: 'email',
          message:
            'users has the index users_email on (lower(email)), but User (typeorm) declares it on (email): it does not serve every query the declared one does',
        },
      ],
    },
    {
      name: 'another sort order per key',
      expected: emailModel({ indexes: [index(['org_id', 'email'], { keys: [{}, { descending: true }] })] }),
      actual: emailDb({ indexes: [index(['org_id', 'email'], { name: 'users_org_email' })] }),
      findings: [
        {
          severity: 'warning',
          table: 'users',
          message:
            'users has the index users_org_email on (org_id, email) with keys (org_id, email), but User (typeorm) declares (org_id, email DESC): queries that need the declared operator class or order do not use it',
        },
      ],
    },
    {
      name: 'one key of two reversed: the declared order (org_id, email DESC) needs a sort',
      expected: emailModel({ indexes: [index(['org_id', 'email'])] }),
      actual: emailDb({ indexes: [index(['org_id', 'email'], { name: 'users_org_email', keys: [{}, { descending: true }] })] }),
      findings: [
        {
          severity: 'warning',
          table: 'users',
          message:
            'users has the index users_org_email on (org_id, email) with keys (org_id, email DESC), but User (typeorm) declares (org_id, email): queries that need the declared operator class or order do not use it',
        },
      ],
    },
    {
      name: 'DESC without reversing NULLS: not the declared order read backward',
      expected: emailModel({ indexes: [index(['email'])] }),
      actual: emailDb({ indexes: [index(['email'], { name: 'users_email_desc', keys: [{ descending: true, nullsFirst: false }] })] }),
      findings: [{ severity: 'warning', table: 'users', column: 'email' }],
    },
    {
      name: 'a GiST index is not a btree: no backward scan stands for it',
      expected: emailModel({ indexes: [index(['email'], { method: 'gist', keys: [{ descending: true }] })] }),
      actual: emailDb({ indexes: [index(['email'], { name: 'users_email_gist', method: 'gist' })] }),
      findings: [{ severity: 'warning', table: 'users', column: 'email' }],
    },
    {
      name: 'a key declared COLLATE "C" on a column the database holds collated "POSIX"',
      expected: emailModel({ indexes: [index(['email'], { keys: [{ collation: '"C"' }] })] }),
      actual: collatedEmailDb('POSIX', { indexes: [index(['email'], { name: 'users_email_c' })] }),
      findings: [
        {
          severity: 'warning',
          table: 'users',
          column: 'email',
          message:
            'users has the index users_email_c on (email) with keys (email), but User (typeorm) declares (email COLLATE "C"): queries under the declared collation do not use it',
        },
      ],
    },
    {
      name: 'a unique expression index that is not unique in the database is an error',
      expected: emailModel({ indexes: [index([], { name: 'users_email_lower', expressions: ['lower(email)'], unique: true })] }),
      actual: emailDb({ indexes: [index([], { name: 'users_email_lower', expressions: ['lower(email)'] })] }),
      findings: [
        {
          severity: 'error',
          table: 'users',
          message:
            'users has the index users_email_lower on (lower(email)) not unique, but User (typeorm) declares a unique one: duplicates can be stored, and ON CONFLICT on these expressions fails (no unique or exclusion constraint matching)',
          expected: { expressions: ['lower(email)'], unique: true },
          actual: { expressions: ['lower(email)'], unique: false, name: 'users_email_lower' },
        },
      ],
    },
    {
      name: 'an expression index unique in the database only: the database rejects what the models allow',
      expected: emailModel({ indexes: [index([], { name: 'users_email_lower', expressions: ['lower(email)'] })] }),
      actual: emailDb({ indexes: [index([], { name: 'users_email_lower', expressions: ['lower(email)'], unique: true })] }),
      findings: [
        {
          severity: 'warning',
          table: 'users',
          message:
            'users has the index users_email_lower on (lower(email)) unique, but User (typeorm) declares it not unique: the database rejects duplicate keys the models allow',
          expected: { expressions: ['lower(email)'], unique: false },
          actual: { expressions: ['lower(email)'], unique: true, name: 'users_email_lower' },
        },
      ],
    },
    {
      name: 'a key collated otherwise',
      expected: emailModel({ indexes: [index(['email'], { keys: [{ collation: 'C' }] })] }),
      actual: emailDb({ indexes: [index(['email'], { name: 'users_email_c' })] }),
      findings: [
        {
          severity: 'warning',
          table: 'users',
          column: 'email',
          message:
            'users has the index users_email_c on (email) with keys (email), but User (typeorm) declares (email COLLATE "C"): queries under the declared collation do not use it',
          expected: { columns: ['email'], keys: ['email COLLATE "C"'] },
          actual: { columns: ['email'], keys: ['email'], name: 'users_email_c' },
        },
      ],
    },
    {
      name: 'a key under a collation of another schema, which the search path does not find',
      expected: emailModel({ indexes: [index(['email'], { keys: [{ collation: 'fr' }] })] }),
      actual: emailDb({ indexes: [index(['email'], { name: 'users_email_fr', keys: [{ collation: 'fr', collationSchema: 'i18n' }] })] }),
      findings: [
        {
          severity: 'warning',
          table: 'users',
          column: 'email',
          message:
            'users has the index users_email_fr on (email) with keys (email COLLATE i18n.fr), but User (typeorm) declares (email COLLATE fr): queries under the declared collation do not use it',
        },
      ],
    },
    {
      name: 'the predicate of a partial index flipped',
      expected: emailModel({ indexes: [index(['email'], { where: '"deleted_at" IS NULL' })] }),
      actual: emailDb({ indexes: [index(['email'], { name: 'users_live_email', where: '(deleted_at IS NOT NULL)' })] }),
      findings: [
        {
          severity: 'warning',
          table: 'users',
          column: 'email',
          message:
            'users has the partial index users_live_email on (email) WHERE (deleted_at IS NOT NULL), but User (typeorm) declares WHERE "deleted_at" IS NULL: queries on the declared rows do not use it',
          expected: { columns: ['email'], where: '"deleted_at" IS NULL' },
          actual: { columns: ['email'], where: '(deleted_at IS NOT NULL)', name: 'users_live_email' },
        },
      ],
    },
  ],
});

/** users(id, email, org_id) in the database, its email column collated `collation`. */
function collatedEmailDb(collation: string, options: Parameters<typeof dbTable>[2] = {}) {
  return schema([dbTable('users', [id, column('email', 'varchar(255)', { collation }), column('org_id', 'integer')], { primaryKey: ['id'], ...options })]);
}

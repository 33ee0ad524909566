import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { typeormSource } from '@ormdrift/typeorm';
import { richDataSource, richSchemas } from './fixtures/typeorm/rich-entities.ts';
import { checkDatabase } from './support/check-database.ts';
import { checksEachMutation, dropConstraint, dropIndexOn, keepEnumValues, type Mutation } from './support/mutations.ts';
import { onOlderOrm } from './support/orm-matrix.ts';
import { createTestDatabase, type TestDatabase } from './support/test-database.ts';
import { synchronize } from './support/typeorm-sync.ts';

const mutations: Mutation[] = [
  // a column wider than the model's stores every value the model writes: a warning, the narrower direction an error
  ...(
    [
      ['balance', 'numeric(16,2)'],
      ['age', 'integer'],
      ['ratio', 'double precision'],
      ['lockedUntil', 'timestamp(6)'],
      ['labels', 'text[]'],
    ] as const
  ).map(
    ([column, type]): Mutation => ({
      name: `widen accounts.${column} to ${type}`,
      sql: `alter table accounts alter column "${column}" type ${type}`,
      findings: [{ code: 'column-type-mismatch', severity: 'warning', table: 'accounts', column }],
    }),
  ),
  {
    name: 'give accounts.score another scale: values are rounded',
    sql: 'alter table accounts alter column score type numeric(10,2)',
    findings: [{ code: 'column-type-mismatch', severity: 'error', table: 'accounts', column: 'score' }],
  },
  // a primary key TypeORM leaves out of its inserts, numbered by the database, given a constant default instead
  {
    name: 'replace the identity of a primary key by a constant default',
    versionSensitive: true,
    sql: 'alter table posts alter column id drop identity; alter table posts alter column id set default 1',
    findings: [{ code: 'default-mismatch', severity: 'error', table: 'posts', column: 'id' }],
  },
  {
    name: 'replace the sequence default of a serial primary key by a constant',
    sql: 'alter table contents alter column id set default 0',
    findings: [{ code: 'default-mismatch', severity: 'error', table: 'contents', column: 'id' }],
  },
  {
    name: "rebuild the index of @Index({ type: 'gin' }) as btree",
    versionSensitive: true,
    sql: 'drop index "IDX_accounts_labels"; create index "IDX_accounts_labels" on accounts (labels)',
    // TypeORM 0.3 has no index type: it built the index as btree in the first place
    findings: onOlderOrm ? [] : [{ code: 'index-mismatch', severity: 'warning', table: 'accounts', column: 'labels' }],
  },
  {
    name: "freeze the CURRENT_DATE default into today's date (SET DEFAULT 'now')",
    versionSensitive: true,
    sql: `alter table accounts alter column "joinedOn" set default 'now'`,
    findings: [{ code: 'default-mismatch', severity: 'warning', table: 'accounts', column: 'joinedOn' }],
  },
  {
    name: 'drop a column',
    sql: 'alter table posts drop column status',
    findings: [{ code: 'missing-column', severity: 'error', table: 'posts', column: 'status' }],
  },
  { name: 'drop a table', sql: 'drop table feature_flags', findings: [{ code: 'missing-table', severity: 'error', table: 'feature_flags' }] },
  {
    name: 'narrow a varchar',
    versionSensitive: true,
    sql: 'alter table posts alter column title type varchar(100)',
    findings: [{ code: 'column-type-mismatch', severity: 'error', table: 'posts', column: 'title' }],
  },
  {
    name: 'widen a varchar',
    sql: 'alter table posts alter column title type varchar(500)',
    findings: [{ code: 'column-type-mismatch', severity: 'warning', table: 'posts', column: 'title' }],
  },
  {
    name: 'change a type',
    sql: 'alter table accounts alter column karma type numeric',
    findings: [{ code: 'column-type-mismatch', severity: 'error', table: 'accounts', column: 'karma' }],
  },
  {
    name: 'change a type in a non-public schema',
    sql: 'alter table billing.invoices alter column total type numeric(12,3)',
    findings: [{ code: 'column-type-mismatch', severity: 'error', table: 'billing.invoices', column: 'total' }],
  },
  {
    name: 'set NOT NULL on a nullable column',
    sql: 'alter table accounts alter column age set not null',
    findings: [{ code: 'nullability-mismatch', severity: 'error', table: 'accounts', column: 'age' }],
  },
  {
    name: 'drop NOT NULL',
    sql: 'alter table posts alter column title drop not null',
    findings: [{ code: 'nullability-mismatch', severity: 'warning', table: 'posts', column: 'title' }],
  },
  {
    name: 'drop a default the model relies on',
    versionSensitive: true,
    sql: 'alter table posts alter column status drop default',
    findings: [{ code: 'default-mismatch', severity: 'error', table: 'posts', column: 'status' }],
  },
  {
    name: 'change a default',
    versionSensitive: true,
    sql: `alter table posts alter column status set default 'published'`,
    findings: [{ code: 'default-mismatch', severity: 'warning', table: 'posts', column: 'status' }],
  },
  {
    name: 'drop a foreign key',
    sql: dropConstraint('posts', 'f'),
    findings: [{ code: 'missing-foreign-key', severity: 'warning', table: 'posts', column: 'author_id' }],
  },
  {
    name: 'change the ON DELETE action of a foreign key',
    versionSensitive: true,
    sql: `${dropConstraint('posts', 'f')};
          alter table posts add constraint posts_author_fk foreign key (author_id) references accounts (id) on delete set null`,
    // present with other actions: not absent
    findings: [{ code: 'foreign-key-mismatch', severity: 'warning', table: 'posts', column: 'author_id' }],
  },
  {
    name: 'drop a unique constraint',
    versionSensitive: true,
    sql: dropConstraint('tags', 'u'),
    findings: [{ code: 'missing-unique', severity: 'error', table: 'tags', column: 'label' }],
  },
  {
    name: 'drop a unique index',
    versionSensitive: true,
    sql: 'drop index "IDX_posts_slug"',
    findings: [{ code: 'missing-unique', severity: 'error', table: 'posts', column: 'slug' }],
  },
  {
    name: 'drop a primary key',
    sql: dropConstraint('feature_flags', 'p'),
    findings: [{ code: 'missing-unique', severity: 'error', table: 'feature_flags', column: 'key' }],
  },
  {
    name: 'drop an index',
    versionSensitive: true,
    sql: dropIndexOn('posts', 'author_id, "publishedAt"'),
    findings: [{ code: 'missing-index', severity: 'warning', table: 'posts' }],
  },
  {
    name: 'add an orphan table',
    sql: 'create table legacy_logs (id integer primary key, line text)',
    findings: [{ code: 'orphan-table', severity: 'warning', table: 'legacy_logs' }],
  },
  {
    name: 'add a partitioned table, a view and a migration ledger',
    sql: `create table events (id integer, at date) partition by range (at);
          create table events_2026 partition of events for values from ('2026-01-01') to ('2027-01-01');
          create view recent_posts as select id, title from posts;
          create table migrations (id serial primary key, timestamp bigint not null, name varchar not null)`,
    findings: [{ code: 'orphan-table', severity: 'warning', table: 'events' }],
  },
  {
    name: 'add a NOT NULL column with no default',
    sql: 'alter table tags add column color text not null',
    findings: [{ code: 'extra-column', severity: 'error', table: 'tags', column: 'color' }],
  },
  {
    name: 'add a nullable column',
    sql: 'alter table tags add column color text',
    findings: [{ code: 'extra-column', severity: 'warning', table: 'tags', column: 'color' }],
  },
  {
    name: 'remove an enum value',
    versionSensitive: true,
    sql: keepEnumValues('accounts_role_enum', ['admin', 'member'], 'accounts', 'role', `'member'`),
    findings: [{ code: 'enum-values-mismatch', severity: 'error', table: 'accounts', column: 'role' }],
  },
  {
    name: 'drop an enum type',
    versionSensitive: true,
    sql: `alter table billing.invoices alter column status drop default;
          alter table billing.invoices alter column status type text;
          alter table billing.invoices alter column status set default 'open';
          drop type billing.invoices_status_enum`,
    findings: [
      { code: 'column-type-mismatch', severity: 'error', table: 'billing.invoices', column: 'status' },
      { code: 'missing-enum', severity: 'error', table: 'billing.invoices', column: 'status' },
    ],
  },
  {
    name: 'retype a foreign-key column away from its target, wider',
    versionSensitive: true,
    sql: 'alter table post_reactions alter column account_id type bigint',
    // the model-versus-database fact, with the key it references in the message; not also a conflict inside the database
    findings: [{ code: 'column-type-mismatch', severity: 'error', table: 'post_reactions', column: 'account_id' }],
  },
  {
    name: 'turn a generated column into a plain one',
    sql: 'alter table accounts alter column "emailLower" drop expression',
    findings: [{ code: 'generated-mismatch', severity: 'error', table: 'accounts', column: 'emailLower' }],
  },
  {
    name: 'generate a column from another expression',
    sql: `alter table accounts drop column "emailLower";
          alter table accounts add column "emailLower" varchar(320) generated always as (upper(email)) stored`,
    findings: [{ code: 'generated-mismatch', severity: 'error', table: 'accounts', column: 'emailLower' }],
  },
  {
    name: 'drop a column of a mixed-case table with spaces',
    sql: 'alter table "Audit Log" drop column "Event Type"',
    findings: [{ code: 'missing-column', severity: 'error', table: 'Audit Log', column: 'Event Type' }],
  },
  {
    name: 'drop a column of a single-table-inheritance child',
    versionSensitive: true,
    sql: 'alter table contents drop column "durationSeconds"',
    findings: [{ code: 'missing-column', severity: 'error', table: 'contents', column: 'durationSeconds' }],
  },
  {
    name: 'drop a ManyToMany junction table',
    versionSensitive: true,
    sql: 'drop table post_tags',
    findings: [{ code: 'missing-table', severity: 'error', table: 'post_tags' }],
  },
  {
    name: "make a generatedIdentity 'ALWAYS' column BY DEFAULT",
    versionSensitive: true,
    sql: 'alter table posts alter column id set generated by default',
    findings: [{ code: 'identity-mismatch', severity: 'warning', table: 'posts', column: 'id' }],
  },
  {
    name: "narrow an identity column's sequence",
    sql: 'alter table posts alter column id set maxvalue 1000000',
    findings: [{ code: 'sequence-mismatch', severity: 'error', table: 'posts', column: 'id' }],
  },
];

describe('TypeORM: a database built by synchronize()', () => {
  let synced: TestDatabase;
  const source = () => typeormSource(richDataSource(), { name: 'rich' });

  beforeAll(async () => {
    synced = await createTestDatabase();
    for (const schema of richSchemas) await synced.query(`create schema ${schema}`);
    await synchronize(richDataSource(), synced.url);
  });
  afterAll(() => synced?.drop());

  it('checks with zero findings', async () => {
    const result = await checkDatabase(synced.url, [source()]);
    expect(result.findings).toEqual([]);
    expect(result.problems).toEqual([]);
    // 12 entities, 10 tables: the two single-table-inheritance children share `contents`, and a view is no table
    expect(result.summary).toEqual({ errors: 0, warnings: 0, tables: 10 });
  });

  // "total" >= 0 declared: a check of one bound says which way the database's differs; NOT VALID is a warning of its own
  it.each([
    ['written constant-first, the same rule', 'check (0 <= total)', []],
    [
      'stricter',
      'check (total > 0)',
      [
        [
          'check-mismatch',
          'error',
          `billing.invoices has the check "CHK_invoices_total" CHECK ((total > (0)::numeric)), but Invoice (typeorm) declares it CHECK ("total" >= 0): the database's check is stricter: writes the model allows can fail`,
        ],
      ],
    ],
    [
      'looser',
      `check (total >= -1)`,
      [
        [
          'check-mismatch',
          'error',
          `billing.invoices has the check "CHK_invoices_total" CHECK ((total >= ('-1'::integer)::numeric)), but Invoice (typeorm) declares it CHECK ("total" >= 0): the database's check is looser: rows the model forbids can be stored`,
        ],
      ],
    ],
    [
      'added NOT VALID',
      `check ("total" >= 0) not valid`,
      [
        [
          'check-mismatch',
          'warning',
          `billing.invoices has the check "CHK_invoices_total" CHECK ("total" >= 0) as Invoice (typeorm) declares it, but NOT VALID: rows stored before it was added were never checked and may break it`,
        ],
      ],
    ],
  ])('the declared one-bound check re-created %s', async (_name, definition, findings) => {
    const mutated = await createTestDatabase({ template: synced });
    try {
      await mutated.query(`alter table billing.invoices drop constraint "CHK_invoices_total";
        alter table billing.invoices add constraint "CHK_invoices_total" ${definition}`);
      const result = await checkDatabase(mutated.url, [source()]);
      expect(result.findings.map((finding) => [finding.code, finding.severity, finding.message])).toEqual(findings);
    } finally {
      await mutated.drop();
    }
  });

  checksEachMutation(mutations, { template: () => synced, sources: () => [source()] });
});

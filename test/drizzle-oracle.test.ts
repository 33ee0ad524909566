import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drizzleSource } from '@ormdrift/drizzle';
import * as schema from './fixtures/drizzle/rich-schema.ts';
import { drizzleKitSql } from './fixtures/drizzle/drizzle-kit-sql.ts';
import { checkDatabase } from './support/check-database.ts';
import { checksEachMutation, dropConstraint, type Mutation } from './support/mutations.ts';
import { createTestDatabase, type TestDatabase } from './support/test-database.ts';

/** The schema module as a user would have written it without exporting `permission`: a column still uses it. */
const { permission: _unexported, ...withoutPermissionExport } = schema;

interface DrizzleMutation extends Mutation {
  /** The module checked, when not the whole fixture. */
  readonly module?: Record<string, unknown>;
}

const mutations: DrizzleMutation[] = [
  // a column wider than the model's stores every value the model writes: a warning, the narrower direction an error
  ...(
    [
      ['balance', 'numeric(14,2)'],
      ['balance', 'numeric'],
      ['age', 'integer'],
      ['score', 'double precision'],
      ['aliases', 'text[]'],
    ] as const
  ).map(
    ([column, type]): DrizzleMutation => ({
      name: `widen accounts.${column} to ${type}`,
      sql: `alter table accounts alter column ${column} type ${type}`,
      findings: [{ code: 'column-type-mismatch', severity: 'warning', table: 'accounts', column }],
    }),
  ),
  {
    name: 'widen accounts.karma to bigint: node-postgres reads it as a string where the model reads a number',
    sql: 'alter table accounts alter column karma type bigint',
    findings: [{ code: 'column-type-mismatch', severity: 'error', table: 'accounts', column: 'karma' }],
  },
  {
    name: 'give accounts.balance another scale: values are rounded',
    sql: 'alter table accounts alter column balance type numeric(14,3)',
    findings: [{ code: 'column-type-mismatch', severity: 'error', table: 'accounts', column: 'balance' }],
  },
  // a column Drizzle leaves out of its inserts, numbered by the database, given a constant default instead
  {
    name: 'replace the identity of a primary key by a constant default',
    versionSensitive: true,
    sql: 'alter table tags alter column id drop identity; alter table tags alter column id set default 1',
    findings: [{ code: 'default-mismatch', severity: 'error', table: 'tags', column: 'id' }],
  },
  {
    name: 'replace the sequence default of a serial primary key by a constant',
    sql: 'alter table accounts alter column id set default 0',
    findings: [{ code: 'default-mismatch', severity: 'error', table: 'accounts', column: 'id' }],
  },
  {
    name: 'replace the identity of a column outside the key by a constant default: rows share it',
    versionSensitive: true,
    sql: 'alter table post_tags alter column position drop identity; alter table post_tags alter column position set default 1',
    findings: [{ code: 'default-mismatch', severity: 'warning', table: 'post_tags', column: 'position' }],
  },
  {
    name: 'drop a column',
    sql: 'alter table accounts drop column nickname',
    findings: [{ code: 'missing-column', severity: 'error', table: 'accounts', column: 'nickname' }],
  },
  {
    name: 'give a database default to a column whose $defaultFn() value is made in JavaScript',
    sql: `alter table accounts alter column referral_code set default 'none'`,
    findings: [{ code: 'default-mismatch', severity: 'warning', table: 'accounts', column: 'referral_code' }],
  },
  { name: 'drop a table', sql: 'drop table post_tags', findings: [{ code: 'missing-table', severity: 'error', table: 'post_tags' }] },
  {
    name: 'drop a table of a pgSchema',
    versionSensitive: true,
    sql: 'drop table billing.invoice_lines',
    findings: [{ code: 'missing-table', severity: 'error', table: 'billing.invoice_lines' }],
  },
  {
    name: 'narrow a varchar',
    sql: 'alter table posts alter column slug type varchar(100)',
    findings: [{ code: 'column-type-mismatch', severity: 'error', table: 'posts', column: 'slug' }],
  },
  {
    name: 'widen a varchar',
    sql: 'alter table posts alter column slug type varchar(500)',
    findings: [{ code: 'column-type-mismatch', severity: 'warning', table: 'posts', column: 'slug' }],
  },
  {
    name: 'change a type',
    sql: 'alter table accounts alter column karma type numeric',
    findings: [{ code: 'column-type-mismatch', severity: 'error', table: 'accounts', column: 'karma' }],
  },
  {
    name: 'change the scale of a numeric(12, 2)',
    sql: 'alter table accounts alter column balance type numeric(12,4)',
    findings: [{ code: 'column-type-mismatch', severity: 'error', table: 'accounts', column: 'balance' }],
  },
  {
    name: 'change the precision of a timestamp (3)',
    sql: 'alter table accounts alter column updated_at type timestamp(0)',
    findings: [{ code: 'column-type-mismatch', severity: 'error', table: 'accounts', column: 'updated_at' }],
  },
  {
    name: 'lose the time zone of a withTimezone timestamp',
    sql: 'alter table accounts alter column created_at type timestamp',
    findings: [{ code: 'column-type-mismatch', severity: 'error', table: 'accounts', column: 'created_at' }],
  },
  {
    name: 'change a type in a pgSchema',
    sql: 'alter table billing.invoices alter column total type numeric(12,3)',
    findings: [{ code: 'column-type-mismatch', severity: 'error', table: 'billing.invoices', column: 'total' }],
  },
  {
    // `age` has no .notNull(): nullable by Drizzle's default, so one severity lower than a declared difference
    name: 'set NOT NULL on a column nullable by default',
    sql: 'alter table accounts alter column age set not null',
    findings: [{ code: 'nullability-mismatch', severity: 'warning', table: 'accounts', column: 'age' }],
  },
  {
    name: 'drop NOT NULL',
    sql: 'alter table posts alter column slug drop not null',
    findings: [{ code: 'nullability-mismatch', severity: 'warning', table: 'posts', column: 'slug' }],
  },
  {
    name: 'drop a default the model relies on',
    sql: 'alter table posts alter column status drop default',
    findings: [{ code: 'default-mismatch', severity: 'error', table: 'posts', column: 'status' }],
  },
  {
    name: 'drop the defaultRandom() of a uuid primary key',
    versionSensitive: true,
    sql: 'alter table posts alter column id drop default',
    findings: [{ code: 'default-mismatch', severity: 'error', table: 'posts', column: 'id' }],
  },
  {
    name: 'drop the sequence default of a serial',
    versionSensitive: true,
    sql: 'alter table accounts alter column id drop default',
    findings: [{ code: 'default-mismatch', severity: 'error', table: 'accounts', column: 'id' }],
  },
  {
    name: 'drop the identity of a generatedAlwaysAsIdentity() key',
    versionSensitive: true,
    sql: 'alter table tags alter column id drop identity',
    findings: [{ code: 'default-mismatch', severity: 'error', table: 'tags', column: 'id' }],
  },
  {
    name: 'turn a generated column into a plain one',
    versionSensitive: true,
    sql: 'alter table accounts alter column handle_lower drop expression',
    // no longer generated: not a default
    findings: [{ code: 'generated-mismatch', severity: 'error', table: 'accounts', column: 'handle_lower' }],
  },
  {
    name: 'generate a column from another expression',
    sql: 'alter table accounts drop column handle_lower; alter table accounts add column handle_lower text generated always as (upper(handle)) stored',
    findings: [{ code: 'generated-mismatch', severity: 'error', table: 'accounts', column: 'handle_lower' }],
  },
  {
    name: 'respell a generated expression, same value (decided by the server)',
    sql: 'alter table accounts drop column handle_lower; alter table accounts add column handle_lower text generated always as (pg_catalog.lower((handle)::text)) stored',
    findings: [],
  },
  {
    name: 'change a default',
    sql: `alter table posts alter column status set default 'published'`,
    findings: [{ code: 'default-mismatch', severity: 'warning', table: 'posts', column: 'status' }],
  },
  {
    // $defaultFn runs in JavaScript: the model declares no database default
    name: 'give a $defaultFn column a database default',
    versionSensitive: true,
    sql: `alter table accounts alter column referral_code set default 'x'`,
    findings: [{ code: 'default-mismatch', severity: 'warning', table: 'accounts', column: 'referral_code' }],
  },
  {
    name: 'drop a .references() foreign key',
    versionSensitive: true,
    sql: dropConstraint('posts', 'f', 'author_id'),
    findings: [{ code: 'missing-foreign-key', severity: 'warning', table: 'posts', column: 'author_id' }],
  },
  {
    name: 'drop a foreignKey() foreign key',
    versionSensitive: true,
    sql: 'alter table posts drop constraint posts_editor_fk',
    findings: [{ code: 'missing-foreign-key', severity: 'warning', table: 'posts', column: 'editor_id' }],
  },
  {
    name: 'add a foreignKey() foreign key back NOT VALID: rows already there were never checked',
    sql: `alter table posts drop constraint posts_editor_fk;
          alter table posts add constraint posts_editor_fk foreign key (editor_id) references accounts (id)
            on delete set null on update cascade not valid`,
    findings: [{ code: 'foreign-key-mismatch', severity: 'warning', table: 'posts', column: 'editor_id' }],
  },
  {
    name: 'drop a foreign key into a pgSchema table',
    sql: dropConstraint('billing.invoice_lines', 'f', 'invoice_id'),
    findings: [{ code: 'missing-foreign-key', severity: 'warning', table: 'billing.invoice_lines', column: 'invoice_id' }],
  },
  {
    name: 'drop a column .unique()',
    versionSensitive: true,
    sql: 'alter table tags drop constraint tags_label_unique',
    findings: [{ code: 'missing-unique', severity: 'error', table: 'tags', column: 'label' }],
  },
  {
    name: 'drop a unique() on two columns',
    versionSensitive: true,
    sql: 'alter table accounts drop constraint accounts_handle_tenant',
    findings: [{ code: 'missing-unique', severity: 'error', table: 'accounts' }],
  },
  {
    name: 'drop a uniqueIndex()',
    versionSensitive: true,
    sql: 'drop index posts_slug_idx',
    findings: [{ code: 'missing-unique', severity: 'error', table: 'posts', column: 'slug' }],
  },
  {
    name: 'replace a NULLS NOT DISTINCT unique with a plain one',
    versionSensitive: true,
    sql: `alter table billing.invoices drop constraint invoices_account_id_issued_on_unique;
          alter table billing.invoices add unique (account_id, issued_on)`,
    // present but treating NULLs otherwise: not absent
    findings: [{ code: 'unique-mismatch', severity: 'error', table: 'billing.invoices' }],
  },
  {
    name: 'drop a composite primary key',
    versionSensitive: true,
    sql: dropConstraint('post_tags', 'p'),
    findings: [{ code: 'missing-unique', severity: 'error', table: 'post_tags' }],
  },
  {
    name: 'drop an index()',
    sql: 'drop index posts_author_id_published_at_index',
    findings: [{ code: 'missing-index', severity: 'warning', table: 'posts' }],
  },
  {
    name: 'drop a unique index on an expression: duplicates can be stored',
    versionSensitive: true,
    sql: 'drop index posts_title_lower_idx',
    findings: [{ code: 'missing-unique', severity: 'error', table: 'posts' }],
  },
  {
    name: 'index another expression under the declared name: the declared uniqueness lost, an undeclared one',
    versionSensitive: true,
    sql: 'drop index posts_title_lower_idx; create unique index posts_title_lower_idx on posts (upper(title))',
    findings: [
      { code: 'missing-unique', severity: 'error', table: 'posts' },
      { code: 'extra-constraint', severity: 'warning', table: 'posts' },
    ],
  },
  {
    name: 'the declared expression respelled by hand: the server reads it alike',
    sql: 'drop index posts_title_lower_idx; create unique index posts_title_lower_idx on posts (LOWER( "title" ))',
    findings: [],
  },
  {
    name: 'add an orphan table',
    sql: 'create table legacy_logs (id integer primary key, line text)',
    findings: [{ code: 'orphan-table', severity: 'warning', table: 'legacy_logs' }],
  },
  {
    name: "add a view and drizzle's migration ledger, neither of them an orphan",
    sql: `create view account_emails as select id, email from accounts;
          create table __drizzle_migrations (id serial primary key, hash text not null, created_at bigint)`,
    findings: [],
  },
  {
    name: 'add a NOT NULL column with no default',
    sql: 'alter table tags add column weight integer not null',
    findings: [{ code: 'extra-column', severity: 'error', table: 'tags', column: 'weight' }],
  },
  {
    name: 'add a nullable column',
    sql: 'alter table tags add column weight integer',
    findings: [{ code: 'extra-column', severity: 'warning', table: 'tags', column: 'weight' }],
  },
  {
    name: 'remove an enum value',
    versionSensitive: true,
    sql: `alter type role rename to role_old;
          create type role as enum ('admin', 'member');
          alter table accounts alter column role drop default;
          alter table accounts alter column role type role using role::text::role;
          alter table accounts alter column role set default 'member';
          drop type role_old`,
    findings: [{ code: 'enum-values-mismatch', severity: 'error', table: 'accounts', column: 'role' }],
  },
  {
    name: 'drop an enum type of a pgSchema',
    versionSensitive: true,
    sql: `alter table billing.invoices alter column status drop default;
          alter table billing.invoices alter column status type text;
          alter table billing.invoices alter column status set default 'open';
          drop type billing.invoice_status`,
    findings: [
      { code: 'column-type-mismatch', severity: 'error', table: 'billing.invoices', column: 'status' },
      { code: 'missing-enum', severity: 'error', table: 'billing.invoices', column: 'status' },
    ],
  },
  {
    name: 'drop an enum the module does not export, used by an array column',
    versionSensitive: true,
    module: withoutPermissionExport,
    sql: `alter table accounts alter column permissions type text[];
          drop type permission`,
    findings: [
      { code: 'column-type-mismatch', severity: 'error', table: 'accounts', column: 'permissions' },
      { code: 'missing-enum', severity: 'error', table: 'accounts', column: 'permissions' },
    ],
  },
  {
    name: 'retype a foreign-key column away from its target, wider',
    sql: 'alter table post_tags alter column tag_id type bigint',
    // the model-versus-database fact, with the key it references in the message; not also a conflict inside the database
    findings: [{ code: 'column-type-mismatch', severity: 'error', table: 'post_tags', column: 'tag_id' }],
  },
  {
    name: 'drop a spaced column of a mixed-case table',
    versionSensitive: true,
    sql: 'alter table "AuditLog" drop column "Event Type"',
    findings: [{ code: 'missing-column', severity: 'error', table: 'AuditLog', column: 'Event Type' }],
  },
];

describe('Drizzle: a database built by drizzle-kit', () => {
  let built: TestDatabase;
  const source = (module: Record<string, unknown> = schema) => drizzleSource(module, { name: 'rich', file: 'rich-schema.ts' });

  beforeAll(async () => {
    built = await createTestDatabase();
    for (const statement of await drizzleKitSql(schema)) await built.query(statement);
  });
  afterAll(() => built?.drop());

  it('checks with zero findings', async () => {
    const result = await checkDatabase(built.url, [source()]);
    expect(result.findings).toEqual([]);
    expect(result.problems).toEqual([]);
    // seven tables (two in the pgSchema); the view is none
    expect(result.summary).toEqual({ errors: 0, warnings: 0, tables: 7 });
  });

  it('expects every key and unique under the name drizzle-kit gave it', async () => {
    const { schema: expected } = await source().load();
    const names = expected.tables.flatMap((table) => [
      table.primaryKey?.name,
      ...table.foreignKeys.map((key) => key.name),
      ...table.uniques.map((unique) => unique.name),
    ]);
    const created = new Set(
      (await built.query<{ name: string }>(`select conname as name from pg_constraint union select relname from pg_class where relkind = 'i'`)).map(
        ({ name }) => name,
      ),
    );
    expect(names.filter((name) => name !== undefined && !created.has(name))).toEqual([]);
  });

  it('says which writes a narrower type makes fail, and how a timestamp that lost its time zone reads back', async () => {
    const mutated = await createTestDatabase({ template: built });
    try {
      await mutated.query(`alter table posts alter column slug type varchar(100);
        alter table posts alter column views type integer;
        alter table accounts alter column created_at type timestamp`);
      const findings = (await checkDatabase(mutated.url, [source()])).findings;
      expect(findings.map((finding) => [finding.code, finding.severity, finding.message.replace(/ in \S+ \(drizzle\)/, ' in MODEL')])).toEqual([
        [
          'column-type-mismatch',
          'error',
          "accounts.created_at is timestamp with time zone in MODEL but timestamp without time zone in the database: values written lose their time zone: the local time in the session's time zone (TimeZone) is stored, so the instant read back may differ from the one written",
        ],
        [
          'column-type-mismatch',
          'error',
          'posts.slug is character varying(200) in MODEL but character varying(100) in the database: writes of 101–200 characters fail (value too long for type character varying(100))',
        ],
        [
          'column-type-mismatch',
          'error',
          "posts.views is bigint in MODEL but integer in the database: values beyond ±2^31 that the model's bigint allows fail (integer out of range)",
        ],
      ]);
    } finally {
      await mutated.drop();
    }
  });

  it('says drizzle-orm computes a $defaultFn() value itself when the database has a default the model does not', async () => {
    const mutated = await createTestDatabase({ template: built });
    try {
      await mutated.query(`alter table accounts alter column referral_code set default 'none'`);
      const [finding, ...rest] = (await checkDatabase(mutated.url, [source()])).findings;
      expect(rest).toEqual([]);
      expect(finding?.message).toMatch(
        /^accounts\.referral_code has default 'none'::text in the database but none in \S+ \(drizzle\): Drizzle computes the value itself \(\$defaultFn\(\), a client-side default\) and sends it in its own inserts, so the database default serves only inserts that bypass Drizzle$/,
      );
    } finally {
      await mutated.drop();
    }
  });

  checksEachMutation(mutations, { template: () => built, sources: ({ module }) => [source(module)] });
});

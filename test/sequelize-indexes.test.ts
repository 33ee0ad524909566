import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planFix, renderFix } from '@ormdrift/core';
import { sequelizeSource } from '@ormdrift/sequelize';
import { createIndexSequelize } from './fixtures/sequelize/index-models.ts';
import { defaultOperatorClassMutations } from './fixtures/default-operator-class-mutations.ts';
import { catalogSnapshot } from './support/catalog-snapshot.ts';
import { checkDatabase, summarize } from './support/check-database.ts';
import { runSql } from './support/fix-runner.ts';
import { checksEachMutation, type Mutation } from './support/mutations.ts';
import { createTestDatabase, type TestDatabase } from './support/test-database.ts';

const mutations: Mutation[] = [
  // a declared unique's name held by a unique or an index on other keys: the declared one is missing, and only that
  {
    name: 'the unique index re-created unique under its name on (email, name): one missing-unique, no undeclared unique',
    sql: `drop index logins_email_uq; create unique index logins_email_uq on logins (email, name)`,
    findings: [{ code: 'missing-unique', severity: 'error', table: 'logins', column: 'email' }],
  },
  {
    name: 'the unique index re-created unique under its name on lower(email)',
    sql: `drop index logins_email_uq; create unique index logins_email_uq on logins (lower(email))`,
    findings: [{ code: 'missing-unique', severity: 'error', table: 'logins', column: 'email' }],
  },
  {
    name: "the column's named unique re-added under its name on (name, email)",
    sql: `alter table logins drop constraint logins_name_key; alter table logins add constraint logins_name_key unique (name, email)`,
    findings: [{ code: 'missing-unique', severity: 'error', table: 'logins', column: 'name' }],
  },
  {
    name: 'the composite unique index re-created under its name on (x, y, email) without UNIQUE',
    sql: `drop index handles_x_y; create index handles_x_y on handles (x, y, email)`,
    findings: [{ code: 'missing-unique', severity: 'error', table: 'handles' }],
  },
  {
    name: 'the composite unique index re-created unique under its name on one of its columns: missing, not an undeclared unique',
    sql: `drop index handles_x_y; create unique index handles_x_y on handles (y)`,
    findings: [{ code: 'missing-unique', severity: 'error', table: 'handles' }],
  },
  // an index of the declared name on other keys is that index built otherwise, not a missing one
  {
    name: 'the trigram GIN index re-created under its name with an extra key',
    sql: `drop index documents_title_trgm; create index documents_title_trgm on documents using gin (title gin_trgm_ops, status gin_trgm_ops)`,
    findings: [{ code: 'index-mismatch', severity: 'warning', table: 'documents', column: 'title' }],
  },
  {
    name: 'the descending index re-created under its name on another column',
    sql: `drop index documents_published_desc; create index documents_published_desc on documents (status)`,
    findings: [{ code: 'index-mismatch', severity: 'warning', table: 'documents', column: 'publishedAt' }],
  },
  {
    name: 'the trigram GIN index re-created as a plain btree',
    sql: `drop index documents_title_trgm; create index documents_title_trgm on documents (title)`,
    findings: [{ code: 'index-mismatch', severity: 'warning', table: 'documents', column: 'title' }],
  },
  {
    name: 'the GIN index re-created with another operator class',
    sql: `drop index documents_title_trgm; create extension if not exists btree_gin; create index documents_title_trgm on documents using gin (title)`,
    findings: [{ code: 'index-mismatch', severity: 'warning', table: 'documents', column: 'title' }],
  },
  {
    name: 'the collated btree index dropped: missing, not the GIN index on the same column changed',
    sql: `drop index documents_title_c`,
    findings: [{ code: 'missing-index', severity: 'warning', table: 'documents', column: 'title' }],
  },
  {
    name: 'the GIN index dropped: missing, not the btree index on the same column changed',
    sql: `drop index documents_title_trgm`,
    findings: [{ code: 'missing-index', severity: 'warning', table: 'documents', column: 'title' }],
  },
  {
    name: 'the partial index re-created with its predicate flipped',
    sql: `drop index documents_live_status; create index documents_live_status on documents (status) where "publishedAt" is null`,
    findings: [{ code: 'index-mismatch', severity: 'warning', table: 'documents', column: 'status' }],
  },
  {
    name: 'the descending index re-created ASC NULLS FIRST: not the declared order read backward',
    sql: `drop index documents_published_desc; create index documents_published_desc on documents ("publishedAt" nulls first)`,
    findings: [{ code: 'index-mismatch', severity: 'warning', table: 'documents', column: 'publishedAt' }],
  },
  {
    name: 'the unique expression index re-created on another expression: the declared uniqueness lost, an undeclared one',
    sql: `drop index documents_title_lower; create unique index documents_title_lower on documents (upper(title))`,
    findings: [
      { code: 'missing-unique', severity: 'error', table: 'documents' },
      { code: 'extra-constraint', severity: 'warning', table: 'documents' },
    ],
  },
  {
    name: 'the partial unique rebuilt over every row under its name beside the declared full unique: covered, and named',
    sql: `drop index handles_email_live; create unique index handles_email_live on handles (email)`,
    findings: [{ code: 'missing-unique', severity: 'warning', table: 'handles', column: 'email' }],
  },
  {
    name: 'the partial index re-created over every row: it serves every query, but is larger',
    sql: `drop index documents_live_status; create index documents_live_status on documents (status)`,
    findings: [{ code: 'index-mismatch', severity: 'warning', table: 'documents', column: 'status' }],
  },
  {
    name: 'the partial index rebuilt with an INCLUDE column: it serves every query, but is larger',
    sql: `drop index documents_live_status; create index documents_live_status on documents (status) include (title) where "publishedAt" is not null`,
    findings: [{ code: 'index-mismatch', severity: 'warning', table: 'documents', column: 'status' }],
  },
  {
    name: 'the partial unique dropped beside the declared full unique on the same column: covered',
    sql: `drop index handles_email_live`,
    findings: [{ code: 'missing-unique', severity: 'warning', table: 'handles', column: 'email' }],
  },
  {
    name: 'the full unique replaced by a partial unique index of its name',
    sql: `drop index handles_x_y; create unique index handles_x_y on handles (x, y) where x > 0`,
    findings: [{ code: 'unique-mismatch', severity: 'error', table: 'handles' }],
  },
  {
    name: 'the unique expression index re-created as the model writes it, in another spelling',
    sql: `drop index documents_title_lower; create unique index documents_title_lower on documents (LOWER( "title" ))`,
    findings: [],
  },
  {
    name: 'the unique expression index re-created with another operator class on its expression key',
    sql: `drop index documents_title_lower; create unique index documents_title_lower on documents (lower(title) text_pattern_ops)`,
    findings: [{ code: 'index-mismatch', severity: 'warning', table: 'documents' }],
  },
  {
    name: 'the mixed column and expression index re-created with its expression key descending',
    sql: `drop index documents_status_title; create index documents_status_title on documents (status, left(title, 10) desc)`,
    findings: [{ code: 'index-mismatch', severity: 'warning', table: 'documents' }],
  },
  {
    name: 'the unique expression index dropped: duplicates can be stored',
    sql: `drop index documents_title_lower`,
    findings: [{ code: 'missing-unique', severity: 'error', table: 'documents' }],
  },
  {
    name: 'the mixed column and expression index re-created with its keys swapped',
    sql: `drop index documents_status_title; create index documents_status_title on documents (left(title, 10), status)`,
    findings: [{ code: 'index-mismatch', severity: 'warning', table: 'documents' }],
  },
  {
    name: 'the unique expression index re-created not unique',
    sql: `drop index documents_title_lower; create index documents_title_lower on documents (lower(title))`,
    findings: [{ code: 'index-mismatch', severity: 'error', table: 'documents' }],
  },
  {
    name: 'the expression index re-created unique',
    sql: `drop index documents_status_title; create unique index documents_status_title on documents (status, left(title, 10))`,
    findings: [{ code: 'index-mismatch', severity: 'warning', table: 'documents' }],
  },
  {
    name: "the collated index re-created under the column's own collation",
    sql: `drop index documents_title_c; create index documents_title_c on documents (title)`,
    findings: [{ code: 'index-mismatch', severity: 'warning', table: 'documents', column: 'title' }],
  },
  {
    name: 'the collated index re-created under another collation',
    sql: `drop index documents_title_c; create index documents_title_c on documents (title collate "POSIX")`,
    findings: [{ code: 'index-mismatch', severity: 'warning', table: 'documents', column: 'title' }],
  },
  {
    name: 'the collated index re-created with the collation spelled otherwise',
    sql: `drop index documents_title_c; create index documents_title_c on documents (title collate pg_catalog."C")`,
    findings: [],
  },
  {
    name: 'the partial unique index re-created without UNIQUE',
    sql: `drop index accounts_live_email; create index accounts_live_email on accounts (email) where "deletedAt" is null`,
    findings: [{ code: 'missing-unique', severity: 'error', table: 'accounts', column: 'email' }],
  },
  {
    name: 'the partial unique index re-created without UNIQUE and over other rows: one finding names both',
    sql: `drop index accounts_live_email; create index accounts_live_email on accounts (email) where "deletedAt" is not null`,
    findings: [{ code: 'missing-unique', severity: 'error', table: 'accounts', column: 'email' }],
  },
  {
    name: 'the partial unique index re-created over every row: stricter',
    sql: `drop index accounts_live_email; create unique index accounts_live_email on accounts (email)`,
    findings: [{ code: 'unique-mismatch', severity: 'error', table: 'accounts', column: 'email' }],
  },
  {
    name: 'the partial unique index re-created NULLS NOT DISTINCT',
    sql: `drop index accounts_live_email; create unique index accounts_live_email on accounts (email) nulls not distinct where "deletedAt" is null`,
    findings: [{ code: 'unique-mismatch', severity: 'error', table: 'accounts', column: 'email' }],
  },
  {
    name: 'the partial index re-created UNIQUE',
    sql: `drop index accounts_live_handle; create unique index accounts_live_handle on accounts (handle) where "deletedAt" is null`,
    findings: [{ code: 'extra-constraint', severity: 'warning', table: 'accounts', column: 'handle' }],
  },
  {
    name: 'the partial unique expression index re-created without UNIQUE',
    sql: `drop index accounts_live_handle_lower; create index accounts_live_handle_lower on accounts (lower(handle)) where "deletedAt" is null`,
    findings: [{ code: 'index-mismatch', severity: 'error', table: 'accounts' }],
  },
  {
    name: 'the trigram GIN index written as a literal key re-created as a plain btree',
    sql: `drop index notes_title_trgm; create index notes_title_trgm on notes (title)`,
    findings: [{ code: 'index-mismatch', severity: 'warning', table: 'notes', column: 'title' }],
  },
  {
    name: 'the operator class written in a literal key dropped',
    sql: `drop index notes_slug_pattern; create index notes_slug_pattern on notes (slug)`,
    findings: [{ code: 'index-mismatch', severity: 'warning', table: 'notes', column: 'slug' }],
  },
  {
    name: 'the collation written in the column key of a mixed index dropped',
    sql: `drop index notes_body_mixed; create index notes_body_mixed on notes (body, lower(title), title desc)`,
    findings: [{ code: 'index-mismatch', severity: 'warning', table: 'notes' }],
  },
  {
    name: 'the operator class after an expression key dropped',
    sql: `drop index notes_slug_lower; create unique index notes_slug_lower on notes (lower(slug))`,
    findings: [{ code: 'index-mismatch', severity: 'warning', table: 'notes' }],
  },
  {
    name: 'the column of the collated index key collated "C" itself: the key is "C" still, only the column differs',
    sql: `alter table documents alter column title type varchar(200) collate "C"`,
    findings: [{ code: 'collation-mismatch', severity: 'warning', table: 'documents', column: 'title' }],
  },
  {
    name: 'the column of the COLLATE "C" literal key of the mixed index collated "C" itself: only the column differs',
    sql: `alter table notes alter column title type text collate "C"`,
    findings: [{ code: 'collation-mismatch', severity: 'warning', table: 'notes', column: 'title' }],
  },
  {
    name: 'the descending index re-created ASC NULLS LAST: every key reversed, a backward scan serves it',
    sql: `drop index documents_published_desc; create index documents_published_desc on documents ("publishedAt")`,
    findings: [],
  },
  {
    name: 'the collated index marked INVALID: missing',
    sql: `update pg_index set indisvalid = false where indexrelid = 'documents_title_c'::regclass`,
    findings: [{ code: 'missing-index', severity: 'warning', table: 'documents', column: 'title' }],
  },
];

describe('Sequelize indexes compared in full: a database built by sync()', () => {
  let synced: TestDatabase;
  const source = () => sequelizeSource(createIndexSequelize(), { name: 'indexes' });

  beforeAll(async () => {
    synced = await createTestDatabase();
    await synced.query('create extension if not exists pg_trgm');
    const sequelize = createIndexSequelize(synced.url);
    await sequelize.sync();
    await sequelize.close();
  });
  afterAll(() => synced?.drop());

  it('checks with zero findings: GIN with its operator class, a partial and a descending index as Sequelize built them', async () => {
    const result = await checkDatabase(synced.url, [source()]);
    expect(summarize(result)).toEqual([]);
    expect(result.problems).toEqual([]);
  });

  it("names the unique that holds a covered partial unique's name over every row, and says it loses nothing", async () => {
    const mutated = await createTestDatabase({ template: synced });
    try {
      await mutated.query(`drop index handles_email_live; create unique index handles_email_live on handles (email)`);
      const findings = (await checkDatabase(mutated.url, [source()])).findings;
      expect(findings.map((finding) => [finding.code, finding.severity, finding.message])).toEqual([
        [
          'missing-unique',
          'warning',
          'handles has the unique handles_email_live on (email) over every row, but Handle (sequelize) declares it only WHERE "deletedAt" IS NULL: it rejects duplicates outside the predicate too, as its unique handles_email_key on (email) over every row, which the models declare too, does already, and is the arbiter of INSERT ... ON CONFLICT (email) WHERE "deletedAt" IS NULL',
        ],
      ]);
    } finally {
      await mutated.drop();
    }
  });

  it('names the method and the operator class of a GIN index re-created as a btree', async () => {
    const mutated = await createTestDatabase({ template: synced });
    try {
      await mutated.query(`drop index documents_title_trgm; create index documents_title_trgm on documents (title)`);
      const [finding] = (await checkDatabase(mutated.url, [source()])).findings;
      expect(finding?.message).toBe(
        'documents has the index documents_title_trgm on (title) USING btree, but Document (sequelize) declares USING gin (title gin_trgm_ops): a btree index cannot serve the operators a gin one does',
      );
    } finally {
      await mutated.drop();
    }
  });

  it('reads a literal() key naming a column with its operator class as that column key: re-created as btree, both named', async () => {
    const mutated = await createTestDatabase({ template: synced });
    try {
      await mutated.query(`drop index notes_title_trgm; create index notes_title_trgm on notes (title)`);
      const [finding, ...rest] = (await checkDatabase(mutated.url, [source()])).findings;
      expect(rest).toEqual([]);
      expect(finding?.message).toBe(
        'notes has the index notes_title_trgm on (title) USING btree, but Note (sequelize) declares USING gin (title gin_trgm_ops): a btree index cannot serve the operators a gin one does',
      );
      expect(finding?.expected).toEqual({ columns: ['title'], method: 'gin', keys: ['title gin_trgm_ops'] });
    } finally {
      await mutated.drop();
    }
  });

  it('names the dropped GIN index, its operator class and method, next to a btree index on the same column', async () => {
    const mutated = await createTestDatabase({ template: synced });
    try {
      await mutated.query(`drop index documents_title_trgm`);
      const result = await checkDatabase(mutated.url, [source()]);
      expect(result.findings.map((finding) => [finding.code, finding.severity, finding.message])).toEqual([
        [
          'missing-index',
          'warning',
          'documents has no index documents_title_trgm on (title gin_trgm_ops) USING gin that Document (sequelize) declares: queries on it scan the table',
        ],
      ]);
    } finally {
      await mutated.drop();
    }
  });

  it('names the expressions an index of the declared name indexes, as the server deparses them', async () => {
    const mutated = await createTestDatabase({ template: synced });
    try {
      await mutated.query(`drop index documents_title_lower; create unique index documents_title_lower on documents (upper(title))`);
      const { findings } = await checkDatabase(mutated.url, [source()]);
      expect(findings.map((finding) => finding.message)).toEqual([
        'documents has no unique index documents_title_lower on (lower("title")) that Document (sequelize) declares (it has the index documents_title_lower on (upper(title::text))): duplicates of (lower("title")) can be stored, and INSERT ... ON CONFLICT (lower("title")) fails (no unique or exclusion constraint matching)',
        'documents has a unique index documents_title_lower on (upper(title::text)) that Document (sequelize) does not declare: a write that repeats a value the models allow to repeat fails',
      ]);
    } finally {
      await mutated.drop();
    }
  });

  it('says duplicates can be stored when a unique expression index is re-created not unique', async () => {
    const mutated = await createTestDatabase({ template: synced });
    try {
      await mutated.query(`drop index documents_title_lower; create index documents_title_lower on documents (lower(title))`);
      const [finding] = (await checkDatabase(mutated.url, [source()])).findings;
      expect(finding?.severity).toBe('error');
      expect(finding?.message).toBe(
        'documents has the index documents_title_lower on (lower("title")) not unique, but Document (sequelize) declares a unique one: duplicates can be stored, and ON CONFLICT on these expressions fails (no unique or exclusion constraint matching)',
      );
      expect([finding?.expected, finding?.actual]).toEqual([
        { expressions: ['lower("title")'], unique: true },
        { expressions: ['lower("title")'], unique: false, name: 'documents_title_lower' },
      ]);
    } finally {
      await mutated.drop();
    }
  });

  it('says the database rejects duplicates the models allow when an expression index is re-created unique', async () => {
    const mutated = await createTestDatabase({ template: synced });
    try {
      await mutated.query(`drop index documents_status_title; create unique index documents_status_title on documents (status, left(title, 10))`);
      const [finding] = (await checkDatabase(mutated.url, [source()])).findings;
      expect(finding?.severity).toBe('warning');
      expect(finding?.message).toBe(
        'documents has the index documents_status_title on (status, left(title, 10)) unique, but Document (sequelize) declares it not unique: the database rejects duplicate keys the models allow',
      );
      expect(finding?.message).not.toContain('duplicates can be stored');
    } finally {
      await mutated.drop();
    }
  });

  it('names the collation of a key re-created under another one', async () => {
    const mutated = await createTestDatabase({ template: synced });
    try {
      await mutated.query(`drop index documents_title_c; create index documents_title_c on documents (title collate "POSIX")`);
      const [finding] = (await checkDatabase(mutated.url, [source()])).findings;
      expect(finding?.message).toBe(
        'documents has the index documents_title_c on (title) with keys (title COLLATE "POSIX"), but Document (sequelize) declares (title COLLATE "C"): queries under the declared collation do not use it',
      );
    } finally {
      await mutated.drop();
    }
  });

  it('says duplicates can be stored when a partial unique index is re-created without UNIQUE, and the reverse rejects keys the models allow', async () => {
    const mutated = await createTestDatabase({ template: synced });
    try {
      await mutated.query(`drop index accounts_live_email; create index accounts_live_email on accounts (email) where "deletedAt" is null`);
      await mutated.query(`drop index accounts_live_handle; create unique index accounts_live_handle on accounts (handle) where "deletedAt" is null`);
      const result = await checkDatabase(mutated.url, [source()]);
      expect(result.findings.map((finding) => [finding.code, finding.severity, finding.message])).toEqual([
        [
          'missing-unique',
          'error',
          'accounts has the index accounts_live_email on (email) WHERE ("deletedAt" IS NULL) without UNIQUE, but Account (sequelize) declares it unique: duplicates can be stored, and INSERT ... ON CONFLICT (email) WHERE "deletedAt" IS NULL fails (no unique or exclusion constraint matching)',
        ],
        [
          'extra-constraint',
          'warning',
          'accounts has a unique accounts_live_handle on (handle) WHERE ("deletedAt" IS NULL), but Account (sequelize) declares it not unique: the database rejects duplicate keys the models allow, so a write that repeats a key among the rows WHERE ("deletedAt" IS NULL) fails',
        ],
      ]);
    } finally {
      await mutated.drop();
    }
  });

  it('fix creates a dropped partial unique index UNIQUE and dropped expression indexes as addIndexQuery() writes their keys, re-checks clean, and rolls back', async () => {
    const mutated = await createTestDatabase({ template: synced });
    try {
      await mutated.query(
        `drop index accounts_live_email; drop index accounts_live_handle_lower; drop index documents_title_lower; drop index documents_status_title`,
      );
      const before = await catalogSnapshot(mutated.url);
      const drifted = await checkDatabase(mutated.url, [source()]);
      expect(summarize(drifted)).toEqual([
        { code: 'missing-unique', severity: 'error', table: 'accounts' },
        { code: 'missing-unique', severity: 'error', table: 'accounts', column: 'email' },
        { code: 'missing-unique', severity: 'error', table: 'documents' },
        { code: 'missing-index', severity: 'warning', table: 'documents' },
      ]);
      const scripts = renderFix(planFix(drifted));
      expect(scripts.up).toContain('CREATE UNIQUE INDEX "accounts_live_email" ON "public"."accounts" ("email") WHERE "deletedAt" IS NULL');
      expect(scripts.up).toContain('CREATE UNIQUE INDEX "documents_title_lower" ON "public"."documents" ((lower("title")))');
      expect(scripts.up).toContain('CREATE INDEX "documents_status_title" ON "public"."documents" ((status), (left(title, 10)))');
      expect(scripts.up).not.toContain('Not fixed automatically');

      await runSql(mutated.url, scripts.batches);
      expect(summarize(await checkDatabase(mutated.url, [source()]))).toEqual([]);
      await runSql(mutated.url, [scripts.down]);
      expect(await catalogSnapshot(mutated.url)).toEqual(before);
    } finally {
      await mutated.drop();
    }
  });

  it("reads a key declared with its type's default operator class as that default one, and names another class", async () => {
    const mutated = await createTestDatabase({ template: synced });
    try {
      await mutated.query(`drop index labels_name_text_ops; create index labels_name_text_ops on labels (name text_pattern_ops);
        drop index labels_name_siglen; create index labels_name_siglen on labels using gin (name gin_trgm_ops)`);
      const findings = (await checkDatabase(mutated.url, [source()])).findings;
      expect(findings.map((finding) => [finding.code, finding.severity, finding.message])).toEqual([
        [
          'index-mismatch',
          'warning',
          'labels has the index labels_name_text_ops on (name) with keys (name text_pattern_ops), but Label (sequelize) declares (name text_ops): queries that need the declared operator class or order do not use it',
        ],
        [
          'index-mismatch',
          'warning',
          'labels has the index labels_name_siglen on (name) USING gin, but Label (sequelize) declares USING gist (name gist_trgm_ops(siglen=32)): a gin index cannot serve the operators a gist one does',
        ],
      ]);
    } finally {
      await mutated.drop();
    }
  });

  checksEachMutation([...mutations, ...defaultOperatorClassMutations], { template: () => synced, sources: () => [source()] });
});

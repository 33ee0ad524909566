import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planFix, renderFix } from '@ormdrift/core';
import { drizzleSource } from '@ormdrift/drizzle';
import * as schema from './fixtures/drizzle/index-schema.ts';
import { drizzleKitSql } from './fixtures/drizzle/drizzle-kit-sql.ts';
import { defaultOperatorClassMutations } from './fixtures/default-operator-class-mutations.ts';
import { catalogSnapshot } from './support/catalog-snapshot.ts';
import { checkDatabase, summarize } from './support/check-database.ts';
import { runSql } from './support/fix-runner.ts';
import { runCli } from './support/run-cli.ts';
import { checksEachMutation, type Mutation } from './support/mutations.ts';
import { createTestDatabase, type TestDatabase } from './support/test-database.ts';

const mutations: Mutation[] = [
  // a declared unique's name held by a unique or an index on other keys: the declared one is missing, and only that
  {
    name: 'the uniqueIndex() re-created unique under its name on (email, name): one missing-unique, no undeclared unique',
    sql: `drop index logins_email_uq; create unique index logins_email_uq on logins (email, name)`,
    findings: [{ code: 'missing-unique', severity: 'error', table: 'logins', column: 'email' }],
  },
  {
    name: 'the uniqueIndex() re-created unique under its name on lower(email)',
    sql: `drop index logins_email_uq; create unique index logins_email_uq on logins (lower(email))`,
    findings: [{ code: 'missing-unique', severity: 'error', table: 'logins', column: 'email' }],
  },
  {
    name: 'the uniqueIndex() re-created under its name on (email, name) without UNIQUE',
    sql: `drop index logins_email_uq; create index logins_email_uq on logins (email, name)`,
    findings: [{ code: 'missing-unique', severity: 'error', table: 'logins', column: 'email' }],
  },
  {
    name: 'the unique() constraint re-added under its name on (name, email)',
    sql: `alter table logins drop constraint logins_name_key; alter table logins add constraint logins_name_key unique (name, email)`,
    findings: [{ code: 'missing-unique', severity: 'error', table: 'logins', column: 'name' }],
  },
  {
    name: 'the composite unique() re-created under its name on one of its columns: missing, not an undeclared unique',
    sql: `alter table members drop constraint members_x_y; create unique index members_x_y on members (x)`,
    findings: [{ code: 'missing-unique', severity: 'error', table: 'members' }],
  },
  // an index of the declared name on other keys is that index built otherwise, not a missing one
  {
    name: 'the descending index re-created under its name with a second key',
    sql: `drop index events_starts_desc; create index events_starts_desc on events (starts_at desc nulls first, id)`,
    findings: [{ code: 'index-mismatch', severity: 'warning', table: 'events', column: 'starts_at' }],
  },
  {
    name: 'the GiST index re-created under its name USING hash on another column',
    sql: `drop index events_during; create index events_during on events using hash (title)`,
    findings: [{ code: 'index-mismatch', severity: 'warning', table: 'events', column: 'during' }],
  },
  {
    name: 'the trigram GIN index re-created under its name with an extra expression key',
    sql: `drop index events_title_trgm; create index events_title_trgm on events using gin (title gin_trgm_ops, upper(title) gin_trgm_ops)`,
    findings: [{ code: 'index-mismatch', severity: 'warning', table: 'events', column: 'title' }],
  },
  {
    name: 'the unique expression index re-created with another operator class on its expression key',
    sql: `drop index events_title_lower; create unique index events_title_lower on events (lower(title) text_pattern_ops)`,
    findings: [{ code: 'index-mismatch', severity: 'warning', table: 'events' }],
  },
  {
    name: 'the expression index re-created with its expression key DESC NULLS LAST: not the declared order read backward',
    sql: `drop index events_title_upper; create index events_title_upper on events (upper(title) desc nulls last)`,
    findings: [{ code: 'index-mismatch', severity: 'warning', table: 'events' }],
  },
  {
    name: 'the partial btree index dropped: missing, not the GIN index on the same column changed',
    sql: `drop index events_live_title`,
    findings: [{ code: 'missing-index', severity: 'warning', table: 'events', column: 'title' }],
  },
  {
    name: 'the trigram GIN index re-created as a plain btree',
    sql: `drop index events_title_trgm; create index events_title_trgm on events (title)`,
    findings: [{ code: 'index-mismatch', severity: 'warning', table: 'events', column: 'title' }],
  },
  {
    name: 'the GiST index re-created USING btree',
    sql: `drop index events_during; create index events_during on events using btree (during)`,
    findings: [{ code: 'index-mismatch', severity: 'warning', table: 'events', column: 'during' }],
  },
  {
    name: 'the descending index re-created with NULLS LAST',
    sql: `drop index events_starts_desc; create index events_starts_desc on events (starts_at desc nulls last)`,
    findings: [{ code: 'index-mismatch', severity: 'warning', table: 'events', column: 'starts_at' }],
  },
  {
    name: 'the partial index re-created with the same predicate spelled otherwise',
    sql: `drop index events_live_title; create index events_live_title on events (title) where not (cancelled_at is not null)`,
    findings: [],
  },
  {
    name: 'the partial index re-created with another predicate',
    sql: `drop index events_live_title; create index events_live_title on events (title) where cancelled_at is not null`,
    findings: [{ code: 'index-mismatch', severity: 'warning', table: 'events', column: 'title' }],
  },
  {
    name: 'the unique expression index re-created not unique',
    sql: `drop index events_title_lower; create index events_title_lower on events (lower(title))`,
    findings: [{ code: 'index-mismatch', severity: 'error', table: 'events' }],
  },
  {
    name: 'the expression index re-created unique',
    sql: `drop index events_title_upper; create unique index events_title_upper on events (upper(title))`,
    findings: [{ code: 'index-mismatch', severity: 'warning', table: 'events' }],
  },
  {
    name: 'the unique expression index re-created unique on another expression: the declared uniqueness lost, an undeclared one',
    sql: `drop index events_title_lower; create unique index events_title_lower on events (upper(title))`,
    findings: [
      { code: 'missing-unique', severity: 'error', table: 'events' },
      { code: 'extra-constraint', severity: 'warning', table: 'events' },
    ],
  },
  {
    name: 'the unique expression index dropped: duplicates can be stored',
    sql: `drop index events_title_lower`,
    findings: [{ code: 'missing-unique', severity: 'error', table: 'events' }],
  },
  {
    name: 'the partial unique rebuilt over every row under its name beside the declared full unique: covered, and named',
    sql: `drop index members_org_email_live; create unique index members_org_email_live on members (org_id, email)`,
    findings: [{ code: 'missing-unique', severity: 'warning', table: 'members' }],
  },
  {
    name: 'the partial unique dropped beside the declared full unique on the same columns: covered',
    sql: `drop index members_org_email_live`,
    findings: [{ code: 'missing-unique', severity: 'warning', table: 'members' }],
  },
  {
    name: 'the full unique dropped beside the declared partial one: missing, not the partial one stricter',
    sql: `alter table members drop constraint members_org_email_uq`,
    findings: [{ code: 'missing-unique', severity: 'error', table: 'members' }],
  },
  {
    name: 'the full unique replaced by a partial unique index of its name',
    sql: `alter table members drop constraint members_x_y; create unique index members_x_y on members (x, y) where x > 0`,
    findings: [{ code: 'unique-mismatch', severity: 'error', table: 'members' }],
  },
  {
    name: 'the partial unique index re-created without UNIQUE',
    sql: `drop index accounts_live_email; create index accounts_live_email on accounts (email) where deleted_at is null`,
    findings: [{ code: 'missing-unique', severity: 'error', table: 'accounts', column: 'email' }],
  },
  {
    name: 'the partial unique index re-created without UNIQUE and over other rows: one finding names both',
    sql: `drop index accounts_live_email; create index accounts_live_email on accounts (email) where deleted_at is not null`,
    findings: [{ code: 'missing-unique', severity: 'error', table: 'accounts', column: 'email' }],
  },
  {
    name: 'the partial unique index re-created over every row: stricter',
    sql: `drop index accounts_live_email; create unique index accounts_live_email on accounts (email)`,
    findings: [{ code: 'unique-mismatch', severity: 'error', table: 'accounts', column: 'email' }],
  },
  {
    name: 'the partial unique index re-created NULLS NOT DISTINCT',
    sql: `drop index accounts_live_email; create unique index accounts_live_email on accounts (email) nulls not distinct where deleted_at is null`,
    findings: [{ code: 'unique-mismatch', severity: 'error', table: 'accounts', column: 'email' }],
  },
  {
    name: 'the partial unique index re-created with the same predicate spelled otherwise',
    sql: `drop index accounts_live_email; create unique index accounts_live_email on accounts (email) where not (deleted_at is not null)`,
    findings: [],
  },
  {
    name: 'the partial index re-created UNIQUE',
    sql: `drop index accounts_live_handle; create unique index accounts_live_handle on accounts (handle) where deleted_at is null`,
    findings: [{ code: 'extra-constraint', severity: 'warning', table: 'accounts', column: 'handle' }],
  },
  {
    name: 'the partial index re-created UNIQUE over other rows: the other predicate and the undeclared unique, one finding each',
    sql: `drop index accounts_live_handle; create unique index accounts_live_handle on accounts (handle) where deleted_at is not null`,
    findings: [
      { code: 'index-mismatch', severity: 'warning', table: 'accounts', column: 'handle' },
      { code: 'extra-constraint', severity: 'warning', table: 'accounts', column: 'handle' },
    ],
  },
  {
    name: 'the partial unique expression index re-created without UNIQUE',
    sql: `drop index accounts_live_handle_lower; create index accounts_live_handle_lower on accounts (lower(handle)) where deleted_at is null`,
    findings: [{ code: 'index-mismatch', severity: 'error', table: 'accounts' }],
  },
  {
    name: 'the partial unique expression index re-created without UNIQUE and over other rows',
    sql: `drop index accounts_live_handle_lower; create index accounts_live_handle_lower on accounts (lower(handle)) where deleted_at is not null`,
    findings: [{ code: 'index-mismatch', severity: 'error', table: 'accounts' }],
  },
  {
    name: 'the trigram GIN index written as a sql key re-created as a plain btree',
    sql: `drop index notes_title_trgm; create index notes_title_trgm on notes (title)`,
    findings: [{ code: 'index-mismatch', severity: 'warning', table: 'notes', column: 'title' }],
  },
  {
    name: 'the operator class written in a sql key dropped',
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
    name: 'the column of the COLLATE "C" sql key of the mixed index collated "C" itself: only the column differs',
    sql: `alter table notes alter column title type text collate "C"`,
    findings: [{ code: 'collation-mismatch', severity: 'warning', table: 'notes', column: 'title' }],
  },
  {
    name: 'the DESC NULLS FIRST index re-created ASC NULLS LAST: every key reversed, a backward scan serves it',
    sql: `drop index events_starts_desc; create index events_starts_desc on events (starts_at)`,
    findings: [],
  },
  {
    name: 'the descending index marked INVALID (as a cancelled CREATE INDEX CONCURRENTLY leaves it): missing',
    sql: `update pg_index set indisvalid = false where indexrelid = 'events_starts_desc'::regclass`,
    findings: [{ code: 'missing-index', severity: 'warning', table: 'events', column: 'starts_at' }],
  },
  {
    name: 'the unique expression index marked INVALID: missing, not unique-or-not',
    sql: `update pg_index set indisvalid = false where indexrelid = 'events_title_lower'::regclass`,
    findings: [{ code: 'missing-index', severity: 'warning', table: 'events' }],
  },
];

describe('Drizzle indexes compared in full: a database built by drizzle-kit', () => {
  let built: TestDatabase;
  const source = () => drizzleSource(schema, { name: 'indexes' });

  beforeAll(async () => {
    built = await createTestDatabase();
    await built.query('create extension if not exists pg_trgm');
    for (const statement of await drizzleKitSql(schema)) await built.query(statement);
  });
  afterAll(() => built?.drop());

  it('checks with zero findings: .using(), .op(), .desc().nullsFirst() and .where() as drizzle-kit built them', async () => {
    const result = await checkDatabase(built.url, [source()]);
    expect(summarize(result)).toEqual([]);
    expect(result.problems).toEqual([]);
  });

  it("checks clean from the CLI too: the default classes its .op('text_ops') keys name are read through the CLI's own connection", async () => {
    const run = await runCli(['check', 'index-schema.ts', '--db', built.url, '--format', 'json'], { cwd: import.meta.dirname + '/fixtures/drizzle' });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toMatchObject({ findings: [], summary: { errors: 0, warnings: 0 } });
    expect(run.code).toBe(0);
  });

  it('reads a sql key naming a column with its operator class as that column key: a GIN index re-created as btree names both', async () => {
    const mutated = await createTestDatabase({ template: built });
    try {
      await mutated.query(`drop index notes_title_trgm; create index notes_title_trgm on notes (title)`);
      const [finding, ...rest] = (await checkDatabase(mutated.url, [source()])).findings;
      expect(rest).toEqual([]);
      expect(finding?.message).toBe(
        'notes has the index notes_title_trgm on (title) USING btree, but notes (drizzle) declares USING gin (title gin_trgm_ops): a btree index cannot serve the operators a gin one does',
      );
      expect(finding?.expected).toEqual({ columns: ['title'], method: 'gin', keys: ['title gin_trgm_ops'] });
      expect(finding?.actual).toEqual({ columns: ['title'], method: 'btree', keys: ['title'], name: 'notes_title_trgm' });
    } finally {
      await mutated.drop();
    }
  });

  it('names the lost operator class of a sql column key, and of a mixed index each key by its column or expression', async () => {
    const mutated = await createTestDatabase({ template: built });
    try {
      await mutated.query(`drop index notes_slug_pattern; create index notes_slug_pattern on notes (slug);
        drop index notes_body_mixed; create index notes_body_mixed on notes (body, lower(title), title desc)`);
      const findings = (await checkDatabase(mutated.url, [source()])).findings;
      expect(findings.map((finding) => finding.message)).toEqual([
        'notes has the index notes_body_mixed on (body, lower("title"), title) with keys (body, lower("title"), title DESC), but notes (drizzle) declares (body, lower("title"), title COLLATE "C" DESC): queries under the declared collation do not use it',
        'notes has the index notes_slug_pattern on (slug) with keys (slug), but notes (drizzle) declares (slug text_pattern_ops): queries that need the declared operator class or order do not use it',
      ]);
      expect(findings[0]?.expected).toEqual({ keys: ['body', 'lower("title")', 'title COLLATE "C" DESC'], expressions: ['body', 'lower("title")', 'title'] });
      expect(findings[1]?.actual).toEqual({ columns: ['slug'], keys: ['slug'], name: 'notes_slug_pattern' });
    } finally {
      await mutated.drop();
    }
  });

  it('reports the unique index a CREATE UNIQUE INDEX CONCURRENTLY left INVALID on duplicates as missing, and fix writes no CREATE over it', async () => {
    const mutated = await createTestDatabase({ template: built });
    try {
      await mutated.query(`drop index accounts_live_email;
        insert into accounts (id, email, handle) values (1, 'a@example.com', 'a'), (2, 'a@example.com', 'b')`);
      // CONCURRENTLY runs outside a transaction block: one statement per call
      await expect(mutated.query('create unique index concurrently accounts_live_email on accounts (email) where deleted_at is null')).rejects.toThrow(
        /could not create unique index/,
      );
      const result = await checkDatabase(mutated.url, [source()]);
      expect(result.findings.map((finding) => [finding.code, finding.severity, finding.message])).toEqual([
        [
          'missing-unique',
          'error',
          'accounts has no valid unique constraint or unique index accounts_live_email on (email) WHERE "accounts"."deleted_at" is null that accounts (drizzle) declares: its unique index accounts_live_email on (email) WHERE (deleted_at IS NULL) is INVALID (a CREATE UNIQUE INDEX CONCURRENTLY that failed, on duplicate rows for one): duplicates can be stored, and INSERT ... ON CONFLICT (email) WHERE "accounts"."deleted_at" is null fails; remove the duplicates, then drop it and build it again (DROP INDEX CONCURRENTLY, then CREATE UNIQUE INDEX CONCURRENTLY)',
        ],
      ]);
      const fix = renderFix(planFix(result, { concurrently: true }));
      expect(fix.concurrent?.statements ?? []).toEqual([]);
      expect(fix.up).toContain('--     DROP INDEX CONCURRENTLY "public"."accounts_live_email";');
    } finally {
      await mutated.drop();
    }
  });

  it('names the dropped GIN index, its operator class and method, next to a btree index on the same column', async () => {
    const mutated = await createTestDatabase({ template: built });
    try {
      await mutated.query(`drop index events_title_trgm`);
      const result = await checkDatabase(mutated.url, [source()]);
      expect(result.findings.map((finding) => [finding.code, finding.severity, finding.message])).toEqual([
        [
          'missing-index',
          'warning',
          'events has no index events_title_trgm on (title gin_trgm_ops) USING gin that events (drizzle) declares: queries on it scan the table',
        ],
      ]);
    } finally {
      await mutated.drop();
    }
  });

  it('names the operator class of an expression key re-created with another one', async () => {
    const mutated = await createTestDatabase({ template: built });
    try {
      await mutated.query(`drop index events_title_upper; create index events_title_upper on events (upper(title) text_pattern_ops)`);
      const [finding] = (await checkDatabase(mutated.url, [source()])).findings;
      expect(finding?.message).toBe(
        'events has the index events_title_upper on (upper("title")) with keys (upper("title") text_pattern_ops), but events (drizzle) declares (upper("title")): queries that need the declared operator class or order do not use it',
      );
    } finally {
      await mutated.drop();
    }
  });

  it("fix's replacement for an expression index keeps the key's declared operator class, and re-checks clean", async () => {
    const mutated = await createTestDatabase({ template: built });
    try {
      await mutated.query('drop index labels_lower_text_ops; create index labels_lower_text_ops on labels (lower(name) text_pattern_ops)');
      const drifted = await checkDatabase(mutated.url, [source()]);
      expect(summarize(drifted)).toEqual([{ code: 'index-mismatch', severity: 'warning', table: 'labels' }]);
      const recipe = renderFix(planFix(drifted))
        .up.split('\n')
        .filter((line) => /^-- {5}(DROP|CREATE)/.test(line))
        .map((line) => line.replace(/^-- {5}/, ''));
      expect(recipe).toEqual([
        'DROP INDEX "public"."labels_lower_text_ops";',
        'CREATE INDEX "labels_lower_text_ops" ON "public"."labels" ((lower("name")) text_ops);',
      ]);
      await runSql(mutated.url, [`BEGIN;\n${recipe.join('\n')}\nCOMMIT;`]);
      expect(summarize(await checkDatabase(mutated.url, [source()]))).toEqual([]);
    } finally {
      await mutated.drop();
    }
  });

  it('says duplicates can be stored when a uniqueIndex() on an expression is re-created not unique', async () => {
    const mutated = await createTestDatabase({ template: built });
    try {
      await mutated.query(`drop index events_title_lower; create index events_title_lower on events (lower(title))`);
      const [finding] = (await checkDatabase(mutated.url, [source()])).findings;
      expect(finding?.severity).toBe('error');
      expect(finding?.message).toMatch(
        /^events has the index events_title_lower on \(lower\("?title"?\)\) not unique, but events \(drizzle\) declares a unique one: duplicates can be stored/,
      );
    } finally {
      await mutated.drop();
    }
  });

  it('says duplicates can be stored and ON CONFLICT fails when a partial uniqueIndex() is re-created without UNIQUE', async () => {
    const mutated = await createTestDatabase({ template: built });
    try {
      await mutated.query(`drop index accounts_live_email; create index accounts_live_email on accounts (email) where deleted_at is null`);
      const result = await checkDatabase(mutated.url, [source()]);
      expect(result.findings.map((finding) => [finding.severity, finding.message])).toEqual([
        [
          'error',
          'accounts has the index accounts_live_email on (email) WHERE (deleted_at IS NULL) without UNIQUE, but accounts (drizzle) declares it unique: duplicates can be stored, and INSERT ... ON CONFLICT (email) WHERE "accounts"."deleted_at" is null fails (no unique or exclusion constraint matching)',
        ],
      ]);
      // actual is what the database holds: the server's deparse of the predicate, expected the model's
      expect([result.findings[0]?.expected, result.findings[0]?.actual]).toEqual([
        { columns: ['email'], unique: true, name: 'accounts_live_email', where: '"accounts"."deleted_at" is null' },
        { columns: ['email'], unique: false, name: 'accounts_live_email', where: '(deleted_at IS NULL)' },
      ]);
      // the check's claim, as PostgreSQL makes it: the upsert the models rely on has no arbiter
      await expect(
        mutated.query(`insert into accounts (id, email, handle) values (1, 'a@x', 'a') on conflict (email) where deleted_at is null do nothing`),
      ).rejects.toThrow(/no unique or exclusion constraint matching/);
    } finally {
      await mutated.drop();
    }
  });

  it('names both predicates in one finding when the partial unique index is re-created without UNIQUE over other rows', async () => {
    const mutated = await createTestDatabase({ template: built });
    try {
      await mutated.query(`drop index accounts_live_email; create index accounts_live_email on accounts (email) where deleted_at is not null`);
      const result = await checkDatabase(mutated.url, [source()]);
      expect(result.findings.map((finding) => finding.message)).toEqual([
        'accounts has the index accounts_live_email on (email) WHERE (deleted_at IS NOT NULL) without UNIQUE, but accounts (drizzle) declares a unique index accounts_live_email on (email) WHERE "accounts"."deleted_at" is null: duplicates can be stored, and INSERT ... ON CONFLICT (email) WHERE "accounts"."deleted_at" is null fails (no unique or exclusion constraint matching)',
      ]);
    } finally {
      await mutated.drop();
    }
  });

  it('says the database rejects duplicate keys the models allow when a partial index() is re-created UNIQUE', async () => {
    const mutated = await createTestDatabase({ template: built });
    try {
      await mutated.query(`drop index accounts_live_handle; create unique index accounts_live_handle on accounts (handle) where deleted_at is null`);
      const result = await checkDatabase(mutated.url, [source()]);
      expect(result.findings.map((finding) => [finding.severity, finding.message])).toEqual([
        [
          'warning',
          'accounts has a unique accounts_live_handle on (handle) WHERE (deleted_at IS NULL), but accounts (drizzle) declares it not unique: the database rejects duplicate keys the models allow, so a write that repeats a key among the rows WHERE (deleted_at IS NULL) fails',
        ],
      ]);
      expect(result.findings[0]?.message).not.toContain('duplicates can be stored');
      // the check's claim, as PostgreSQL makes it: a second live row with a handle the models allow to repeat fails
      await mutated.query(`insert into accounts (id, email, handle) values (1, 'a@x', 'same')`);
      await expect(mutated.query(`insert into accounts (id, email, handle) values (2, 'b@x', 'same')`)).rejects.toThrow(/duplicate key/);
    } finally {
      await mutated.drop();
    }
  });

  it('fix creates a dropped partial unique index UNIQUE and dropped expression indexes on their expressions, re-checks clean, and rolls back', async () => {
    const mutated = await createTestDatabase({ template: built });
    try {
      await mutated.query(
        `drop index accounts_live_email; drop index accounts_live_handle_lower; drop index events_title_lower; drop index events_title_upper`,
      );
      const before = await catalogSnapshot(mutated.url);
      const drifted = await checkDatabase(mutated.url, [source()]);
      expect(summarize(drifted)).toEqual([
        { code: 'missing-unique', severity: 'error', table: 'accounts' },
        { code: 'missing-unique', severity: 'error', table: 'accounts', column: 'email' },
        { code: 'missing-unique', severity: 'error', table: 'events' },
        { code: 'missing-index', severity: 'warning', table: 'events' },
      ]);
      const scripts = renderFix(planFix(drifted));
      expect(scripts.up).toContain('CREATE UNIQUE INDEX "accounts_live_email" ON "public"."accounts" ("email") WHERE "accounts"."deleted_at" is null');
      expect(scripts.up).toContain(
        'CREATE UNIQUE INDEX "accounts_live_handle_lower" ON "public"."accounts" ((lower("handle"))) WHERE "accounts"."deleted_at" is null',
      );
      expect(scripts.up).toContain('CREATE UNIQUE INDEX "events_title_lower" ON "public"."events" ((lower("title")))');
      expect(scripts.up).toContain('CREATE INDEX "events_title_upper" ON "public"."events" ((upper("title")))');
      expect(scripts.up).not.toContain('Not fixed automatically');

      await runSql(mutated.url, scripts.batches);
      expect(summarize(await checkDatabase(mutated.url, [source()]))).toEqual([]);
      const fixed = await catalogSnapshot(mutated.url);
      await runSql(mutated.url, scripts.batches);
      expect(await catalogSnapshot(mutated.url)).toEqual(fixed);
      await runSql(mutated.url, [scripts.down]);
      expect(await catalogSnapshot(mutated.url)).toEqual(before);
    } finally {
      await mutated.drop();
    }
  });

  it('fix leaves an index to make UNIQUE to a person, with the DROP INDEX and CREATE UNIQUE INDEX that re-check clean', async () => {
    const mutated = await createTestDatabase({ template: built });
    try {
      await mutated.query(`drop index accounts_live_email; create index accounts_live_email on accounts (email) where deleted_at is null;
        drop index events_title_lower; create index events_title_lower on events (lower(title))`);
      const drifted = await checkDatabase(mutated.url, [source()]);
      const scripts = renderFix(planFix(drifted));
      // ormdrift never drops: both replacements are comments for a person, and up.sql adds nothing
      expect(scripts.up).toContain('-- Nothing to add.');
      const recipe = scripts.up
        .split('\n')
        .filter((line) => /^-- {5}(DROP|CREATE)/.test(line))
        .map((line) => line.replace(/^-- {5}/, ''));
      expect(recipe).toEqual([
        'DROP INDEX "public"."events_title_lower";',
        'CREATE UNIQUE INDEX "events_title_lower" ON "public"."events" ((lower("title")));',
        'DROP INDEX "public"."accounts_live_email";',
        'CREATE UNIQUE INDEX "accounts_live_email" ON "public"."accounts" ("email") WHERE "accounts"."deleted_at" is null;',
      ]);
      await runSql(mutated.url, [`BEGIN;\n${recipe.join('\n')}\nCOMMIT;`]);
      expect(summarize(await checkDatabase(mutated.url, [source()]))).toEqual([]);
    } finally {
      await mutated.drop();
    }
  });

  it('names an index of the declared name on other keys with both key lists, and fix leaves the DROP INDEX and CREATE INDEX that re-check clean', async () => {
    const mutated = await createTestDatabase({ template: built });
    try {
      await mutated.query('drop index events_starts_desc; create index events_starts_desc on events (cancelled_at, starts_at)');
      const drifted = await checkDatabase(mutated.url, [source()]);
      expect(drifted.findings.map((finding) => [finding.code, finding.severity, finding.message])).toEqual([
        [
          'index-mismatch',
          'warning',
          'events has the index events_starts_desc on (cancelled_at, starts_at), but events (drizzle) declares it on (starts_at DESC): it does not serve every query the declared one does',
        ],
      ]);
      const recipe = renderFix(planFix(drifted))
        .up.split('\n')
        .filter((line) => /^-- {5}(DROP|CREATE)/.test(line))
        .map((line) => line.replace(/^-- {5}/, ''));
      expect(recipe).toEqual(['DROP INDEX "public"."events_starts_desc";', 'CREATE INDEX "events_starts_desc" ON "public"."events" ("starts_at" DESC);']);
      await runSql(mutated.url, [`BEGIN;\n${recipe.join('\n')}\nCOMMIT;`]);
      expect(summarize(await checkDatabase(mutated.url, [source()]))).toEqual([]);
    } finally {
      await mutated.drop();
    }
  });

  it('names the unique or index that holds a declared unique name on other keys, and fix leaves the replacement that re-checks clean', async () => {
    const mutated = await createTestDatabase({ template: built });
    try {
      await mutated.query(`drop index logins_email_uq; create unique index logins_email_uq on logins (email, name);
        alter table logins drop constraint logins_name_key; alter table logins add constraint logins_name_key unique (name, email)`);
      const drifted = await checkDatabase(mutated.url, [source()]);
      expect(drifted.findings.map((finding) => [finding.code, finding.severity, finding.message, finding.actual])).toEqual([
        [
          'missing-unique',
          'error',
          'logins has no unique constraint or unique index on (email) that logins (drizzle) declares: its unique index logins_email_uq on (email, name) holds the declared name logins_email_uq on other keys, so duplicates of (email) can be stored (only (email, name) together is unique), and INSERT ... ON CONFLICT (email) fails (no unique or exclusion constraint matching)',
          { columns: ['email', 'name'], unique: true, name: 'logins_email_uq' },
        ],
        [
          'missing-unique',
          'error',
          'logins has no unique constraint or unique index on (name) that logins (drizzle) declares: its unique constraint logins_name_key on (name, email) holds the declared name logins_name_key on other keys, so duplicates of (name) can be stored (only (name, email) together is unique), and INSERT ... ON CONFLICT (name) fails (no unique or exclusion constraint matching)',
          { columns: ['name', 'email'], unique: true, name: 'logins_name_key', constraint: true },
        ],
      ]);
      const scripts = renderFix(planFix(drifted));
      // no CREATE over a name that is taken: ormdrift never drops, so the replacement is a note for a person
      expect(scripts.up).toContain('-- Nothing to add.');
      const recipe = scripts.up
        .split('\n')
        .filter((line) => /^-- {5}(DROP|CREATE|ALTER)/.test(line))
        .map((line) => line.replace(/^-- {5}/, ''));
      expect(recipe).toEqual([
        'ALTER TABLE "public"."logins" DROP CONSTRAINT "logins_name_key";',
        'ALTER TABLE "public"."logins" ADD CONSTRAINT "logins_name_key" UNIQUE ("name");',
        'DROP INDEX "public"."logins_email_uq";',
        'ALTER TABLE "public"."logins" ADD CONSTRAINT "logins_email_uq" UNIQUE ("email");',
      ]);
      await runSql(mutated.url, [`BEGIN;\n${recipe.join('\n')}\nCOMMIT;`]);
      expect(summarize(await checkDatabase(mutated.url, [source()]))).toEqual([]);
    } finally {
      await mutated.drop();
    }
  });

  it("reads a key declared with its type's default operator class as that default one, and names another class", async () => {
    const mutated = await createTestDatabase({ template: built });
    try {
      await mutated.query(`drop index labels_name_text_ops; create index labels_name_text_ops on labels (name text_pattern_ops);
        drop index labels_name_siglen; create index labels_name_siglen on labels using gin (name gin_trgm_ops)`);
      const findings = (await checkDatabase(mutated.url, [source()])).findings;
      expect(findings.map((finding) => [finding.code, finding.severity, finding.message])).toEqual([
        [
          'index-mismatch',
          'warning',
          'labels has the index labels_name_text_ops on (name) with keys (name text_pattern_ops), but labels (drizzle) declares (name text_ops): queries that need the declared operator class or order do not use it',
        ],
        [
          'index-mismatch',
          'warning',
          'labels has the index labels_name_siglen on (name) USING gin, but labels (drizzle) declares USING gist (name gist_trgm_ops(siglen=32)): a gin index cannot serve the operators a gist one does',
        ],
      ]);
    } finally {
      await mutated.drop();
    }
  });

  it('says an index that serves every query but is larger (INCLUDE columns added, a partial one rebuilt full) and one of other class parameters; fix names each', async () => {
    const mutated = await createTestDatabase({ template: built });
    try {
      await mutated.query(`drop index events_starts_desc; create index events_starts_desc on events (starts_at desc nulls first) include (title);
        drop index events_live_title; create index events_live_title on events (title);
        drop index labels_name_siglen; create index labels_name_siglen on labels using gist (name gist_trgm_ops(siglen=100))`);
      const result = await checkDatabase(mutated.url, [source()]);
      expect(result.findings.map((finding) => [finding.code, finding.severity, finding.message])).toEqual([
        [
          'index-mismatch',
          'warning',
          'events has the index events_starts_desc on (starts_at DESC) INCLUDE (title), but events (drizzle) declares it on (starts_at DESC): it serves every query the declared one does, but it is larger (it carries title too), so each write that changes its columns updates more and each lookup reads more',
        ],
        [
          'index-mismatch',
          'warning',
          'events has the index events_live_title on (title), but events (drizzle) declares it on (title) WHERE "events"."cancelled_at" is null: it serves every query the declared one does, but it is larger (it indexes every row, not only those of the predicate), so each write updates it and each lookup reads more',
        ],
        [
          'index-mismatch',
          'warning',
          'labels has the index labels_name_siglen on (name) with keys (name gist_trgm_ops(siglen=100)), but labels (drizzle) declares (name gist_trgm_ops(siglen=32)): the same operator class with other parameters, so queries use it as they would the declared one, but its size and how many rows each lookup rechecks differ',
        ],
      ]);
      // a unique whose declared name is held on other keys is named so too, not a non-unique index
      await mutated.query('alter table members drop constraint members_x_y; alter table members add constraint members_x_y unique (x)');
      const run = await runCli(['fix', 'index-schema.ts', '--db', mutated.url, '--out', '-'], { cwd: import.meta.dirname + '/fixtures/drizzle' });
      expect(run.stderr).toContain('(2 larger indexes, 1 index with other operator class parameters and 1 unique whose name is held on other keys)');
    } finally {
      await mutated.drop();
    }
  });

  checksEachMutation([...mutations, ...defaultOperatorClassMutations], { template: () => built, sources: () => [source()] });
});

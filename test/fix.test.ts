import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { integer, pgEnum, pgTable } from 'drizzle-orm/pg-core';
import { drizzleSource } from '@ormdrift/drizzle';
import * as chat from './fixtures/fix/chat-schema.ts';
import { catalogSnapshot } from './support/catalog-snapshot.ts';
import { checkDatabase, summarize } from './support/check-database.ts';
import { fixScripts, missingFindings, runSql } from './support/fix-runner.ts';
import { runCli } from './support/run-cli.ts';
import { createTestDatabase, type TestDatabase } from './support/test-database.ts';

const fixtures = resolve(import.meta.dirname, 'fixtures/fix');
const sources = () => [drizzleSource(chat, { name: 'chat', file: 'chat-schema.ts' })];

let production: TestDatabase;
beforeAll(async () => {
  production = await createTestDatabase();
  await production.query(await readFile(join(fixtures, 'chat-production.sql'), 'utf8'));
});
afterAll(() => production?.drop());

/** A copy of the chat app's production database for one test, dropped after it. */
async function withCopy(use: (copy: TestDatabase) => Promise<void>): Promise<void> {
  const copy = await createTestDatabase({ template: production });
  try {
    await use(copy);
  } finally {
    await copy.drop();
  }
}

describe('a chat database a release behind its models, with rows in every table', () => {
  it('is reported as nine missing columns, a missing table, a missing enum value and a missing foreign key', async () => {
    const result = await checkDatabase(production.url, sources());
    expect(
      summarize(result)
        .map((finding) => finding.code)
        .sort(),
    ).toEqual(['enum-values-mismatch', ...Array(9).fill('missing-column'), 'missing-foreign-key', 'missing-table']);
  });

  it('up.sql adds them, runs twice, leaves no missing-* finding; down.sql restores the schema exactly', async () => {
    await withCopy(async (copy) => {
      const before = await catalogSnapshot(copy.url);
      const scripts = fixScripts(await checkDatabase(copy.url, sources()));
      expect(scripts.up).not.toMatch(/\bDROP\b/);
      expect(scripts.up).not.toMatch(/ALTER COLUMN \S+ TYPE/);

      const first = await runSql(copy.url, scripts.batches);
      const after = await checkDatabase(copy.url, sources());
      expect(missingFindings(after)).toEqual([]);
      expect(after.summary.errors).toBe(0);
      // the three NOT NULL columns without a default are added nullable, each with the backfill to do
      expect(summarize(after)).toEqual([
        { code: 'nullability-mismatch', severity: 'warning', table: 'conversations', column: 'is_group' },
        { code: 'nullability-mismatch', severity: 'warning', table: 'messages', column: 'client_id' },
        { code: 'nullability-mismatch', severity: 'warning', table: 'users', column: 'display_name' },
      ]);
      expect(first.notices.filter((notice) => notice.includes('as nullable because the table holds rows'))).toHaveLength(3);
      expect(first.notices).toContain(
        'NOTICE: ormdrift: added column messages.client_id as nullable because the table holds rows: fill it for every row, then run: ALTER TABLE "public"."messages" ALTER COLUMN "client_id" SET NOT NULL',
      );
      expect(first.notices).toContain('NOTICE: ormdrift: added table conversation_members');
      expect(first.notices).toContain('NOTICE: ormdrift: added value seen of type message_status');
      expect((await copy.query<{ n: number }>('select count(*)::int as n from messages where edited = false'))[0]!.n).toBe(2);

      const fixed = await catalogSnapshot(copy.url);
      const second = await runSql(copy.url, scripts.batches);
      expect(second.notices.some((notice) => notice.includes('added'))).toBe(false);
      expect(second.notices.filter((notice) => notice.includes('skipped'))).toHaveLength(first.notices.filter((notice) => notice.includes('added')).length);
      expect(await catalogSnapshot(copy.url)).toEqual(fixed);

      await runSql(copy.url, [scripts.down]);
      expect(await catalogSnapshot(copy.url)).toEqual(before);
      expect((await copy.query<{ n: number }>('select count(*)::int as n from messages'))[0]!.n).toBe(2);
    });
  });

  it('down.sql refuses to remove an enum value that rows use, and changes nothing', async () => {
    await withCopy(async (copy) => {
      const scripts = fixScripts(await checkDatabase(copy.url, sources()));
      await runSql(copy.url, scripts.batches);
      await copy.query(`update messages set status = 'seen' where content = 'hello'`);
      const fixed = await catalogSnapshot(copy.url);
      await expect(runSql(copy.url, [scripts.down])).rejects.toThrow(
        /cannot remove values seen of type message_status: rows of messages \(column status\) use them/,
      );
      expect(await catalogSnapshot(copy.url)).toEqual(fixed);
    });
  });

  it('a new foreign key that existing rows break stays NOT VALID with a warning, and everything else is added', async () => {
    await withCopy(async (copy) => {
      await copy.query('alter table messages add column reply_to_id uuid');
      await copy.query(`update messages set reply_to_id = '00000000-0000-0000-0000-00000000dead'`);
      const run = await runSql(copy.url, fixScripts(await checkDatabase(copy.url, sources())).batches);
      expect(run.notices.some((notice) => /^WARNING: ormdrift: foreign key messages_reply_to_id_messages_id_fk on messages stays NOT VALID/.test(notice))).toBe(
        true,
      );
      const [key] = await copy.query<{ validated: boolean }>(
        `select convalidated as validated from pg_constraint where conname = 'messages_reply_to_id_messages_id_fk'`,
      );
      expect(key).toEqual({ validated: false });
      expect(missingFindings(await checkDatabase(copy.url, sources()))).toEqual([]);
    });
  });

  it('a default that uses a new enum value commits the value first, in a transaction of its own', async () => {
    await withCopy(async (copy) => {
      const status = pgEnum('message_status', ['sent', 'delivered', 'seen']);
      const inbox = pgTable('inbox', { id: integer().primaryKey(), status: status().notNull().default('seen') });
      const source = drizzleSource({ status, inbox }, { name: 'inbox' });
      const scripts = fixScripts(await checkDatabase(copy.url, [source]));
      expect(scripts.batches).toHaveLength(2);
      expect(scripts.batches[0]).toContain(`ADD VALUE 'seen'`);
      await runSql(copy.url, scripts.batches);
      expect(missingFindings(await checkDatabase(copy.url, [source]))).toEqual([]);
    });
  });
});

describe('ormdrift fix, as a user runs it', () => {
  let directory: string;
  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'ormdrift-fix-'));
  });
  afterAll(() => rm(directory, { recursive: true, force: true }));

  it('writes up.sql and down.sql, runs nothing, and says what it adds and what it leaves', async () => {
    await withCopy(async (copy) => {
      const before = await catalogSnapshot(copy.url);
      const up = join(directory, 'up.sql');
      const down = join(directory, 'down.sql');
      const run = await runCli(['fix', 'chat-schema.ts', '--db', copy.url, '--out', up, '--rollback', down], { cwd: fixtures });
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe(
        `ormdrift fix: ${up} adds 1 enum value, 1 table, 1 index, 9 columns and 3 foreign keys. ` +
          '3 NOT NULL columns without a default are added nullable if the table holds rows: a NOTICE names the backfill and the SET NOT NULL to run after. ' +
          `${down} removes exactly what it adds. Nothing was run: review it, try it on a copy, then run psql -v ON_ERROR_STOP=1 -f ${up} (or pass --apply).\n`,
      );
      expect(run.code).toBe(0);
      expect(await catalogSnapshot(copy.url)).toEqual(before);
      expect(await readFile(up, 'utf8')).toMatch(/^BEGIN;$/m);
      expect(await readFile(down, 'utf8')).toContain('DROP TABLE "public"."conversation_members"');
    });
  });

  it('--apply runs it in one transaction and checks again: exit 0, no missing-* finding', async () => {
    await withCopy(async (copy) => {
      const run = await runCli(['fix', 'chat-schema.ts', '--db', copy.url, '--apply'], { cwd: fixtures });
      expect(run.stdout).toMatch(/^-- ormdrift fix: up script/);
      expect(run.stderr).toContain('  notice: added table conversation_members\n');
      expect(run.stderr).toContain('ormdrift fix: applied. Check again: 0 errors and 3 warnings (were 11 and 1); 0 missing-* findings remain (were 11).');
      expect(run.code).toBe(0);
      const check = await runCli(['check', 'chat-schema.ts', '--db', copy.url], { cwd: fixtures });
      expect(check.code).toBe(0);
    });
  });

  it('--apply on an empty database creates the extension a uuid default needs, and checks clean (TypeORM example)', async () => {
    const empty = await createTestDatabase();
    try {
      const example = resolve(import.meta.dirname, '../examples/typeorm-app');
      const down = join(directory, 'uuid-down.sql');
      const run = await runCli(['fix', 'src/data-source.ts', '--db', empty.url, '--rollback', down, '--apply'], { cwd: example });
      expect(run.stdout).toContain('CREATE EXTENSION IF NOT EXISTS "uuid-ossp" SCHEMA public;');
      expect(run.stdout.indexOf('"uuid-ossp"')).toBeLessThan(run.stdout.indexOf('CREATE TABLE'));
      expect(run.stderr).toContain('  notice: added extension uuid-ossp\n');
      expect(run.code, run.stderr).toBe(0);
      const check = await runCli(['check', 'src/data-source.ts', '--db', empty.url], { cwd: example });
      expect(check.stdout + check.stderr).toMatch(/no drift/i);
      expect(check.code).toBe(0);
      // other objects may use the extension: down.sql leaves it
      expect(await readFile(down, 'utf8')).not.toMatch(/EXTENSION/);
    } finally {
      await empty.drop();
    }
  });

  it('--concurrently moves the indexes of existing tables to a second file that runs outside a transaction', async () => {
    await withCopy(async (copy) => {
      await copy.query('drop index messages_conversation_created_idx');
      const up = join(directory, 'c-up.sql');
      const run = await runCli(['fix', 'chat-schema.ts', '--db', copy.url, '--out', up, '--concurrently', '--apply'], { cwd: fixtures });
      expect(run.stderr).toContain(
        `1 index is in ${join(directory, 'c-up.concurrent.sql')}, to run after it and outside a transaction (CREATE INDEX CONCURRENTLY).`,
      );
      expect(run.code).toBe(0);
      const concurrent = await readFile(join(directory, 'c-up.concurrent.sql'), 'utf8');
      expect(concurrent).toContain(
        'CREATE INDEX CONCURRENTLY IF NOT EXISTS "messages_conversation_created_idx" ON "public"."messages" ("conversation_id", "created_at");',
      );
      expect(concurrent).not.toMatch(/^BEGIN/m);
      // the new table's index needs no CONCURRENTLY: the table is empty
      expect(await readFile(up, 'utf8')).toContain('CREATE INDEX "conversation_members_user_idx"');
      expect(missingFindings(await checkDatabase(copy.url, sources()))).toEqual([]);
    });
  });

  it('fails with exit 2 and one line when the SQL fails, leaving the database as it was', async () => {
    await withCopy(async (copy) => {
      const before = await catalogSnapshot(copy.url);
      // another session holds the tables: the fix waits 5 s for its lock (lock_timeout), then rolls back
      const holder = new pg.Client({ connectionString: copy.url });
      await holder.connect();
      try {
        await holder.query('begin; lock table users, conversations, messages in access share mode');
        const run = await runCli(['fix', 'chat-schema.ts', '--db', copy.url, '--apply'], { cwd: fixtures });
        expect(run.code).toBe(2);
        expect(run.stderr.trimEnd().split('\n').at(-1)).toMatch(
          /^ormdrift: the script failed and its transaction was rolled back at the step "missing-[a-z-]+ [^"]+": canceling statement due to lock timeout; another session holds a lock on "public"\."(users|conversations|messages)" \(backend \d+, see pg_stat_activity\): run ormdrift fix --apply again when that session ends, or at a quieter time$/,
        );
      } finally {
        await holder.end();
      }
      expect(await catalogSnapshot(copy.url)).toEqual(before);
    });
  });
});

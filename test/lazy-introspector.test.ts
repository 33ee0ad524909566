/**
 * The library's side of "never a hang": the lazy introspector connects, reads and closes; every catalog read has a
 * client-side deadline; an AbortSignal rejects at once and cancels the query still running on the server.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check, type SchemaSource } from '@ormdrift/core';
import { IntrospectionError, MissingSchemaError, PostgresIntrospector, postgresIntrospector } from '@ormdrift/postgres';
import { createTestDatabase, type TestDatabase } from './support/test-database.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  await database.query('create table notes (id serial primary key, title text not null)');
});
afterAll(() => database?.drop());

const notes: SchemaSource = {
  name: 'test:notes',
  load: async () => ({
    schema: {
      tables: [
        {
          schema: 'public',
          name: 'notes',
          kind: 'table',
          columns: [
            {
              name: 'id',
              type: { raw: 'integer', name: 'integer', arrayDims: 0 },
              nullable: false,
              default: "nextval('notes_id_seq'::regclass)",
              identity: null,
              generated: null,
            },
            { name: 'title', type: { raw: 'text', name: 'text', arrayDims: 0 }, nullable: false, default: null, identity: null, generated: null },
          ],
          primaryKey: { columns: ['id'] },
          foreignKeys: [],
          uniques: [],
          indexes: [],
          sources: [{ orm: 'test', registry: 'notes', model: 'Note' }],
        },
      ],
      enums: [],
    },
    problems: [],
  }),
};

async function ormdriftSessions(): Promise<{ pid: number; state: string; query: string }[]> {
  return database.query(`select pid, state, query from pg_stat_activity where datname = current_database() and application_name = 'ormdrift'`);
}

/** Holds an ACCESS EXCLUSIVE lock on pg_enum, the last catalog the introspector reads, until released. */
async function lockPgEnum(): Promise<{ waiting(): Promise<void>; release(): Promise<void> }> {
  const holder = new pg.Client({ connectionString: database.url });
  await holder.connect();
  await holder.query('begin');
  await holder.query('lock table pg_catalog.pg_enum in access exclusive mode');
  return {
    async waiting() {
      for (let attempt = 0; attempt < 400; attempt++) {
        const rows = await database.query(
          `select 1 from pg_stat_activity where datname = current_database() and application_name = 'ormdrift' and wait_event_type = 'Lock'`,
        );
        if (rows.length > 0) return;
        await new Promise((done) => setTimeout(done, 25));
      }
      throw new Error('ormdrift never waited on the lock');
    },
    async release() {
      await holder.query('rollback').catch(() => {});
      await holder.end();
    },
  };
}

describe('postgresIntrospector(url)', () => {
  it('connects inside introspect(), reads, and leaves no session behind', async () => {
    const introspector = postgresIntrospector(database.url);
    expect(await ormdriftSessions()).toEqual([]); // lazy: nothing opened yet
    const result = await check({ sources: [notes], introspector });
    expect(result.summary).toEqual({ errors: 0, warnings: 0, tables: 1 });
    await expect.poll(ormdriftSessions).toEqual([]);
  });

  it('throws MissingSchemaError for a required schema the database lacks', async () => {
    const error = await postgresIntrospector(database.url, { requiredSchemas: ['pubilc'] })
      .introspect({ schemas: ['pubilc'] })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MissingSchemaError);
    expect(error).toMatchObject({ missing: ['pubilc'], available: expect.arrayContaining(['public']) });
  });

  it('an AbortSignal rejects at once and cancels the query the server is running', async () => {
    const lock = await lockPgEnum();
    try {
      const controller = new AbortController();
      const started = performance.now();
      const running = check({ sources: [notes], introspector: postgresIntrospector(database.url), signal: controller.signal });
      const settled = running.catch((caught: unknown) => caught);
      await lock.waiting();
      const abortedAt = performance.now();
      controller.abort();
      const error = await settled;
      expect(error).toBeInstanceOf(IntrospectionError);
      expect(error).toMatchObject({ step: 'reading pg_enum', interrupted: 'aborted' });
      expect(performance.now() - abortedAt).toBeLessThan(3_000); // the 10 s statement timeout never came into it
      expect(performance.now() - started).toBeLessThan(10_000);
      await expect.poll(ormdriftSessions, { timeout: 5_000 }).toEqual([]);
    } finally {
      await lock.release();
    }
  }, 30_000);

  it('an AbortSignal already aborted: rejects without connecting', async () => {
    const error = await postgresIntrospector(database.url)
      .introspect({ signal: AbortSignal.abort() })
      .catch((caught: unknown) => caught);
    expect((error as Error).name).toBe('AbortError');
    expect(await ormdriftSessions()).toEqual([]);
  });
});

describe('PostgresIntrospector(client)', () => {
  it('over a pg.Client that was never connected: rejects at the deadline naming the first read', async () => {
    const client = new pg.Client({ connectionString: database.url });
    const started = performance.now();
    const error = await check({ sources: [notes], introspector: new PostgresIntrospector(client, { answerDeadlineMs: 500 }) }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(IntrospectionError);
    expect((error as Error).message).toBe('starting a read-only transaction: no answer within 500 ms');
    expect(performance.now() - started).toBeLessThan(3_000);
  });

  it('over a pg.Client that was never connected: an AbortSignal rejects promptly', async () => {
    const client = new pg.Client({ connectionString: database.url });
    const error = await check({ sources: [notes], introspector: new PostgresIntrospector(client), signal: AbortSignal.timeout(200) }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({ name: 'IntrospectionError', interrupted: 'aborted' });
  });

  it('the deadline defaults to 2 s above the statement timeout', async () => {
    const client = new pg.Client({ connectionString: database.url });
    const error = await new PostgresIntrospector(client, { statementTimeoutMs: 100 }).introspect().catch((caught: unknown) => caught);
    expect((error as Error).message).toBe('starting a read-only transaction: no answer within 2.1 s');
  });
});

/**
 * Ctrl-C or SIGTERM while `ormdrift diff` reads a catalog or `ormdrift status` reads the migrations ledger: the query
 * is cancelled on the server before the exit, as for `check`, rather than left to hold its locks and connection until
 * its statement timeout. The built CLI runs as a user runs it, against real PostgreSQL.
 */
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { expectInterruptedWhileLocked } from './support/lock-table.ts';
import { createTestDatabase, type TestDatabase } from './support/test-database.ts';

const example = resolve(import.meta.dirname, '../examples/migrations-app');
let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  await database.query(`
    create table notes (id serial primary key, title text not null);
    create table schema_migrations (version varchar primary key);
    insert into schema_migrations values ('001_initial_schema.sql');`);
});
afterAll(() => database?.drop());

describe('interrupted while reading the database', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)(
    'ormdrift diff, %s while a catalog read waits on a lock: the query is cancelled on the server, exit at once',
    (signal) => expectInterruptedWhileLocked(database, 'pg_catalog.pg_enum', ['diff', '--db', database.url, '--against', database.url], example, signal),
    120_000,
  );

  it.each(['SIGINT', 'SIGTERM'] as const)(
    'ormdrift status, %s while the ledger read waits on a lock: the query is cancelled on the server, exit at once',
    (signal) => expectInterruptedWhileLocked(database, 'schema_migrations', ['status', '--migrations', 'migrations', '--db', database.url], example, signal),
    120_000,
  );
});

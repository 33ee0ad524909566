/**
 * Ctrl-C or SIGTERM while `ormdrift diff` reads a catalog or `ormdrift status` reads the migrations ledger: the query
 * is cancelled on the server before the exit, as for `check`, rather than left to hold its locks and connection until
 * its statement timeout. The built CLI runs as a user runs it, against real PostgreSQL.
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lockTable } from './support/lock-table.ts';
import { cliBin } from './support/run-cli.ts';
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

/**
 * Runs the CLI with `args` while `table` is locked, sends `signal` once its query waits on the lock, and asserts the
 * exit code, the one line, an exit within 3 s, and that the query is no longer running before the lock is released.
 */
async function interruptWhileWaiting(args: string[], table: string, signal: 'SIGINT' | 'SIGTERM'): Promise<void> {
  const lock = await lockTable(database, table);
  try {
    const child = spawn(process.execPath, [cliBin, ...args, '--statement-timeout', '60s'], {
      cwd: example,
      env: { ...process.env, DATABASE_URL: undefined },
    });
    let stderr = '';
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const closed = new Promise<number | null>((done) => child.on('close', done));
    const pid = await Promise.race([
      lock.seen,
      closed.then((code) => Promise.reject(new Error(`ormdrift exited ${code} before it waited on the lock: ${stderr}`))),
    ]);
    const sent = performance.now();
    child.kill(signal);
    expect(await closed).toBe(signal === 'SIGINT' ? 130 : 143);
    expect(performance.now() - sent).toBeLessThan(3_000);
    expect(stderr).toBe(`ormdrift: interrupted by ${signal} before the run finished\n`);
    expect(stdout).toBe('');
    // before the lock is released: the statement ormdrift waited in is no longer running (60 s statement timeout)
    const left = await database.query(`select pid, state, query from pg_stat_activity where pid = $1 and state = 'active'`, [pid]);
    expect(left).toEqual([]);
  } finally {
    await lock.release();
  }
}

describe('interrupted while reading the database', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)(
    'ormdrift diff, %s while a catalog read waits on a lock: the query is cancelled on the server, exit at once',
    (signal) => interruptWhileWaiting(['diff', '--db', database.url, '--against', database.url], 'pg_catalog.pg_enum', signal),
    120_000,
  );

  it.each(['SIGINT', 'SIGTERM'] as const)(
    'ormdrift status, %s while the ledger read waits on a lock: the query is cancelled on the server, exit at once',
    (signal) => interruptWhileWaiting(['status', '--migrations', 'migrations', '--db', database.url], 'schema_migrations', signal),
    120_000,
  );
});

import { spawn } from 'node:child_process';
import pg from 'pg';
import { expect } from 'vitest';
import { cliBin } from './run-cli.ts';
import type { TestDatabase } from './test-database.ts';

export interface HeldLock {
  /** Settles with the pid of ormdrift's backend once it waits on the lock (after `onWaiting` ran). */
  readonly seen: Promise<number>;
  /** Rolls the holding transaction back and closes both sessions; safe to call twice. */
  release(): Promise<void>;
}

/**
 * Holds an ACCESS EXCLUSIVE lock on `table` of `database` until released, and calls `onWaiting` with the pid of
 * ormdrift's backend (application_name `ormdrift`) once it waits on a lock there: a read that cannot end by itself.
 */
export async function lockTable(database: TestDatabase, table: string, onWaiting: (pid: number) => Promise<void> | void = () => {}): Promise<HeldLock> {
  const holder = new pg.Client({ connectionString: database.url });
  await holder.connect();
  await holder.query('begin');
  await holder.query(`lock table ${table} in access exclusive mode`);
  const watcher = new pg.Client({ connectionString: database.url });
  await watcher.connect();
  let released = false;
  const seen = (async () => {
    // a deadline in time, not in attempts: on a loaded machine each poll takes longer
    const deadline = performance.now() + 90_000;
    while (performance.now() < deadline && !released) {
      const rows = (
        await watcher.query(
          `select pid from pg_stat_activity where datname = current_database() and application_name = 'ormdrift' and wait_event_type = 'Lock'`,
        )
      ).rows as { pid: number }[];
      if (rows[0]) {
        await onWaiting(rows[0].pid);
        return rows[0].pid;
      }
      await new Promise((done) => setTimeout(done, 25));
    }
    throw new Error('ormdrift never waited on the lock');
  })();
  return {
    seen,
    release: async () => {
      if (released) return;
      released = true;
      await holder.query('rollback').catch(() => {});
      await Promise.all([holder.end(), watcher.end()]);
    },
  };
}

/**
 * Runs the built CLI with `args` (and a 60 s statement timeout) in `cwd` while `table` of `database` is locked, sends
 * `signal` once its query waits on the lock, and asserts what a user sees: exit 130 or 143 within 3 s, the one line
 * "interrupted by", nothing on stdout, and the query no longer running on the server before the lock is released.
 */
export async function expectInterruptedWhileLocked(
  database: TestDatabase,
  table: string,
  args: readonly string[],
  cwd: string,
  signal: 'SIGINT' | 'SIGTERM',
): Promise<void> {
  const lock = await lockTable(database, table);
  try {
    // generous deadlines: the subject is the interrupt, not a slow connect on a loaded machine
    const child = spawn(process.execPath, [cliBin, ...args, '--statement-timeout', '60s', '--connect-timeout', '60s'], {
      cwd,
      env: { ...process.env, DATABASE_URL: undefined },
    });
    let stdout = '';
    let stderr = '';
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

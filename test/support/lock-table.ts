import pg from 'pg';
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

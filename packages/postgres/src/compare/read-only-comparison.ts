import type { Queryable } from '../introspect/queryable.ts';

export interface ComparisonOptions {
  /** The server-side limit of each statement, in milliseconds; default 10,000. */
  readonly statementTimeoutMs?: number;
  readonly signal?: AbortSignal;
}

/**
 * Runs one server-side comparison of `count` pairs inside a read-only transaction that is always rolled back: the
 * statement timeout, `search_path = pg_catalog, public` (type names resolve as the introspector reads them), then
 * `settings` (more `set local` statements). Resolves to `compare`'s verdicts; any failure leaves every pair undecided
 * (undefined), so that the caller falls back to comparing text. Throws only when `signal` is already aborted.
 */
export async function readOnlyComparison<T = boolean>(
  client: Queryable,
  count: number,
  options: ComparisonOptions,
  settings: readonly string[],
  compare: () => Promise<(T | undefined)[]>,
): Promise<(T | undefined)[]> {
  options.signal?.throwIfAborted();
  try {
    await client.query('begin read only');
    try {
      await client.query(`set local statement_timeout = ${Math.trunc(options.statementTimeoutMs ?? 10_000)}`);
      await client.query('set local search_path = pg_catalog, public');
      for (const setting of settings) await client.query(setting);
      return await compare();
    } finally {
      await client.query('rollback').catch(() => {});
    }
  } catch {
    return Array.from({ length: count }, () => undefined);
  }
}

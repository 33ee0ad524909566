import { connectPostgres } from '../connect/connect-postgres.ts';

/** A NOTICE or WARNING the server sent while a script ran (`RAISE NOTICE` in a DO block). */
export interface ServerNotice {
  readonly severity: string;
  readonly message: string;
}

/** A SQL script that failed; PostgreSQL's own message, and whether the failed transaction was rolled back. */
export class SqlScriptError extends Error {
  override readonly name = 'SqlScriptError';
}

export interface RunSqlScriptOptions {
  /** Called with each notice as it arrives. */
  readonly onNotice?: (notice: ServerNotice) => void;
  /** Give up connecting after this many milliseconds (default: `connectPostgres`'s, 10 s). */
  readonly connectTimeoutMs?: number;
}

/**
 * Runs SQL on the database at `url`, one batch at a time, each batch as one simple query (so a
 * batch may hold `BEGIN; ... COMMIT;`, and a `CREATE INDEX CONCURRENTLY` must be a batch of its
 * own). Stops at the first error: a transaction left open by the failed batch is rolled back, and
 * `SqlScriptError` says which batch failed and why. This is the only function of ormdrift that
 * writes to a database, and only `ormdrift fix --apply` calls it.
 */
export async function runSqlScript(url: string, batches: readonly string[], options: RunSqlScriptOptions = {}): Promise<void> {
  const connection = await connectPostgres(url, options.connectTimeoutMs === undefined ? {} : { connectTimeoutMs: options.connectTimeoutMs });
  // the connection's client is a pg.Client; notices are its events, which Queryable does not declare
  const client = connection.client as typeof connection.client & {
    on?(event: 'notice', listener: (notice: { severity?: string; message: string }) => void): unknown;
  };
  client.on?.('notice', (notice) => options.onNotice?.({ severity: notice.severity ?? 'NOTICE', message: notice.message }));
  try {
    for (const [index, batch] of batches.entries()) {
      try {
        await client.query(batch);
      } catch (cause) {
        await client.query('ROLLBACK').catch(() => {});
        const part = batches.length > 1 ? `part ${index + 1} of ${batches.length}` : 'the script';
        const statement = failedStatement(batch, cause);
        const step = statement === undefined ? undefined : stepComment(batch, statement);
        let message = `${part} failed and its transaction was rolled back${step === undefined ? '' : ` at the step "${step}"`}: ${(cause as Error).message}`;
        if ((cause as { code?: unknown }).code === lockNotAvailable) {
          const relation = statement === undefined ? undefined : lockedRelation(statement.text);
          const holders = relation === undefined ? [] : await lockHolders(client, relation);
          message +=
            `; another session holds a lock on ${relation ?? 'a table it changes'}${holders.length > 0 ? ` (backend ${holders.join(', ')}, see pg_stat_activity)` : ''}: ` +
            'run ormdrift fix --apply again when that session ends, or at a quieter time';
        }
        throw new SqlScriptError(message, { cause });
      }
    }
  } finally {
    await connection.close().catch(() => {});
  }
}

/** SQLSTATE 55P03: a statement waited longer than `lock_timeout` for a lock another session holds. */
const lockNotAvailable = '55P03';

/**
 * The statement of `batch` that failed, with its offset: PostgreSQL names a statement that failed inside a DO block in
 * the error's context (`SQL statement "ALTER TABLE ..."`), and gives a character position for one at top level.
 */
function failedStatement(batch: string, cause: unknown): { readonly text: string; readonly offset: number } | undefined {
  const { where, position } = cause as { where?: unknown; position?: unknown };
  if (typeof where === 'string') {
    const text = /SQL statement "([\s\S]*?)"\s*\nPL\/pgSQL function/.exec(`${where}\n`)?.[1] ?? /SQL statement "([\s\S]*)"/.exec(where)?.[1];
    const offset = text === undefined ? -1 : batch.indexOf(text);
    if (text !== undefined && offset >= 0) return { text, offset };
  }
  if (typeof position === 'string' && /^\d+$/.test(position)) {
    const offset = Number(position) - 1;
    return { text: batch.slice(offset, batch.indexOf(';', offset) + 1 || undefined), offset };
  }
  return undefined;
}

/** The comment line before a statement of the fix script: the finding the step fixes (`missing-column tickets.extra`). */
function stepComment(batch: string, statement: { readonly offset: number }): string | undefined {
  const comments = [...batch.slice(0, statement.offset).matchAll(/^-- (.+)$/gm)];
  return comments.at(-1)?.[1];
}

/** The table a fix statement changes, as the script spells it (`"public"."tickets"`). */
function lockedRelation(statement: string): string | undefined {
  return /\b(?:ALTER TABLE(?: IF EXISTS)?|ON|REFERENCES|TABLE)\s+("(?:[^"]|"")+"\."(?:[^"]|"")+")/i.exec(statement)?.[1];
}

/** The backends that hold a granted lock on `relation`, read after the failed transaction was rolled back; [] if that read fails. */
async function lockHolders(client: { query(sql: string, values?: unknown[]): Promise<{ rows: unknown[] }> }, relation: string): Promise<number[]> {
  try {
    const { rows } = await client.query(
      'SELECT DISTINCT pid FROM pg_locks WHERE relation = to_regclass($1) AND granted AND pid <> pg_backend_pid() ORDER BY pid',
      [relation],
    );
    return rows.map((row) => Number((row as { pid: unknown }).pid));
  } catch {
    return [];
  }
}

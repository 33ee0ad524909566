import type { IntrospectOptions, Introspector, LiteralPair, PredicatePair, QualifiedName, SchemaModel } from '@ormdrift/core';
import { compareLiterals } from '../compare/compare-literals.ts';
import { comparePredicates } from '../compare/compare-predicates.ts';
import { readIndexKeyClasses } from '../compare/read-index-key-classes.ts';
import { catalogToModel } from './catalog-model.ts';
import { columnsQuery, constraintsQuery, constraintsQueryFrom15, enumsQuery, indexesQuery, tablesQuery } from './catalog-queries.ts';
import type { RawColumn, RawConstraint, RawEnum, RawIndex, RawTable } from './catalog-rows.ts';
import { type CatalogLock, IntrospectionError, isStatementTimeout } from './introspection-error.ts';
import { MissingSchemaError } from './missing-schema-error.ts';
import { QueryInterruptedError, withDeadline } from './query-deadline.ts';
import type { Queryable } from './queryable.ts';

export interface PostgresIntrospectorOptions {
  /** Per catalog query, enforced by the server; a check never waits longer on a locked or overloaded server. Default 10 s. */
  readonly statementTimeoutMs?: number;
  /**
   * Per catalog query, enforced by this process: a backend that stopped answering (frozen host, network partition)
   * cannot send the statement-timeout error. Default: the statement timeout plus 2 s, so that the server's own,
   * more precise error wins whenever the server is alive.
   */
  readonly answerDeadlineMs?: number;
  /**
   * Stops the query still running on the server after a deadline or an abort (e.g. `pg_cancel_backend` from a
   * second connection). Without it the introspector stops waiting and the server's statement timeout ends the query.
   */
  readonly cancel?: () => Promise<void>;
  /**
   * Schemas that must exist: asking for a schema the database lacks (`--schema pubilc`) would compare nothing, so it
   * throws a {@link MissingSchemaError} instead. Schemas read only because a model names them need not exist.
   */
  readonly requiredSchemas?: readonly string[];
}

/** The default statement timeout, in milliseconds. */
export const defaultStatementTimeoutMs = 10_000;

/**
 * Reads the actual schema from `pg_catalog` inside a READ ONLY transaction that it always
 * rolls back: ormdrift never writes to a database it checks.
 *
 * Every query has a client-side deadline and honours `IntrospectOptions.signal`; either ends the wait with an
 * {@link IntrospectionError} naming the catalog read that got no answer (`error.interrupted` says which).
 */
export class PostgresIntrospector implements Introspector {
  readonly #client: Queryable;
  readonly #statementTimeoutMs: number;
  readonly #answerDeadlineMs: number;
  readonly #options: PostgresIntrospectorOptions;

  constructor(client: Queryable, options: PostgresIntrospectorOptions = {}) {
    this.#client = client;
    this.#statementTimeoutMs = options.statementTimeoutMs ?? defaultStatementTimeoutMs;
    this.#answerDeadlineMs = options.answerDeadlineMs ?? this.#statementTimeoutMs + 2_000;
    this.#options = options;
  }

  async introspect(options: IntrospectOptions = {}): Promise<SchemaModel> {
    const signal = options.signal;
    let interrupted = false;
    const run = async (step: string, sql: string, values?: unknown[]): Promise<unknown[]> => {
      try {
        return (await withDeadline(this.#client.query(sql, values), this.#answerDeadlineMs, signal)).rows;
      } catch (cause) {
        if (cause instanceof QueryInterruptedError) {
          interrupted = true;
          await this.#options.cancel?.().catch(() => {});
        }
        throw new IntrospectionError(step, { cause }, isStatementTimeout(cause) ? await this.#lockHolder() : undefined);
      }
    };

    await run('starting a read-only transaction', 'begin read only');
    try {
      const required = this.#options.requiredSchemas ?? [];
      // read in the same statement as the settings, so at no cost: which schemas exist is a fact a fix needs
      const session = await this.#setUpSession(run, true);
      const existing = session.userSchemas ?? [];
      const missing = required.filter((schema) => !existing.includes(schema));
      if (missing.length > 0) throw new MissingSchemaError(missing, existing);
      const schemas = options.schemas ? [...options.schemas] : existing;
      const read = async <T>(step: string, sql: string, values: unknown[] = [schemas]): Promise<T[]> => {
        // given up between two statements: the server finishes none halfway, the connection stays clean
        options.abandon?.throwIfAborted();
        return (await run(step, sql, values)) as T[];
      };
      const model = catalogToModel({
        tables: await read<RawTable>('reading pg_class', tablesQuery),
        columns: await read<RawColumn>('reading pg_attribute', columnsQuery),
        constraints: await read<RawConstraint>('reading pg_constraint', session.serverVersion >= 150000 ? constraintsQueryFrom15 : constraintsQuery),
        indexes: await read<RawIndex>('reading pg_index', indexesQuery),
        enums: await read<RawEnum>('reading pg_enum', enumsQuery, []),
      });
      return { ...model, schemas: schemas.filter((schema) => existing.includes(schema)) };
    } finally {
      // After an interrupted query the session is still busy (or gone): the caller closes it, a rollback would only wait.
      if (!interrupted) await withDeadline(this.#client.query('rollback'), this.#answerDeadlineMs).catch(() => {});
    }
  }

  /**
   * After a catalog read ran out of time: the session holding an ACCESS EXCLUSIVE lock on a catalog (the one lock
   * that blocks a read), found in one cheap query of pg_locks with a one-second limit; undefined when there is none
   * or the query fails.
   */
  async #lockHolder(): Promise<CatalogLock | undefined> {
    try {
      await withDeadline(this.#client.query('rollback'), this.#answerDeadlineMs);
      await withDeadline(this.#client.query('begin read only'), this.#answerDeadlineMs);
      const rows = (
        await withDeadline(
          this.#client.query(`select set_config('statement_timeout', '1000', true), l.relation::regclass::text as relation, l.mode, l.pid,
              coalesce(nullif(a.application_name, ''), a.usename::text) as holder, coalesce(extract(epoch from now() - a.xact_start)::int, 0) as seconds
            from pg_locks l join pg_stat_activity a on a.pid = l.pid
            where l.granted and l.locktype = 'relation' and l.mode = 'AccessExclusiveLock' and l.pid <> pg_backend_pid()
              and l.relation in (select oid from pg_class where relnamespace = 'pg_catalog'::regnamespace)
            order by a.xact_start limit 1`),
          this.#answerDeadlineMs,
        )
      ).rows as { relation: string; mode: string; pid: number; holder: string; seconds: number }[];
      const row = rows[0];
      return row
        ? {
            relation: row.relation.includes('.') ? row.relation : `pg_catalog.${row.relation}`,
            mode: row.mode,
            pid: row.pid,
            holder: row.holder,
            seconds: row.seconds,
          }
        : undefined;
    } catch {
      return undefined;
    }
  }

  /** Compares constant defaults by value on the server, in one statement of its own READ ONLY transaction. */
  compareLiterals(pairs: readonly LiteralPair[], options: { readonly signal?: AbortSignal } = {}): Promise<(boolean | undefined)[]> {
    return compareLiterals(this.#client, pairs, { statementTimeoutMs: this.#statementTimeoutMs, ...options });
  }

  /** Compares partial-index predicates as the server deparses them, in a READ ONLY transaction of its own. */
  comparePredicates(pairs: readonly PredicatePair[], options: { readonly signal?: AbortSignal } = {}): Promise<(boolean | undefined)[]> {
    return comparePredicates(this.#client, pairs, { statementTimeoutMs: this.#statementTimeoutMs, ...options });
  }

  /** Reads the operator class names of the named indexes' keys, default classes included, in one statement. */
  indexKeyClasses(indexes: readonly QualifiedName[], options: { readonly signal?: AbortSignal } = {}): Promise<(string[] | undefined)[]> {
    return readIndexKeyClasses(this.#client, indexes, { statementTimeoutMs: this.#statementTimeoutMs, ...options });
  }

  /**
   * Pins the transaction's settings and, when asked, reads the user schemas, in one statement: a check sends
   * eight statements in all, whatever the number of tables. Returns the user schemas, sorted (undefined when not
   * asked), and the server's version as `server_version_num` gives it (160004 for 16.4), which picks the catalog
   * queries the server's catalogs allow.
   */
  async #setUpSession(
    run: (step: string, sql: string, values?: unknown[]) => Promise<unknown[]>,
    readSchemas: boolean,
  ): Promise<{ userSchemas: string[] | undefined; serverVersion: number }> {
    const rows = (await run(
      'setting up the session',
      `select set_config('statement_timeout', $1, true),
              set_config('application_name', 'ormdrift', true),
              -- format_type() qualifies a type only when its schema is off the search path: pin it
              set_config('search_path', 'pg_catalog, public', true),
              -- timestamptz defaults print in the session's time zone: pin it so a check reads the same everywhere
              set_config('timezone', 'UTC', true),
              case when $2::boolean then array(
                select nspname::text from pg_catalog.pg_namespace
                where nspname not in ('pg_catalog', 'information_schema') and nspname not like 'pg\\_%'
                order by nspname
              -- text[], not name[]: the driver parses text arrays into arrays, name arrays it leaves as text
              )::text[] end as user_schemas,
              current_setting('server_version_num')::int as server_version`,
      [String(Math.trunc(this.#statementTimeoutMs)), readSchemas],
    )) as { user_schemas: string[] | null; server_version: number }[];
    return { userSchemas: rows[0]?.user_schemas ?? undefined, serverVersion: rows[0]?.server_version ?? 0 };
  }
}

import type { IntrospectOptions, Introspector, LiteralPair, PredicatePair, SchemaModel } from '@ormdrift/core';
import { compareLiterals } from '../compare/compare-literals.ts';
import { comparePredicates } from '../compare/compare-predicates.ts';
import { catalogToModel } from './catalog-model.ts';
import { columnsQuery, constraintsQuery, enumsQuery, indexesQuery, tablesQuery } from './catalog-queries.ts';
import type { RawColumn, RawConstraint, RawEnum, RawIndex, RawTable } from './catalog-rows.ts';
import { IntrospectionError } from './introspection-error.ts';
import type { Queryable } from './queryable.ts';

export interface PostgresIntrospectorOptions {
  /** Per catalog query; a check never waits longer on a locked or overloaded server. Default 10 s. */
  readonly statementTimeoutMs?: number;
}

/**
 * Reads the actual schema from `pg_catalog` inside a READ ONLY transaction that it always
 * rolls back: ormdrift never writes to a database it checks.
 */
export class PostgresIntrospector implements Introspector {
  readonly #client: Queryable;
  readonly #statementTimeoutMs: number;

  constructor(client: Queryable, options: PostgresIntrospectorOptions = {}) {
    this.#client = client;
    this.#statementTimeoutMs = options.statementTimeoutMs ?? 10_000;
  }

  async introspect(options: IntrospectOptions = {}): Promise<SchemaModel> {
    await this.#run('starting a read-only transaction', 'begin read only');
    try {
      await this.#run('setting up the session', `set local statement_timeout = ${Math.trunc(this.#statementTimeoutMs)}`);
      await this.#run('setting up the session', `set local application_name = 'ormdrift'`);
      // format_type() qualifies a type only when its schema is off the search path: pin it.
      await this.#run('setting up the session', 'set local search_path = pg_catalog, public');
      // timestamptz defaults print in the session's time zone: pin it so a check reads the same everywhere
      await this.#run('setting up the session', `set local timezone = 'UTC'`);
      const schemas = options.schemas ? [...options.schemas] : await this.#userSchemas();
      const read = async <T>(step: string, sql: string, values: unknown[] = [schemas]): Promise<T[]> => {
        options.signal?.throwIfAborted();
        return (await this.#run(step, sql, values)) as T[];
      };
      return catalogToModel({
        tables: await read<RawTable>('reading pg_class', tablesQuery),
        columns: await read<RawColumn>('reading pg_attribute', columnsQuery),
        constraints: await read<RawConstraint>('reading pg_constraint', constraintsQuery),
        indexes: await read<RawIndex>('reading pg_index', indexesQuery),
        enums: await read<RawEnum>('reading pg_enum', enumsQuery, []),
      });
    } finally {
      await this.#client.query('rollback').catch(() => {});
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

  async #userSchemas(): Promise<string[]> {
    const rows = (await this.#run(
      'reading pg_namespace',
      `select nspname as name from pg_catalog.pg_namespace
       where nspname not in ('pg_catalog', 'information_schema') and nspname not like 'pg\\_%'`,
    )) as { name: string }[];
    return rows.map((row) => row.name);
  }

  async #run(step: string, sql: string, values?: unknown[]): Promise<unknown[]> {
    try {
      return (await this.#client.query(sql, values)).rows;
    } catch (cause) {
      throw new IntrospectionError(step, { cause });
    }
  }
}

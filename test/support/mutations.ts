import { describe, expect, it } from 'vitest';
import type { SchemaSource } from '@ormdrift/core';
import { checkDatabase, summarize } from './check-database.ts';
import { onOlderOrm } from './orm-matrix.ts';
import { createTestDatabase, type TestDatabase } from './test-database.ts';

/** One change to a database an ORM built, and exactly what a check must then report. */
export interface Mutation {
  readonly name: string;
  readonly sql: string;
  readonly findings: ReturnType<typeof summarize>;
  /**
   * The mutation touches metadata whose shape differs between the ORM's versions (arrays, enums, identity,
   * generated constraint names...): it also runs on every older version of the support matrix.
   */
  readonly versionSensitive?: boolean;
}

/**
 * The second half of every oracle: each mutation runs on its own copy of the database the ORM
 * built (`template`), and the check must report exactly its findings and nothing else. On an older
 * version of the support matrix, only the version-sensitive mutations run.
 */
export function checksEachMutation<M extends Mutation>(
  mutations: readonly M[],
  options: { template: () => TestDatabase; sources: (mutation: M) => readonly SchemaSource[] },
): void {
  describe.each(onOlderOrm ? mutations.filter((mutation) => mutation.versionSensitive) : mutations)('after one mutation: $name', (mutation) => {
    it('reports exactly the expected findings', async () => {
      const mutated = await createTestDatabase({ template: options.template() });
      try {
        await mutated.query(mutation.sql);
        expect(summarize(await checkDatabase(mutated.url, options.sources(mutation)))).toEqual(mutation.findings);
      } finally {
        await mutated.drop();
      }
    });
  });
}

/** Drops the one constraint of a kind on a table (on one column, when given), whatever the ORM named it. */
export const dropConstraint = (table: string, type: 'f' | 'u' | 'p', column?: string) => `
  do $$ declare found text; begin
    select conname into found from pg_constraint
    where conrelid = '${table}'::regclass and contype = '${type}'
      ${column ? `and conkey = array[(select attnum from pg_attribute where attrelid = '${table}'::regclass and attname = '${column}')]` : ''};
    execute format('alter table ${table} drop constraint %I', found);
  end $$`;

/** Drops the foreign key on one column of a table and adds it back as it was, but NOT VALID, whatever the ORM named it. */
export const foreignKeyNotValid = (table: string, column: string) => `
  do $$ declare found text; definition text; begin
    select conname, pg_get_constraintdef(oid) into found, definition from pg_constraint
    where conrelid = '${table}'::regclass and contype = 'f'
      and conkey = array[(select attnum from pg_attribute where attrelid = '${table}'::regclass and attname = '${column}')];
    execute format('alter table ${table} drop constraint %I', found);
    execute format('alter table ${table} add constraint %I %s not valid', found, definition);
  end $$`;

/** Drops the index whose definition lists these columns, whatever the ORM named it. */
export const dropIndexOn = (table: string, columns: string) => `
  do $$ declare found text; begin
    select indexname into found from pg_indexes where tablename = '${table}' and indexdef like '%(${columns})%';
    execute format('drop index %I', found);
  end $$`;

/** Recreates an enum type with only some of its values (PostgreSQL cannot drop one), keeping the column on it. */
export const keepEnumValues = (type: string, values: readonly string[], table: string, column: string, restoredDefault: string) => `
  alter type ${type} rename to ormdrift_old_enum;
  create type ${type} as enum (${values.map((value) => `'${value}'`).join(', ')});
  alter table ${table} alter column ${column} drop default;
  alter table ${table} alter column ${column} type ${type} using ${column}::text::${type};
  alter table ${table} alter column ${column} set default ${restoredDefault};
  drop type ormdrift_old_enum`;

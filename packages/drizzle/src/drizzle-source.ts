import { postgresIdentifier, qualifiedKey, readingPause } from '@ormdrift/core';
import type { EnumModel, LoadedSource, Provenance, SchemaSource, SequenceModel, SourceProblem, TableModel } from '@ormdrift/core';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { DrizzleCasing } from './drizzle-casing.ts';
import { drizzleTable, type DrizzleTable } from './drizzle-table.ts';
import { assertSupportedDrizzleOrm } from './drizzle-version.ts';
import { drizzleSequence } from './drizzle-sequence.ts';
import { isDrizzleEnum, isDrizzleSequence, isDrizzleTable } from './recognize.ts';

export interface DrizzleSourceOptions {
  /** The registry's name in reports; by default `schema`. */
  readonly name?: string;
  /** The file that declared it, for provenance. */
  readonly file?: string;
  /**
   * The `casing` of your drizzle.config.ts / `drizzle()` call, if any: with `snake_case`, a
   * column declared as `createdAt: timestamp()` is the database column `created_at`.
   */
  readonly casing?: DrizzleCasing;
  /**
   * A path inside your project, to check the version of the `drizzle-orm` it imports against the
   * versions ormdrift reads; the CLI passes the schema module's path. Without it, the copy checked is the one whose
   * classes made the tables, when the process loaded it as CommonJS modules (see `packageLocation`).
   */
  readonly resolveFrom?: string;
}

/** Where drizzle-orm keeps a table's schema (`Table.Symbol.Schema`, registered globally, as all its brands). */
const tableSchema = Symbol.for('drizzle:Schema');

/**
 * A Drizzle schema module as a schema source: every table among its exports (found by Drizzle's
 * brand, so `import * as schema from './schema'` is the usual argument), every exported enum,
 * every enum a column uses even when it is not exported, and every exported `pgSequence`. Views, relations and other
 * exports are not tables and are skipped.
 */
export function drizzleSource(schemaModule: Readonly<Record<string, unknown>>, options: DrizzleSourceOptions = {}): SchemaSource {
  const registry = options.name ?? 'schema';
  return {
    name: `drizzle:${registry}`,
    async load(): Promise<LoadedSource> {
      assertSupportedDrizzleOrm(options.resolveFrom, Object.values(schemaModule));
      const provenance = (model: string): Provenance => ({ orm: 'drizzle', registry, model, ...(options.file ? { file: options.file } : {}) });
      const exported = Object.entries(schemaModule);
      const tables: TableModel[] = [];
      const enums = new Map<string, EnumModel>();
      const problems: SourceProblem[] = [];
      const addEnum = (declared: Omit<EnumModel, 'sources'>, model: string) => {
        const key = qualifiedKey(declared);
        if (!enums.has(key)) enums.set(key, { schema: declared.schema, name: declared.name, values: declared.values, sources: [provenance(model)] });
      };

      // exported enums first, so that an enum is credited to its export rather than to a column using it
      for (const [name, value] of exported) {
        if (isDrizzleEnum(value)) addEnum({ schema: value.schema ?? 'public', name: postgresIdentifier(value.enumName), values: [...value.enumValues] }, name);
      }
      const seen = new Set<unknown>();
      for (const [name, value] of exported) {
        // `export { users, users as accounts }` is one table
        if (!isDrizzleTable(value) || seen.has(value)) continue;
        await readingPause(seen.size);
        seen.add(value);
        const mapped = readTable(value, name, provenance(name), options.casing);
        if ('problem' in mapped) {
          problems.push(mapped.problem);
          continue;
        }
        tables.push(mapped.table);
        problems.push(...mapped.problems);
        for (const used of mapped.enums) addEnum(used, used.name);
      }
      const sequences = new Map<string, SequenceModel>();
      for (const [name, value] of exported) {
        if (!isDrizzleSequence(value)) continue;
        const sequence = drizzleSequence(value, provenance(name));
        if (!sequences.has(qualifiedKey(sequence))) sequences.set(qualifiedKey(sequence), sequence);
      }
      return { schema: { tables, enums: [...enums.values()], ...(sequences.size > 0 ? { sequences: [...sequences.values()] } : {}) }, problems };
    },
    // each table, enum and sequence carries its schema: known before the tables are read
    schemas(): readonly string[] | undefined {
      const schemas = new Set<string>();
      for (const value of Object.values(schemaModule)) {
        if (isDrizzleTable(value)) schemas.add((value as unknown as Record<symbol, string | undefined>)[tableSchema] ?? 'public');
        else if (isDrizzleEnum(value) || isDrizzleSequence(value)) schemas.add(value.schema ?? 'public');
      }
      return schemas.size > 0 ? [...schemas] : undefined;
    },
  };
}

/**
 * Reading a table runs the user's code (`.references(() => ...)`, `generatedAlwaysAs(() => ...)`,
 * the table's extra config): one table that throws is a problem, not the end of the check; the
 * other tables are still read.
 */
function readTable(
  table: PgTable,
  exportName: string,
  source: Provenance,
  casing: DrizzleCasing | undefined,
): DrizzleTable | { readonly problem: SourceProblem } {
  try {
    return drizzleTable(table, source, casing);
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    return { problem: { type: 'ignored-declaration', ref: exportName, message: `the table could not be read (${message}); it is not checked` } };
  }
}

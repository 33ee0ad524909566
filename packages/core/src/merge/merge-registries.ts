import type { EnumModel, Provenance, SchemaModel, TableModel } from '../model/schema-model.ts';
import { qualifiedKey } from '../model/qualified-name.ts';
import { declarationDifferences } from './declaration-signature.ts';

/** Two registries that declare one table (or enum type) differently. */
export interface RegistryConflict {
  readonly schema: string;
  readonly name: string;
  readonly object: 'table' | 'enum';
  readonly first: readonly Provenance[];
  readonly second: readonly Provenance[];
  readonly differences: readonly string[];
}

export interface MergedSchema {
  /** Every table and enum once; conflicting tables keep the first declaration. */
  readonly schema: SchemaModel;
  readonly conflicts: readonly RegistryConflict[];
}

/**
 * Merges the schemas of every registry of every ORM into one expected schema.
 * The same table declared identically by several registries is one table carrying every
 * source; declared differently it is a conflict, and the check goes on with the rest.
 */
export function mergeRegistries(schemas: readonly SchemaModel[]): MergedSchema {
  const tables = new Map<string, TableModel>();
  const enums = new Map<string, EnumModel>();
  const conflicts: RegistryConflict[] = [];

  for (const schema of schemas) {
    for (const table of schema.tables) {
      const key = qualifiedKey(table);
      const known = tables.get(key);
      if (!known) {
        tables.set(key, table);
        continue;
      }
      const differences = declarationDifferences(known, table);
      if (differences.length === 0) tables.set(key, { ...known, sources: [...known.sources, ...table.sources] });
      else conflicts.push({ schema: table.schema, name: table.name, object: 'table', first: known.sources, second: table.sources, differences });
    }
    for (const declared of schema.enums) {
      const key = qualifiedKey(declared);
      const known = enums.get(key);
      if (!known) {
        enums.set(key, declared);
        continue;
      }
      if (known.values.join('\u0000') === declared.values.join('\u0000')) {
        enums.set(key, { ...known, sources: [...known.sources, ...declared.sources] });
      } else {
        conflicts.push({
          schema: declared.schema,
          name: declared.name,
          object: 'enum',
          first: known.sources,
          second: declared.sources,
          differences: [`values (${known.values.join(', ')}) vs (${declared.values.join(', ')})`],
        });
      }
    }
  }
  return { schema: { tables: [...tables.values()], enums: [...enums.values()] }, conflicts };
}

import type { EnumModel, Provenance, SchemaModel, TableModel } from '../model/schema-model.ts';
import { qualifiedKey } from '../model/qualified-name.ts';
import { unionTables } from './table-union.ts';
import { withImpliedConstraints } from './implied-constraints.ts';
import { mergeSequences } from './sequence-union.ts';

/** Two declarations of one table (or enum type, or sequence) that contradict each other. */
export interface RegistryConflict {
  readonly schema: string;
  readonly name: string;
  readonly object: 'table' | 'enum' | 'sequence';
  readonly first: readonly Provenance[];
  readonly second: readonly Provenance[];
  readonly differences: readonly string[];
}

export interface MergedSchema {
  /**
   * Every table, enum type and sequence once; a contradicted column or constraint keeps the first declaration's.
   * A sequence declared with contradicting options keeps the options of the first in provenance order; the diff
   * compares only its presence, since neither declaration is the right one until the conflict is settled.
   */
  readonly schema: SchemaModel;
  readonly conflicts: readonly RegistryConflict[];
}

/**
 * Merges the schemas of every registry of every ORM into one expected schema. Declarations of one
 * table — by several registries, or by several models of one registry (a narrower projection model,
 * both sides of a many-to-many) — are merged as a union carrying every source: a column or
 * constraint only one of them declares is simply part of the table; only contradictory definitions
 * of the same column or constraint are a conflict, and the check goes on with the rest. Registries
 * are taken in the order given; the models of one registry in the order of their names, so the
 * result never depends on the order an ORM happened to list its models in.
 */
export function mergeRegistries(schemas: readonly SchemaModel[]): MergedSchema {
  const tables = new Map<string, TableModel>();
  const enums = new Map<string, EnumModel>();
  const conflicts: RegistryConflict[] = [];

  for (const table of stableOrder(schemas.map((schema) => schema.tables))) {
    const key = qualifiedKey(table);
    const declared = withImpliedConstraints(table);
    const known = tables.get(key);
    if (!known) {
      tables.set(key, declared);
      continue;
    }
    const union = unionTables(known, declared);
    tables.set(key, union.table);
    if (union.differences.length > 0) {
      conflicts.push({
        schema: table.schema,
        name: table.name,
        object: 'table',
        first: known.sources,
        second: declared.sources,
        differences: union.differences,
      });
    }
  }
  for (const declared of stableOrder(schemas.map((schema) => schema.enums))) {
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
  const merged = mergeSequences(schemas.map((schema) => schema.sequences ?? []));
  conflicts.push(...merged.conflicts);
  return {
    schema: { tables: [...tables.values()], enums: [...enums.values()], ...(merged.sequences.length > 0 ? { sequences: merged.sequences } : {}) },
    conflicts,
  };
}

/**
 * Every declaration once, grouped by object (in the order each object first appears), then by
 * registry (in the order given), then by model name within a registry.
 */
function stableOrder<T extends { readonly schema: string; readonly name: string; readonly sources: readonly Provenance[] }>(
  registries: readonly (readonly T[])[],
): T[] {
  const items = registries.flatMap((declarations, registry) => declarations.map((item) => ({ item, registry, key: qualifiedKey(item) })));
  const firstSeen = new Map<string, number>();
  items.forEach(({ key }, index) => {
    if (!firstSeen.has(key)) firstSeen.set(key, index);
  });
  const model = (item: T) => item.sources.map((source) => source.model ?? '').join('\u0000');
  return items
    .sort(
      (a, b) =>
        firstSeen.get(a.key)! - firstSeen.get(b.key)! ||
        a.registry - b.registry ||
        (model(a.item) < model(b.item) ? -1 : model(a.item) > model(b.item) ? 1 : 0),
    )
    .map(({ item }) => item);
}

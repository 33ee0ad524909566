import type { IndexKeyOptions, IndexModel, SchemaModel, TableModel } from '../model/schema-model.ts';
import { SchemaIndex } from '../model/schema-index.ts';
import { operatorClassName, operatorClassParameters, type ReadIndexKeyClasses } from './operator-class.ts';

/**
 * Names the default operator classes a model declares by name. The catalog read gives a key's class only when it
 * is not its type's default, so `.op('text_ops')` on a text column, a class that is the default under the index's
 * method, reads as no class at all. For every declared index with a key whose declared class meets a database key
 * without one (an index on the same columns, or an expression index of the same name), the database's indexes are
 * asked for their keys' class names, in one call; each such key takes the name of its default class as
 * `defaultOpclass`, which the diff compares with the declared one. Nothing is asked when no declared class meets
 * a default one; a failed read changes nothing (the declared class then differs, as before).
 */
export async function settleOperatorClasses(
  expected: SchemaModel,
  actual: SchemaModel,
  read: ReadIndexKeyClasses,
  options: { readonly signal?: AbortSignal } = {},
): Promise<SchemaModel> {
  const found = new SchemaIndex(actual);
  const asked = new Map<IndexModel, TableModel>();
  for (const table of expected.tables) {
    const stored = found.table(table);
    if (!stored) continue;
    for (const declared of table.indexes) {
      const classed = (declared.keys ?? []).flatMap((key, i) => (key.opclass !== undefined ? [i] : []));
      if (classed.length === 0) continue;
      for (const object of stored.indexes) {
        if (object.name === undefined) continue;
        const same = declared.columns.length > 0 ? object.columns.join('\u0000') === declared.columns.join('\u0000') : object.name === declared.name;
        if (same && classed.some((i) => object.keys?.[i]?.opclass === undefined)) asked.set(object, stored);
      }
    }
  }
  if (asked.size === 0) return actual;
  const objects = [...asked.keys()];
  let answers: readonly (readonly string[] | undefined)[];
  try {
    answers = await read(
      objects.map((object) => ({ schema: asked.get(object)!.schema, name: object.name! })),
      options,
    );
  } catch {
    return actual;
  }
  const named = new Map<IndexModel, IndexModel>();
  objects.forEach((object, at) => {
    const classes = answers[at];
    if (!classes) return;
    const width = object.expressions?.length ?? object.columns.length;
    const keys = Array.from({ length: width }, (_, i): IndexKeyOptions => {
      const key = object.keys?.[i] ?? {};
      const name = classes[i];
      return key.opclass === undefined && name !== undefined ? { ...key, defaultOpclass: name } : key;
    });
    named.set(object, { ...object, keys });
  });
  if (named.size === 0) return actual;
  return {
    ...actual,
    tables: actual.tables.map((table): TableModel => ({ ...table, indexes: table.indexes.map((index) => named.get(index) ?? index) })),
  };
}

/**
 * Whether a declared key's operator class is the database key's: the same name (without schema), or, on a database
 * key that uses its type's default class, that default class's name; and the same parameters (`siglen=32`), the
 * declared ones written after the class's name, the database's read into `opclassParameters`.
 */
export function sameOperatorClass(expected: IndexKeyOptions | undefined, actual: IndexKeyOptions | undefined): boolean {
  const declared = expected?.opclass === undefined ? undefined : operatorClassName(expected.opclass);
  const held = actual?.opclass === undefined ? undefined : operatorClassName(actual.opclass);
  const sameName = declared === held || (held === undefined && declared !== undefined && actual?.defaultOpclass === declared);
  const declaredParameters = expected?.opclass?.includes('(') ? operatorClassParameters(expected.opclass) : '';
  const heldParameters = operatorClassParameters(actual?.opclassParameters ?? (actual?.opclass?.includes('(') ? actual.opclass : undefined));
  return sameName && declaredParameters === heldParameters;
}

/**
 * Whether a declared key and a database key use one operator class, whatever its parameters: the same name, or no
 * class on one side where the other's is the type's default (`defaultOpclass`, as the catalog read or
 * `settleOperatorClasses` names it).
 */
export function sameOperatorClassName(expected: IndexKeyOptions | undefined, actual: IndexKeyOptions | undefined): boolean {
  const declared = expected?.opclass === undefined ? undefined : operatorClassName(expected.opclass);
  const held = actual?.opclass === undefined ? undefined : operatorClassName(actual.opclass);
  if (declared === held) return true;
  const byDefault = actual?.defaultOpclass === undefined ? undefined : operatorClassName(actual.defaultOpclass);
  return byDefault !== undefined && (declared === undefined ? byDefault === held : held === undefined ? byDefault === declared : false);
}

import type { ColumnArgsLike, EntitySchemaLike, LoadableDataSource } from './typeorm-shapes.ts';

/**
 * TypeORM brands its objects with `@instanceof` symbols from the global registry (its own
 * `InstanceChecker` relies on them), so they are recognized whichever copy of TypeORM made them.
 */
function branded(value: unknown, brand: string): boolean {
  return typeof value === 'object' && value !== null && (value as { '@instanceof'?: unknown })['@instanceof'] === Symbol.for(brand);
}

export function isDataSource(value: unknown): value is LoadableDataSource {
  return branded(value, 'DataSource') && typeof (value as LoadableDataSource).buildMetadatas === 'function';
}

export function isEntitySchema(value: unknown): value is EntitySchemaLike {
  return branded(value, 'EntitySchema');
}

/** The decorator storage every copy of TypeORM shares through a global. */
export function metadataArgsStorage(): { tables: readonly { target: unknown }[]; columns: readonly ColumnArgsLike[] } | undefined {
  return (globalThis as { typeormMetadataArgsStorage?: ReturnType<typeof metadataArgsStorage> }).typeormMetadataArgsStorage;
}

/** A class decorated with `@Entity()` (or `@ChildEntity()`): it is in the decorator storage's table list. */
export function isEntityClass(value: unknown): value is Function {
  return typeof value === 'function' && entityTargets().has(value);
}

let indexed: { tables: readonly { target: unknown }[]; length: number; targets: Set<unknown> } | undefined;

/** The storage's table targets as a set, rebuilt only when the list grew: asking per export stays linear in the app's size. */
function entityTargets(): ReadonlySet<unknown> {
  const tables = metadataArgsStorage()?.tables ?? [];
  if (indexed?.tables !== tables || indexed.length !== tables.length) {
    indexed = { tables, length: tables.length, targets: new Set(tables.map((table) => table.target)) };
  }
  return indexed.targets;
}

/** Anything a TypeORM registry can be made of. */
export function isTypeormExport(value: unknown): boolean {
  return isDataSource(value) || isEntitySchema(value) || isEntityClass(value);
}

import { qualifiedKey } from '../model/qualified-name.ts';
import type { ForeignKeyModel, TableModel } from '../model/schema-model.ts';

export interface OrderedTables {
  /** Referenced tables before the tables that reference them. */
  readonly tables: readonly TableModel[];
  /** Foreign keys that close a cycle among the new tables: added once every table exists. */
  readonly deferred: ReadonlyMap<TableModel, readonly ForeignKeyModel[]>;
}

/**
 * Orders new tables so that each one's foreign keys point at tables that exist already (or at
 * itself). A cycle is broken at the first table still waiting, in the models' order: its foreign
 * keys to tables not yet created are deferred. Deterministic for the same input.
 */
export function orderTables(tables: readonly TableModel[]): OrderedTables {
  const pending = new Map(tables.map((table) => [qualifiedKey(table), table]));
  const ordered: TableModel[] = [];
  const deferred = new Map<TableModel, ForeignKeyModel[]>();
  const waitsFor = (table: TableModel, fk: ForeignKeyModel) => {
    const target = qualifiedKey(fk.references);
    return target !== qualifiedKey(table) && pending.has(target);
  };

  while (pending.size > 0) {
    const ready = [...pending.values()].find((table) => !table.foreignKeys.some((fk) => waitsFor(table, fk)));
    const next = ready ?? pending.values().next().value!;
    if (!ready) deferred.set(next, next.foreignKeys.filter((fk) => waitsFor(next, fk)));
    pending.delete(qualifiedKey(next));
    ordered.push(next);
  }
  return { tables: ordered, deferred };
}

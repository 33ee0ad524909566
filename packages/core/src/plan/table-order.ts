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
 * itself). A cycle is broken at its first table in the models' order: that table's foreign keys
 * to tables not yet created are deferred. Deterministic for the same input.
 */
export function orderTables(tables: readonly TableModel[]): OrderedTables {
  const pending = new Map(tables.map((table) => [qualifiedKey(table), table]));
  const ordered: TableModel[] = [];
  const deferred = new Map<TableModel, ForeignKeyModel[]>();
  const waitsFor = (table: TableModel, fk: ForeignKeyModel) => {
    const target = qualifiedKey(fk.references);
    return target !== qualifiedKey(table) && pending.has(target);
  };

  /** Whether a table waits, through other waiting tables, on itself. */
  const onCycle = (start: TableModel): boolean => {
    const seen = new Set<string>();
    const stack = [start];
    while (stack.length > 0) {
      const table = stack.pop()!;
      for (const fk of table.foreignKeys) {
        if (!waitsFor(table, fk)) continue;
        const key = qualifiedKey(fk.references);
        if (key === qualifiedKey(start)) return true;
        if (!seen.has(key)) {
          seen.add(key);
          stack.push(pending.get(key)!);
        }
      }
    }
    return false;
  };

  while (pending.size > 0) {
    const ready = [...pending.values()].find((table) => !table.foreignKeys.some((fk) => waitsFor(table, fk)));
    const next = ready ?? [...pending.values()].find((table) => onCycle(table)) ?? pending.values().next().value!;
    if (!ready)
      deferred.set(
        next,
        next.foreignKeys.filter((fk) => waitsFor(next, fk)),
      );
    pending.delete(qualifiedKey(next));
    ordered.push(next);
  }
  return { tables: ordered, deferred };
}

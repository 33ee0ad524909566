import type { CheckModel, ColumnModel, ExclusionModel, ForeignKeyModel, IndexModel, Provenance, TableModel, UniqueModel } from '../model/schema-model.ts';
import { predicateText } from '../predicate/predicate-text.ts';
import { describeColumn } from './declaration-signature.ts';

export interface TableUnion {
  /** Both declarations as one table: every column and constraint of either, every source of both. */
  readonly table: TableModel;
  /** Each contradiction, worded for a report; empty when the two declarations agree where they overlap. */
  readonly differences: readonly string[];
}

/**
 * Two declarations of one table as one. What only one declares is part of the table. The same
 * column declared by both must mean the same (type, nullability, value source), except that a
 * database default one model relies on and the other leaves out (it sends its own value) is kept.
 * A primary key is one set of columns: its order is not a contract (both sides of a many-to-many
 * name the junction's key in their own order), so the same set in another order agrees and the
 * order kept is the first declaration's. On a contradiction the first declaration's definition is
 * kept and the difference is reported.
 */
export function unionTables(first: TableModel, second: TableModel): TableUnion {
  const differences: string[] = [];

  const columns: ColumnModel[] = first.columns.map((column) => declared(column, first.sources));
  for (const column of second.columns) {
    const index = columns.findIndex((known) => known.name === column.name);
    if (index === -1) {
      columns.push(declared(column, second.sources));
      continue;
    }
    const known = columns[index]!;
    const merged =
      known.default === null && column.default !== null
        ? { ...known, default: column.default, ...(column.ormSendsDefault ? { ormSendsDefault: true } : {}) }
        : known;
    const other = column.default === null && known.default !== null ? { ...column, default: known.default } : column;
    if (describeColumn(merged) !== describeColumn(other)) differences.push(`column ${column.name}: ${describeColumn(known)} vs ${describeColumn(column)}`);
    columns[index] = alsoDeclared(merged, column, second.sources);
  }

  let primaryKey = first.primaryKey ?? second.primaryKey;
  if (first.primaryKey && second.primaryKey && !sameSet(first.primaryKey.columns, second.primaryKey.columns)) {
    differences.push(`primary key: (${first.primaryKey.columns.join(', ')}) vs (${second.primaryKey.columns.join(', ')})`);
    primaryKey = first.primaryKey;
  }

  // implied only while no declaration is a model's: a junction both sides of a relation imply names both
  const impliedBy = first.impliedBy && second.impliedBy ? [...new Set([...first.impliedBy, ...second.impliedBy])] : undefined;
  const { impliedBy: _firstImpliedBy, ...firstDeclared } = first;
  return {
    table: {
      ...firstDeclared,
      columns,
      primaryKey,
      foreignKeys: union(sided(first, first.foreignKeys), sided(second, second.foreignKeys), foreignKeyKey, foreignKeyMeaning, differences),
      uniques: union(sided(first, first.uniques), sided(second, second.uniques), uniqueKey, uniqueMeaning, differences),
      indexes: union(sided(first, first.indexes), sided(second, second.indexes), indexKey, indexMeaning, differences),
      ...(first.checks || second.checks
        ? { checks: union(sided(first, first.checks ?? []), sided(second, second.checks ?? []), checkKey, checkMeaning, differences) }
        : {}),
      ...(first.exclusions || second.exclusions
        ? {
            exclusions: union(sided(first, first.exclusions ?? []), sided(second, second.exclusions ?? []), exclusionKey, exclusionMeaning, differences),
          }
        : {}),
      sources: [...first.sources, ...second.sources],
      ...(impliedBy ? { impliedBy } : {}),
    },
    differences,
  };
}

type Declared = { readonly declaredBy?: readonly Provenance[] };

/** An element with the models that declare it: its own list, else every source of the declaration it comes from. */
function declared<T extends Declared>(item: T, sources: readonly Provenance[]): T {
  return item.declaredBy ? item : { ...item, declaredBy: sources };
}

/** `known`, also declared by the models that declare `other`. */
function alsoDeclared<T extends Declared>(known: T, other: Declared, sources: readonly Provenance[]): T {
  return { ...known, declaredBy: [...(known.declaredBy ?? []), ...(other.declaredBy ?? sources)] };
}

function sided<T extends Declared>(table: TableModel, items: readonly T[]): T[] {
  return items.map((item) => declared(item, table.sources));
}

function union<T extends Declared>(a: readonly T[], b: readonly T[], key: (item: T) => string, meaning: (item: T) => string, differences: string[]): T[] {
  const items = [...a];
  for (const item of b) {
    const at = items.findIndex((candidate) => key(candidate) === key(item));
    if (at === -1) {
      items.push(item);
      continue;
    }
    const known = items[at]!;
    if (meaning(known) !== meaning(item)) differences.push(`${key(item)}: ${meaning(known)} vs ${meaning(item)}`);
    items[at] = alsoDeclared(known, item, []);
  }
  return items;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((column) => b.includes(column));
}

const foreignKeyKey = (fk: ForeignKeyModel) => `foreign key (${fk.columns.join(', ')})`;
const foreignKeyMeaning = (fk: ForeignKeyModel) =>
  `${fk.references.schema}.${fk.references.name}(${fk.references.columns.join(', ')}) on delete ${fk.onDelete} on update ${fk.onUpdate}${deferral(fk.deferrable)}`;
const uniqueKey = (unique: UniqueModel) => `unique (${[...unique.columns].sort().join(', ')})${unique.where ? ` where ${unique.where}` : ''}`;
const uniqueMeaning = (unique: UniqueModel) => `${unique.nullsNotDistinct ? 'nulls not distinct' : 'nulls distinct'}${deferral(unique.deferrable)}`;
const deferral = (deferrable: UniqueModel['deferrable']) =>
  deferrable === undefined ? '' : ` deferrable${deferrable === 'deferred' ? ' initially deferred' : ''}`;
const indexKey = (index: IndexModel) => `index (${index.columns.join(', ') || index.name})${index.where ? ` where ${index.where}` : ''}`;
const indexMeaning = () => 'declared';
const checkKey = (check: CheckModel) => `check ${check.name ?? predicateText(check.expression)}`;
const checkMeaning = (check: CheckModel) => predicateText(check.expression);
const exclusionKey = (exclusion: ExclusionModel) => `exclusion ${exclusion.name ?? predicateText(exclusion.expression)}`;
const exclusionMeaning = (exclusion: ExclusionModel) => predicateText(exclusion.expression);

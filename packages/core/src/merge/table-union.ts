import type { CheckModel, ColumnModel, ExclusionModel, ForeignKeyModel, IndexModel, TableModel, UniqueModel } from '../model/schema-model.ts';
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

  const columns: ColumnModel[] = [...first.columns];
  for (const column of second.columns) {
    const index = columns.findIndex((known) => known.name === column.name);
    if (index === -1) {
      columns.push(column);
      continue;
    }
    const known = columns[index]!;
    const merged =
      known.default === null && column.default !== null
        ? { ...known, default: column.default, ...(column.ormSendsDefault ? { ormSendsDefault: true } : {}) }
        : known;
    const other = column.default === null && known.default !== null ? { ...column, default: known.default } : column;
    if (describeColumn(merged) !== describeColumn(other)) differences.push(`column ${column.name}: ${describeColumn(known)} vs ${describeColumn(column)}`);
    columns[index] = merged;
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
      foreignKeys: union(first.foreignKeys, second.foreignKeys, foreignKeyKey, foreignKeyMeaning, differences),
      uniques: union(first.uniques, second.uniques, uniqueKey, uniqueMeaning, differences),
      indexes: union(first.indexes, second.indexes, indexKey, indexMeaning, differences),
      ...(first.checks || second.checks ? { checks: union(first.checks ?? [], second.checks ?? [], checkKey, checkMeaning, differences) } : {}),
      ...(first.exclusions || second.exclusions
        ? { exclusions: union(first.exclusions ?? [], second.exclusions ?? [], exclusionKey, exclusionMeaning, differences) }
        : {}),
      sources: [...first.sources, ...second.sources],
      ...(impliedBy ? { impliedBy } : {}),
    },
    differences,
  };
}

function union<T>(a: readonly T[], b: readonly T[], key: (item: T) => string, meaning: (item: T) => string, differences: string[]): T[] {
  const items = [...a];
  for (const item of b) {
    const known = items.find((candidate) => key(candidate) === key(item));
    if (!known) items.push(item);
    else if (meaning(known) !== meaning(item)) differences.push(`${key(item)}: ${meaning(known)} vs ${meaning(item)}`);
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

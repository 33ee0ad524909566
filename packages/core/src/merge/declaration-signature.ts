import type { ColumnModel, TableModel } from '../model/schema-model.ts';
import { formatColumnType } from '../normalize/column-type.ts';
import { valueSource } from '../normalize/value-source.ts';

/**
 * What a table declaration means, as comparable lines: canonical types and defaults,
 * no provenance, no generated constraint names (every ORM names its constraints its own way).
 */
export function declarationLines(table: TableModel): Map<string, string> {
  const lines = new Map<string, string>();
  for (const column of table.columns) lines.set(`column ${column.name}`, describeColumn(column));
  if (table.primaryKey) lines.set('primary key', `(${table.primaryKey.columns.join(', ')})`);
  for (const fk of table.foreignKeys) {
    const target = `${fk.references.schema}.${fk.references.name}(${fk.references.columns.join(', ')})`;
    lines.set(`foreign key (${fk.columns.join(', ')})`, `${target} on delete ${fk.onDelete} on update ${fk.onUpdate}`);
  }
  for (const unique of table.uniques) {
    lines.set(`unique (${[...unique.columns].sort().join(', ')})`, unique.nullsNotDistinct ? 'nulls not distinct' : 'declared');
  }
  for (const index of table.indexes) lines.set(`index (${index.columns.join(', ') || index.name})`, index.where ?? 'declared');
  return lines;
}

export function describeColumn(column: ColumnModel): string {
  const parts = [formatColumnType(column.type), column.nullable ? 'null' : 'not null'];
  const source = valueSource(column);
  if (source !== null) parts.push(`default ${source}`);
  return parts.join(' ');
}

/** Human-readable differences between two declarations of one table; empty when they mean the same. */
export function declarationDifferences(a: TableModel, b: TableModel): string[] {
  const left = declarationLines(a);
  const right = declarationLines(b);
  const differences: string[] = [];
  for (const [key, value] of left) {
    const other = right.get(key);
    if (other === undefined) differences.push(`${key} is declared only by the first`);
    else if (other !== value) differences.push(`${key}: ${value} vs ${other}`);
  }
  for (const key of right.keys()) if (!left.has(key)) differences.push(`${key} is declared only by the second`);
  return differences;
}

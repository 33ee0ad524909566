import type { QualifiedName, TableModel } from '../model/schema-model.ts';
import type { SchemaIndex } from '../model/schema-index.ts';

/** The first declared column of an enum type, so that an enum finding points at a table a user knows. */
export function firstEnumUser(expected: SchemaIndex, type: QualifiedName): { table: TableModel; column: string } | undefined {
  for (const table of expected.schema.tables) {
    const column = table.columns.find((candidate) => candidate.type.enum?.schema === type.schema && candidate.type.enum.name === type.name);
    if (column) return { table, column: column.name };
  }
  return undefined;
}

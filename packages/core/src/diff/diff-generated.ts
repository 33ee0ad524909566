import type { ColumnModel, TableModel } from '../model/schema-model.ts';
import { predicateText } from '../predicate/predicate-text.ts';
import type { SchemaChange } from './schema-change.ts';

/**
 * How a column's generated expression differs between the model and the database: the model's
 * generated column is a plain one in the database (`not-generated`), a plain column of the model is
 * generated in the database (`generated`), or both are generated from expressions that read
 * otherwise (`expression`; spellings the server deparses alike are settled before the diff).
 * Undefined when both agree. A generated column's expression is never a default.
 */
export function generatedDifference(expected: ColumnModel, actual: ColumnModel): 'not-generated' | 'generated' | 'expression' | undefined {
  if (expected.generated === null && actual.generated === null) return undefined;
  if (actual.generated === null) return 'not-generated';
  if (expected.generated === null) return 'generated';
  return predicateText(expected.generated) === predicateText(actual.generated) ? undefined : 'expression';
}

/** The `modify-generated` change of a declared column, if its generation differs. */
export function generatedChange(table: TableModel, expected: ColumnModel, actual: ColumnModel): SchemaChange | undefined {
  const difference = generatedDifference(expected, actual);
  return difference ? { kind: 'modify-generated', table, expected, actual, difference } : undefined;
}

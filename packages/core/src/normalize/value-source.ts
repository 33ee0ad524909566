import type { ColumnModel } from '../model/schema-model.ts';
import { canonicalDefault } from './default-expression.ts';

/**
 * Where a column's value comes from when an insert leaves it out, in canonical form. Serial
 * sequences and identity columns both number rows for the ORM, so they count as one; a stored
 * generated column's expression is not compared.
 */
export function valueSource(column: ColumnModel): string | null {
  if (column.generated !== null) return 'generated';
  if (column.identity !== null) return 'autoincrement';
  const canonical = canonicalDefault(column.default, column.type);
  return canonical === 'nextval()' ? 'autoincrement' : canonical;
}

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
  if (column.default === null) return null;
  // columns are immutable, and the merge, the diff and the rules each ask about the same column
  const known = canonicalByColumn.get(column);
  if (known !== undefined) return known;
  const canonical = canonicalDefault(column.default, column.type);
  const source = canonical === 'nextval()' ? 'autoincrement' : canonical;
  canonicalByColumn.set(column, source);
  return source;
}

const canonicalByColumn = new WeakMap<ColumnModel, string | null>();

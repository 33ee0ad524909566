import type { IndexKeyOptions, IndexModel } from '../model/schema-model.ts';
import { identifierAsPrinted } from '../sql/quote.ts';
import { objectName } from './describe.ts';

// How messages spell an index's keys, as CREATE INDEX does: `lower("email")`, `title gin_trgm_ops`, `"userId" DESC`.

/** An index's keys as SQL text: its expressions, or its columns' names. */
export function expressionList(index: IndexModel): string {
  return (index.expressions ?? index.columns.map(identifierAsPrinted)).join(', ');
}

/** Each key of an index as a message names it: its expression, or its column's name. */
export function keyNames(index: IndexModel): readonly string[] {
  return index.expressions ?? index.columns.map((column) => objectName(column));
}

/** ` (title gin_trgm_ops)` when some key has options, else nothing: what a message adds after USING. */
export function keysText(index: IndexModel): string {
  const options = keyNames(index).map((_, i) => keyText(index.keys?.[i]));
  return options.some((option) => option !== '') ? ` (${keyList(index)})` : '';
}

/** Every key with its options, as CREATE INDEX lists them: `title gin_trgm_ops, lower("email") DESC`. */
export function keyList(index: IndexModel): string {
  return keyNames(index)
    .map((key, i) => [key, keyText(index.keys?.[i])].filter(Boolean).join(' '))
    .join(', ');
}

/** A key's options as CREATE INDEX spells them: `COLLATE "C" gin_trgm_ops DESC NULLS LAST`; empty for the defaults. */
export function keyText(key: IndexKeyOptions | undefined): string {
  const parts: string[] = [];
  if (key?.collation) parts.push(`COLLATE ${collationName(key)}`);
  if (key?.opclass) parts.push(key.opclassParameters ? `${key.opclass}(${key.opclassParameters})` : key.opclass);
  if (key?.descending) parts.push('DESC');
  const nullsFirst = key?.nullsFirst ?? key?.descending === true;
  if (nullsFirst !== (key?.descending === true)) parts.push(nullsFirst ? 'NULLS FIRST' : 'NULLS LAST');
  return parts.join(' ');
}

/** The collation as PostgreSQL prints it: quoted where it must be, schema-qualified when the search path does not find it. */
export function collationName(key: IndexKeyOptions): string {
  const collation = key.collation ?? '';
  const name = identifierAsPrinted(collation.startsWith('"') && collation.endsWith('"') ? collation.slice(1, -1).replace(/""/g, '"') : collation);
  return key.collationSchema ? `${identifierAsPrinted(key.collationSchema)}.${name}` : name;
}

import { QuoteUtils } from '@pgsql/quotes';
import type { QualifiedName } from '../model/schema-model.ts';
import { hasUnsafeCharacter } from '../report/escape-text.ts';

/**
 * The one identifier-quoting function: `users` → `"users"`, `Audit "Log"` → `"Audit ""Log"""`.
 * Every name ormdrift writes into SQL goes through it. It always quotes, as PostgreSQL's
 * `quote_ident` would for any name with a capital, a space, a quote, a non-ASCII letter or a
 * reserved word: a quoted name is taken verbatim, so no keyword list can go stale.
 * Throws on an empty name or a NUL character, which no PostgreSQL identifier can hold.
 */
export function quoteIdentifier(name: string): string {
  if (name.length === 0 || name.includes('\u0000')) throw new TypeError(`not a PostgreSQL identifier: ${JSON.stringify(name)}`);
  return `"${name.replace(/"/g, '""')}"`;
}

/** `"schema"."name"`: every object ormdrift writes is schema-qualified, whatever the search_path. */
export function quoteQualified(name: QualifiedName): string {
  return `${quoteIdentifier(name.schema)}.${quoteIdentifier(name.name)}`;
}

/**
 * A name as PostgreSQL prints it (`quote_ident()`, `pg_get_expr()`, `regclass` output): bare when it is
 * a plain lower-case name (letters, digits, `_`) that is not a reserved, column-name or type/function-name
 * keyword, double-quoted otherwise: `users`, `"userId"`, `"order"`, `"Audit ""Log"""`. What adapters need to
 * predict a serial's `nextval('"Audit Log_id_seq"'::regclass)`, and how messages name objects so that a
 * name can be pasted into SQL as printed. The keyword list is PostgreSQL's own (`kwlist.h`, as
 * `@pgsql/quotes` ports `quote_identifier()`).
 */
export function identifierAsPrinted(name: string): string {
  return hasUnsafeCharacter(name) ? unicodeEscapedIdentifier(name) : QuoteUtils.quoteIdentifier(name);
}

/**
 * A name holding a control or invisible character, in PostgreSQL's Unicode-escape form (`U&"a\000ab"` for a, newline,
 * b; a backslash doubled): valid SQL, one line, and distinct from any name printed as it is (`"a\nb"` is a, backslash,
 * n, b). Source: PostgreSQL's "Identifiers and Key Words", Unicode escapes.
 */
function unicodeEscapedIdentifier(name: string): string {
  let text = '';
  for (const char of name) {
    const code = char.codePointAt(0)!;
    if (char === '\\') text += '\\\\';
    else if (char === '"') text += '""';
    else if (hasUnsafeCharacter(char)) text += code <= 0xffff ? `\\${code.toString(16).padStart(4, '0')}` : `\\+${code.toString(16).padStart(6, '0')}`;
    else text += char;
  }
  return `U&"${text}"`;
}

/**
 * A schema-qualified name as a message prints it: `users` in `public`, `audit.events` elsewhere,
 * each part as PostgreSQL prints it (`"Audit"."Events"`, `public."order"` → `"order"`).
 */
export function qualifiedAsPrinted(name: QualifiedName): string {
  const own = identifierAsPrinted(name.name);
  return name.schema === 'public' ? own : `${identifierAsPrinted(name.schema)}.${own}`;
}

/** A column list as SQL spells it: `(id, "userId")`. */
export function columnListAsPrinted(columns: readonly string[]): string {
  return `(${columns.map(identifierAsPrinted).join(', ')})`;
}

/**
 * A string literal, as PostgreSQL's `quote_literal`: single quotes doubled, and an `E'...'`
 * literal with doubled backslashes when the text holds one, so the value is the same whatever
 * `standard_conforming_strings` says.
 */
export function quoteLiteral(text: string): string {
  if (text.includes('\u0000')) throw new TypeError('a PostgreSQL string cannot hold a NUL character');
  const quoted = `'${text.replace(/'/g, "''")}'`;
  return text.includes('\\') ? `E${quoted.replace(/\\/g, '\\\\')}` : quoted;
}

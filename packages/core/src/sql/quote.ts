import type { QualifiedName } from '../model/schema-model.ts';

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
 * A name as PostgreSQL prints it in `pg_get_expr()` and `regclass` output: bare when it is a
 * plain lower-case name, quoted otherwise (what adapters need to predict a serial's
 * `nextval('"Audit Log_id_seq"'::regclass)`). Reserved words are not detected: callers compare
 * such text canonically, never as written.
 */
export function identifierAsPrinted(name: string): string {
  return /^[a-z_][a-z0-9_$]*$/.test(name) ? name : quoteIdentifier(name);
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

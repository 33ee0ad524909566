import type { IndexKeyOptions } from '../model/schema-model.ts';

/**
 * One key of `CREATE INDEX ... (<key>, ...)` written as SQL text, taken apart as PostgreSQL reads it
 * (`index_elem`: a column name, a function call or a parenthesized expression, then `COLLATE name`, an operator
 * class, `ASC`/`DESC`, `NULLS FIRST`/`LAST`). `column` is set when the key is a column of the table: then it
 * is that column key, as an index on the column spelled with the ORM's column builder. Else `expression` is the
 * key's expression without the options after it.
 */
export interface IndexKeyText {
  /** The column's name as the catalog holds it (a quoted name unquoted, a bare one folded to lower case). */
  readonly column?: string;
  /** The key's expression as written, without its trailing options; absent for a column key. */
  readonly expression?: string;
  /** The options other than PostgreSQL's defaults, as `IndexKeyOptions` holds them. */
  readonly options: IndexKeyOptions;
}

const name = String.raw`(?:"(?:[^"]|"")+"|[A-Za-z_\u0080-\uffff][A-Za-z0-9_$\u0080-\uffff]*)`;
const qualified = String.raw`${name}(?:\s*\.\s*${name})?`;
// an operator class's parameters (PostgreSQL 13 and later): `gist_trgm_ops(siglen=32)`
const parameters = String.raw`(?:\s*\([^()]*\))?`;
// everything that may follow a key's column or expression, each part optional and in the grammar's order
const tail = new RegExp(
  String.raw`^(?:\s+COLLATE\s+(${qualified}))?(?:\s+(?!(?:ASC|DESC|NULLS)\b)(${qualified})(${parameters}))?(?:\s+(ASC|DESC))?(?:\s+NULLS\s+(FIRST|LAST))?\s*$`,
  'i',
);
const leadingName = new RegExp(String.raw`^\s*(${name})`);

/**
 * Takes one index key's SQL text apart (`"title" gin_trgm_ops`, `lower("email") text_pattern_ops DESC`,
 * `title COLLATE "C" DESC NULLS FIRST`). `columns` are the table's column names as the catalog holds them:
 * a key that names one of them, and nothing but options after it, is that column key.
 * Text that does not read as a key with options is an expression as written, with no options. An expression
 * key's COLLATE is left out: the catalog's collation of an expression key is not compared.
 */
export function indexKeyText(text: string, columns: readonly string[]): IndexKeyText {
  const head = leadingName.exec(text);
  if (head) {
    const options = tail.exec(text.slice(head[0].length));
    const column = identifierName(head[1]!);
    if (options && columns.includes(column)) return { column, options: keyOptions(options, true) };
  }
  // an expression key is a function call or a parenthesized expression: its options follow the parenthesis that
  // closes it (the first one back at depth zero, not the last: an operator class may carry parameters in its own)
  for (const end of closingParentheses(text)) {
    const options = tail.exec(text.slice(end + 1));
    if (options) return { expression: text.slice(0, end + 1).trim(), options: keyOptions(options, false) };
  }
  return { expression: text.trim(), options: {} };
}

/** The positions of the parentheses that close a top-level group, in order; quoted text and names are skipped. */
function closingParentheses(text: string): number[] {
  const ends: number[] = [];
  let depth = 0;
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quote !== undefined) {
      if (char === quote) quote = undefined;
    } else if (char === "'" || char === '"') quote = char;
    else if (char === '(') depth++;
    else if (char === ')' && --depth === 0) ends.push(i);
  }
  return ends;
}

function keyOptions(match: RegExpExecArray, column: boolean): IndexKeyOptions {
  const [, collation, opclass, classParameters, order, nulls] = match;
  const descending = order?.toUpperCase() === 'DESC';
  // NULLS LAST is ascending's default, NULLS FIRST descending's
  const nullsFirst = nulls === undefined ? descending : nulls.toUpperCase() === 'FIRST';
  const collationName = collation === undefined ? undefined : splitQualified(collation);
  return {
    // the catalog gives a collation's schema only where the search path does not find it (`pg_catalog` always does)
    ...(column && collationName
      ? { collation: collationName.name, ...(collationName.schema && collationName.schema !== 'pg_catalog' ? { collationSchema: collationName.schema } : {}) }
      : {}),
    // the catalog names an operator class without its schema; its parameters are kept as written
    ...(opclass !== undefined ? { opclass: `${splitQualified(opclass).name}${classParameters?.trim() ?? ''}` } : {}),
    ...(descending ? { descending } : {}),
    ...(nullsFirst !== descending ? { nullsFirst } : {}),
  };
}

function splitQualified(text: string): { schema?: string; name: string } {
  const parts = [...text.matchAll(new RegExp(name, 'g'))].map((part) => identifierName(part[0]));
  return parts.length > 1 ? { schema: parts[0]!, name: parts[1]! } : { name: parts[0]! };
}

/** A name as the catalog holds it: a quoted one as written (`""` is `"`), a bare one folded to lower case. */
function identifierName(text: string): string {
  return text.startsWith('"') ? text.slice(1, -1).replace(/""/g, '"') : text.toLowerCase();
}

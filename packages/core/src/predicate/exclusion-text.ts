import { predicateText, samePredicate } from './predicate-text.ts';
import { unquotedCharacters } from './unquoted-characters.ts';

/**
 * An EXCLUDE constraint's definition taken apart: `skeleton` is everything but its expressions (access
 * method, each element's operator class, order and operator, INCLUDE, WITH, tablespace) in one
 * normalized text, its index options by structure (`exclusionOptions`); `elements` the element expressions in order (a column's name unquoted as PostgreSQL
 * prints it, an expression as written); `where` the predicate of a partial one.
 */
export interface ExclusionParts {
  readonly skeleton: string;
  readonly elements: readonly string[];
  readonly where?: string;
}

/**
 * Takes apart `USING gist ("room" WITH =, tsrange(start, finish) WITH &&) WHERE (active)` (the text after
 * `EXCLUDE`, with or without that keyword). Returns undefined for a text it cannot read, which is then
 * compared as a whole.
 */
export function exclusionParts(text: string): ExclusionParts | undefined {
  let rest = text.trim().replace(/^exclude\s+/i, '');
  let method = 'btree';
  const using = /^using\s+("[^"]+"|[A-Za-z_][\w$]*)\s*/i.exec(rest);
  if (using) {
    method = identifier(using[1]!);
    rest = rest.slice(using[0].length);
  }
  if (!rest.startsWith('(')) return undefined;
  const close = closingParen(rest, 0);
  if (close < 0) return undefined;
  const elementTexts = splitTopLevel(rest.slice(1, close), ',');
  const tail = rest.slice(close + 1).trim();
  const whereAt = findKeyword(tail, 'where');
  const options = (whereAt < 0 ? tail : tail.slice(0, whereAt)).trim();
  const where = whereAt < 0 ? undefined : tail.slice(whereAt + 'where'.length).trim();
  const elements: string[] = [];
  const shapes: string[] = [];
  for (const element of elementTexts) {
    const parsed = exclusionElement(element);
    if (!parsed) return undefined;
    elements.push(parsed.expression);
    shapes.push(parsed.shape);
  }
  const clauses = exclusionOptions(options);
  const skeleton = `using ${method} (${shapes.join(', ')})${clauses ? ` ${clauses}` : ''}`;
  return { skeleton, elements, ...(where ? { where } : {}) };
}

/**
 * Two exclusion definitions are one when their skeletons agree and their expressions and predicates read
 * alike as text; the server's deparse settles other spellings first (see `settlePredicates`). Texts that
 * cannot be taken apart are compared whole, after `predicateText`.
 */
export function sameExclusion(a: string, b: string): boolean {
  const first = exclusionParts(a);
  const second = exclusionParts(b);
  if (!first || !second) return predicateText(a) === predicateText(b);
  return (
    first.skeleton === second.skeleton &&
    first.elements.length === second.elements.length &&
    first.elements.every((element, i) => predicateText(element) === predicateText(second.elements[i]!)) &&
    samePredicate(first.where, second.where)
  );
}

/**
 * The expressions and predicate of an exclusion as one boolean expression the server can plan against its
 * table: `pg_catalog.num_nulls(e1, e2, ...) >= 0 AND (where)`. One function call keeps the elements in their
 * order (the planner reorders separate conditions by cost) and keeps them from being folded away (a bare
 * `IS NOT NULL` on a NOT NULL column is).
 */
export function exclusionProbe(parts: ExclusionParts): string {
  return `pg_catalog.num_nulls(${parts.elements.map((element) => `(${element})`).join(', ')}) >= 0${parts.where ? ` AND (${parts.where})` : ''}`;
}

/**
 * The index options after the elements, compared by structure rather than spelling: `INCLUDE (columns)` with each
 * column as PostgreSQL prints it, in name order (included columns only ride along: their order changes nothing), `WITH (parameters)` with each `name=value` lower-cased and unquoted and in name
 * order (the catalog keeps them as given), and `USING INDEX TABLESPACE name`, in that order, as the server prints
 * them. A text it cannot take apart is kept as text, after `predicateText`.
 */
function exclusionOptions(text: string): string {
  let rest = text.trim();
  const parts: string[] = [];
  const include = /^include\s*\(/i.exec(rest);
  if (include) {
    const close = closingParen(rest, include[0].length - 1);
    if (close < 0) return predicateText(text);
    parts.push(
      `include (${splitTopLevel(rest.slice(include[0].length, close), ',')
        .map((column) => identifier(column.trim()))
        .sort()
        .join(', ')})`,
    );
    rest = rest.slice(close + 1).trim();
  }
  const parameters = /^with\s*\(/i.exec(rest);
  if (parameters) {
    const close = closingParen(rest, parameters[0].length - 1);
    if (close < 0) return predicateText(text);
    const settings = splitTopLevel(rest.slice(parameters[0].length, close), ',').map((setting) => {
      const [name = '', value = ''] = setting.split('=').map((side) =>
        side
          .trim()
          .replace(/^'(.*)'$/s, '$1')
          .toLowerCase(),
      );
      return `${name}=${value}`;
    });
    parts.push(`with (${settings.sort().join(', ')})`);
    rest = rest.slice(close + 1).trim();
  }
  const tablespace = /^using\s+index\s+tablespace\s+("(?:[^"]|"")+"|[A-Za-z_][\w$]*)\s*$/i.exec(rest);
  if (tablespace) {
    parts.push(`using index tablespace ${identifier(tablespace[1]!)}`);
    rest = '';
  }
  return rest === '' ? parts.join(' ') : predicateText(text);
}

/** One element: `expression [COLLATE c] [opclass] [ASC|DESC] [NULLS FIRST|LAST] WITH operator`. */
function exclusionElement(text: string): { expression: string; shape: string } | undefined {
  const trimmed = text.trim();
  const withAt = findKeyword(trimmed, 'with', true);
  if (withAt < 0) return undefined;
  const head = trimmed.slice(0, withAt).trim();
  const operator = operatorName(trimmed.slice(withAt + 'with'.length).trim());
  let expression: string;
  let options: string;
  if (head.startsWith('(')) {
    const close = closingParen(head, 0);
    if (close < 0) return undefined;
    expression = head.slice(1, close);
    options = head.slice(close + 1);
  } else {
    const name = /^("(?:[^"]|"")+"|[A-Za-z_][\w$.]*)/.exec(head);
    if (!name) return undefined;
    const after = head.slice(name[0].length);
    if (after.trimStart().startsWith('(')) {
      // a function call: its arguments are part of the expression
      const open = head.indexOf('(', name[0].length);
      const close = closingParen(head, open);
      if (close < 0) return undefined;
      expression = head.slice(0, close + 1);
      options = head.slice(close + 1);
    } else {
      expression = identifier(name[0]);
      options = after;
    }
  }
  // ASC and NULLS LAST after it are the defaults PostgreSQL does not print
  const shape = predicateText(options)
    .replace(/\basc\b/g, '')
    .replace(/\bnulls last\b/g, (match, offset: number, whole: string) => (/\bdesc\b/.test(whole.slice(0, offset)) ? match : ''))
    .replace(/\s+/g, ' ')
    .trim();
  return { expression: identifierOrText(expression), shape: `${shape ? `${shape} ` : ''}with ${operator}` };
}

/** `OPERATOR(pg_catalog.&&)` is `&&`: the server qualifies an operator only when it is off the search path. */
function operatorName(text: string): string {
  const qualified = /^operator\s*\(\s*(?:[\w$"]+\.)?([^)\s]+)\s*\)$/i.exec(text);
  return (qualified ? qualified[1]! : text).trim();
}

/** A quoted identifier as PostgreSQL prints it when quotes are not needed: `"during"` is `during`. */
function identifier(text: string): string {
  if (text.startsWith('"') && text.endsWith('"')) {
    const inner = text.slice(1, -1).replace(/""/g, '"');
    return /^[a-z_][a-z0-9_$]*$/.test(inner) ? inner : text;
  }
  return text.toLowerCase();
}

function identifierOrText(expression: string): string {
  return /^("(?:[^"]|"")+"|[A-Za-z_][\w$]*)$/.test(expression.trim()) ? identifier(expression.trim()) : expression.trim();
}

/** The index of the parenthesis closing the one at `open`, skipping quoted text; -1 when there is none. */
function closingParen(text: string, open: number): number {
  for (const { index, char, depth } of unquotedCharacters(text, open)) if (char === ')' && depth === 0) return index;
  return -1;
}

/** Splits at `separator` outside parentheses and quotes. */
function splitTopLevel(text: string, separator: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (const { index, char, depth } of unquotedCharacters(text)) {
    if (char !== separator || depth !== 0) continue;
    parts.push(text.slice(start, index));
    start = index + 1;
  }
  parts.push(text.slice(start));
  return parts;
}

/** Where a keyword stands as a word outside parentheses and quotes (the last such place with `last`); -1 when nowhere. */
function findKeyword(text: string, keyword: string, last = false): number {
  let found = -1;
  for (const { index, depth } of unquotedCharacters(text)) {
    if (
      depth === 0 &&
      text.slice(index, index + keyword.length).toLowerCase() === keyword &&
      (index === 0 || /\s/.test(text[index - 1]!)) &&
      /[\s(]/.test(text[index + keyword.length] ?? '')
    ) {
      found = index;
      if (!last) return found;
    }
  }
  return found;
}

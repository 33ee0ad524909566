import type { ColumnType } from '../model/schema-model.ts';
import { arrayConstructorLiteral } from './array-constructor.ts';
import { canonicalCastLiterals } from './cast-literals.ts';
import { canonicalNumeric } from './numeric-literal.ts';
import { canonicalBoolean, canonicalTypedLiteral, numericTypeName } from './typed-literal.ts';

/**
 * Reduces a column default to a canonical form so that what an ORM sends and what
 * `pg_get_expr()` returns compare equal when they mean the same thing:
 * `'active'::character varying` ≡ `'active'`, `'-1'::integer` ≡ `-1`, `CURRENT_TIMESTAMP` ≡ `now()`,
 * `(ARRAY[]::character varying[])::character varying(255)[]` ≡ `'{}'`, `INTERVAL '1 hour'` ≡ `'01:00:00'::interval`,
 * `CURRENT_TIMESTAMP + INTERVAL '30 days'` ≡ `(now() + '30 days'::interval)`, `0` ≡ `'$0.00'::money`.
 * The column's type decides how literals compare: in a varchar `'1.50'` is not `'1.5'`, in a
 * numeric column it is. The result is for comparison only; reports show the original text.
 */
export function canonicalDefault(expression: string | null | undefined, type: ColumnType): string | null {
  if (expression === null || expression === undefined) return null;
  // a schema repeats a handful of defaults over thousands of columns, on both sides: canonicalize each once per
  // spelling and type (the form depends on the type's name and on its being an array, nothing else)
  const key = `${type.arrayDims > 0 ? '[]' : ''}${type.name}\u0000${expression}`;
  const known = canonicalDefaults.get(key);
  if (known !== undefined) return known;
  if (canonicalDefaults.size >= 10_000) canonicalDefaults.clear();
  const canonical = canonicalize(expression, type);
  canonicalDefaults.set(key, canonical);
  return canonical;
}

const canonicalDefaults = new Map<string, string | null>();

function canonicalize(expression: string, type: ColumnType): string | null {
  // a serial's default, the commonest there is: what the steps below would make of it, without them
  if (/^nextval\(/i.test(expression.trim())) return 'nextval()';
  // every constant in PostgreSQL's form of its value first, while its cast still says its type
  let text = stripOuterParens(withoutCasts(canonicalCastLiterals(expression.trim())));
  if (text === '' || text === 'null') return null;

  if (/^nextval\(/.test(text)) return 'nextval()';
  if (timeFunctions.has(text) || /^current_timestamp\(\d\)$/.test(text)) return 'now()';
  if (/^(public\.)?uuid_generate_v4\(\)$/.test(text) || text === 'gen_random_uuid()') return 'gen_random_uuid()';
  // inside an expression too, `CURRENT_TIMESTAMP` and `now()` are one function
  text = outsideQuotes(text, (part) => part.replace(/\b(current_timestamp|transaction_timestamp\(\))(?!\w|\()/g, 'now()'));
  // `ARRAY[7, 13]` is the literal '{7,13}': compare it as one
  const constructed = arrayConstructorLiteral(text);
  if (constructed !== undefined) text = `'${constructed.replace(/'/g, "''")}'`;

  // Numbers and booleans fold only where the column holds them.
  const bare = /^'((?:[^']|'')*)'$/.exec(text)?.[1]?.replace(/''/g, "'") ?? text;
  const numberType = numericTypeName(type);
  if (numberType !== undefined) {
    const number = canonicalNumeric(bare, numberType);
    if (number !== undefined) return number;
  }
  if (type.name === 'boolean' && type.arrayDims === 0) {
    const boolean = canonicalBoolean(bare);
    if (boolean !== undefined) return boolean;
  }

  const literal = /^'((?:[^']|'')*)'$/.exec(text);
  if (literal?.[1] !== undefined) return `'${canonicalTypedLiteral(literal[1].replace(/''/g, "'"), type)}'`;
  return text;
}

/**
 * Ways to say "the current time". `'now'` survives only as a runtime cast
 * (`('now'::text)::date`, TypeORM's CURRENT_DATE): a plain `'now'::date` is folded into a
 * fixed date when the table is created, so it never reaches here as `'now'`.
 */
const timeFunctions = new Set(['now()', 'current_timestamp', 'transaction_timestamp()', 'localtimestamp', 'current_date', "'now'"]);

/** Lower-cases everything outside quotes, folds white space and drops `::type` casts. */
function withoutCasts(expression: string): string {
  let out = '';
  let index = 0;
  while (index < expression.length) {
    const char = expression[index]!;
    if (char === "'") {
      const end = closingQuote(expression, index);
      out += expression.slice(index, end + 1);
      index = end + 1;
      continue;
    }
    if (char === '"') {
      const end = expression.indexOf('"', index + 1);
      out += expression.slice(index, end === -1 ? undefined : end + 1);
      index = end === -1 ? expression.length : end + 1;
      continue;
    }
    if (expression.startsWith('::', index)) {
      index = skipCast(expression, index + 2);
      continue;
    }
    if (!/\s/.test(char)) out += char.toLowerCase();
    else if (!out.endsWith(' ')) out += ' ';
    index++;
  }
  return out.replace(/\( /g, '(').replace(/ \)/g, ')').trim();
}

function closingQuote(text: string, start: number): number {
  let index = start + 1;
  while (index < text.length) {
    if (text[index] === "'") {
      if (text[index + 1] === "'") index += 2;
      else return index;
    } else index++;
  }
  return text.length - 1;
}

/** Skips a type name after `::`: words, schema dots, quoted names, one modifier list and array brackets. */
function skipCast(text: string, start: number): number {
  const match =
    /^(?:\s*(?:"[^"]*"|[a-z_][\w$]*)(?:\s*\.\s*(?:"[^"]*"|[a-z_][\w$]*))?)(?:\s+(?:varying|precision|with(?:out)?\s+time\s+zone))*(?:\s*\([\d\s,]*\))?(?:\s+(?:with(?:out)?\s+time\s+zone))?(?:\s*\[\d*\])*/i.exec(
      text.slice(start),
    );
  return start + (match?.[0].length ?? 0);
}

function stripOuterParens(text: string): string {
  while (text.startsWith('(') && text.endsWith(')') && balanced(text.slice(1, -1))) text = text.slice(1, -1).trim();
  return text;
}

function balanced(text: string): boolean {
  let depth = 0;
  let quoted = false;
  for (const char of text) {
    if (char === "'") quoted = !quoted;
    if (quoted) continue;
    if (char === '(') depth++;
    if (char === ')' && --depth < 0) return false;
  }
  return depth === 0;
}

/** Applies `rewrite` to the text outside single-quoted literals only. */
function outsideQuotes(text: string, rewrite: (part: string) => string): string {
  return text
    .split(/('(?:[^']|'')*')/)
    .map((part, index) => (index % 2 === 1 ? part : rewrite(part)))
    .join('');
}

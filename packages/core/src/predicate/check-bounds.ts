import { constantLast } from './constant-last.ts';
import { predicateText } from './predicate-text.ts';

/** How a database's check relates to the declared one: which rows each admits. */
export type CheckRelation = 'stricter' | 'looser' | 'unknown';

/** One side of a range: `value` itself included when `closed`; ±Infinity for no bound. */
interface Bound {
  readonly value: number;
  readonly closed: boolean;
}

interface Range {
  readonly column: string;
  readonly low: Bound;
  readonly high: Bound;
}

const none = (value: number): Bound => ({ value, closed: false });
const integerTypes = new Set(['smallint', 'integer', 'bigint', 'int2', 'int4', 'int8']);

/**
 * Whether the database's check admits fewer rows than the declared one (`stricter`: writes the model allows can
 * fail), more (`looser`: rows the model forbids can be stored), or neither can be told (`unknown`). Decided only
 * in the simple case, one comparison of the same column with a number on each side (`qty > 0` against
 * `(qty >= 5)`), by comparing the bounds; whole-number columns (`integerColumns`, by their names as PostgreSQL holds them) compare whole
 * numbers, so `qty >= 1` and `qty > 0` there admit the same rows and stay `unknown`. ormdrift cannot decide
 * implication between arbitrary expressions: anything else is `unknown`.
 */
export function checkRelation(declared: string, held: string, integerColumns: ReadonlySet<string> = new Set()): CheckRelation {
  const model = range(declared, integerColumns);
  const database = range(held, integerColumns);
  if (!model || !database || model.column !== database.column) return 'unknown';
  const inModel = within(database, model);
  const inDatabase = within(model, database);
  if (inModel && !inDatabase) return 'stricter';
  if (inDatabase && !inModel) return 'looser';
  return 'unknown';
}

/** Whether the column type name is a whole-number one, for `checkRelation`'s `integerColumns`. */
export function wholeNumberType(typeName: string): boolean {
  return integerTypes.has(typeName.toLowerCase());
}

/** `column op number` (after `constantLast`) as the range of values it admits; undefined for anything else. */
function range(expression: string, integerColumns: ReadonlySet<string>): Range | undefined {
  const text = predicateText(constantLast(expression));
  const name = String.raw`(?:"(?:[^"]|"")+"|[a-z_][\w$]*)`;
  const match = new RegExp(String.raw`^((?:${name}\.)*${name})\s*(<=|>=|<|>|=)\s*(.+)$`, 'i').exec(text);
  if (!match) return undefined;
  const column = columnName(match[1]!);
  const value = numberOf(match[3]!);
  if (value === undefined) return undefined;
  const whole = integerColumns.has(column);
  const op = match[2]!;
  let low = none(-Infinity);
  let high = none(Infinity);
  if (op === '>' || op === '>=') low = { value, closed: op === '>=' };
  if (op === '<' || op === '<=') high = { value, closed: op === '<=' };
  if (op === '=') low = high = { value, closed: true };
  if (whole) {
    // a whole-number column: `> 0` admits what `>= 1` does
    if (Number.isFinite(low.value)) low = { value: low.closed ? Math.ceil(low.value) : Math.floor(low.value) + 1, closed: true };
    if (Number.isFinite(high.value)) high = { value: high.closed ? Math.floor(high.value) : Math.ceil(high.value) - 1, closed: true };
  }
  return { column, low, high };
}

/**
 * The number a constant stands for, its casts and parentheses taken off as the server prints them: `0`, `(0)::numeric`,
 * `('-1'::integer)::numeric`; undefined for anything else.
 */
function numberOf(text: string): number | undefined {
  let rest = text.trim();
  for (;;) {
    const cast = /^(.*?)\s*::\s*[a-z_][\w ]*(?:\(\s*\d+(?:\s*,\s*\d+)*\s*\))?$/i.exec(rest);
    if (cast) rest = cast[1]!.trim();
    else if (rest.startsWith('(') && rest.endsWith(')')) rest = rest.slice(1, -1).trim();
    else break;
  }
  const number = /^('?)([-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?)\1$/i.exec(rest);
  if (!number) return undefined;
  const value = Number(number[2]!);
  return Number.isFinite(value) ? value : undefined;
}

/** Whether every value `inner` admits, `outer` admits too. */
function within(inner: Range, outer: Range): boolean {
  const lowOk = inner.low.value > outer.low.value || (inner.low.value === outer.low.value && (outer.low.closed || !inner.low.closed));
  const highOk = inner.high.value < outer.high.value || (inner.high.value === outer.high.value && (outer.high.closed || !inner.high.closed));
  return lowOk && highOk;
}

/** The column's own name, unqualified and as PostgreSQL folds it: `items.qty` and `"qty"` are `qty`. */
function columnName(text: string): string {
  const last = /(?:"((?:[^"]|"")+)"|([a-z_][\w$]*))$/i.exec(text);
  if (!last) return text;
  return last[1] !== undefined ? last[1].replace(/""/g, '"') : last[2]!.toLowerCase();
}

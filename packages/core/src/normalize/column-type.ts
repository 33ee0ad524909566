import type { ColumnType, QualifiedName } from '../model/schema-model.ts';
import { displayName } from '../model/qualified-name.ts';

/**
 * Parses any PostgreSQL type spelling — an ORM's (`int4`, `varchar`, `timestamptz`,
 * `numeric(10, 2)`, `TIMESTAMP(3) WITH TIME ZONE`, `text array`) or the catalog's
 * (`_text`, `character varying(30)[]`) — into the canonical `format_type()` form.
 * Both sides of a comparison go through this one function.
 */
export function parseColumnType(raw: string, options: { arrayDims?: number } = {}): ColumnType {
  // A schema repeats a handful of spellings over thousands of columns: parse each once. Keyed by array
  // dimensions, then by spelling, so that a lookup builds no key string of its own.
  const arrayDims = options.arrayDims ?? 0;
  let byRaw = parsedTypes.get(arrayDims);
  if (!byRaw) {
    byRaw = new Map();
    parsedTypes.set(arrayDims, byRaw);
  }
  let parsed = byRaw.get(raw);
  if (!parsed) {
    if (byRaw.size >= 10_000) byRaw.clear();
    parsed = Object.freeze(parse(raw, arrayDims));
    byRaw.set(raw, parsed);
  }
  return parsed;
}

const parsedTypes = new Map<number, Map<string, ColumnType>>();

function parse(raw: string, arrayDimsOption: number): ColumnType {
  let text = foldCase(raw.trim());
  let arrayDims = arrayDimsOption;

  let suffixDims = 0;
  for (;;) {
    const bracket = /\[\d*\]$/.exec(text);
    if (bracket) text = text.slice(0, bracket.index).trimEnd();
    else if (text.endsWith(' array')) text = text.slice(0, -6).trimEnd();
    else break;
    suffixDims++;
  }
  // `_int4` is how pg_type names the array type of int4.
  if (suffixDims === 0 && text.startsWith('_') && !text.startsWith('__')) {
    text = text.slice(1);
    suffixDims = 1;
  }
  arrayDims = Math.max(arrayDims, suffixDims);

  // Type modifiers may sit in the middle: `timestamp(3) with time zone`.
  let modifiers: number[] = [];
  text = text.replace(/\(\s*([\d\s,]+)\)/, (_, inner: string) => {
    modifiers = inner.split(',').map((part) => Number(part.trim()));
    return '';
  });
  text = text.replace(/\s+/g, ' ').trim();

  const name = canonicalName(text, modifiers);
  return { raw, name, arrayDims };
}

/**
 * Folds a type's spelling as PostgreSQL folds identifiers: to lower case and single spaces outside double quotes,
 * as written inside them (`"Audit"."Email"` is not `audit.email`).
 */
function foldCase(text: string): string {
  return text.replace(/"(?:[^"]|"")*"|[^"]+/g, (part) => (part.startsWith('"') ? part : part.toLowerCase().replace(/\s+/g, ' ')));
}

/** A column of a user-defined enum type (or an array of one). */
export function enumColumnType(raw: string, type: QualifiedName, arrayDims = 0): ColumnType {
  return { raw, name: displayName(type), arrayDims, enum: type };
}

/** The canonical type as `format_type()` prints it, with `[]` for arrays. */
export function formatColumnType(type: ColumnType): string {
  return type.arrayDims > 0 ? `${type.name}[]` : type.name;
}

/** `text` and `character varying` without a length are one type in all but name: both store any string. */
export function sameColumnType(a: ColumnType, b: ColumnType): boolean {
  const name = (type: ColumnType) => (type.name === 'character varying' ? 'text' : type.name);
  return name(a) === name(b) && a.arrayDims > 0 === b.arrayDims > 0;
}

const aliases: Record<string, string> = {
  int: 'integer',
  int4: 'integer',
  serial: 'integer',
  serial4: 'integer',
  int2: 'smallint',
  smallserial: 'smallint',
  serial2: 'smallint',
  int8: 'bigint',
  bigserial: 'bigint',
  serial8: 'bigint',
  float4: 'real',
  float8: 'double precision',
  bool: 'boolean',
  decimal: 'numeric',
  dec: 'numeric',
  varchar: 'character varying',
  'char varying': 'character varying',
  char: 'character',
  varbit: 'bit varying',
  timestamp: 'timestamp without time zone',
  timestamptz: 'timestamp with time zone',
  time: 'time without time zone',
  timetz: 'time with time zone',
};

/** Time types whose default (and maximum) precision is 6: `timestamp(6)` and `timestamp` are the same type. */
const sixDigitPrecision = new Set(['timestamp without time zone', 'timestamp with time zone', 'time without time zone', 'time with time zone', 'interval']);

function canonicalName(base: string, modifiers: number[]): string {
  if (base === 'float' || base === 'double') {
    const bits = modifiers[0];
    return bits !== undefined && bits <= 24 ? 'real' : 'double precision';
  }
  const name = aliases[base] ?? base;
  const [first, second] = modifiers;

  switch (name) {
    case 'numeric':
      if (first === undefined) return name;
      return `numeric(${first},${second ?? 0})`;
    case 'character':
    case 'bit':
      // A bare `char` or `bit` is length 1; the catalog's `bpchar` without a modifier has no length.
      return `${name}(${first ?? 1})`;
    case 'bpchar':
      return first === undefined ? 'bpchar' : `character(${first})`;
    case 'character varying':
    case 'bit varying':
      return first === undefined ? name : `${name}(${first})`;
  }
  if (sixDigitPrecision.has(name)) {
    if (first === undefined || first === 6) return name;
    const [head, ...zone] = name.split(' ');
    return [`${head}(${first})`, ...zone].join(' ');
  }
  return first === undefined ? name : `${name}(${modifiers.join(',')})`;
}

/**
 * How many characters a text column holds: the length of a `character varying(n)`, `Infinity` for
 * `text` and an unbounded `character varying`, `undefined` for every other type.
 */
export function characterLength(type: ColumnType): number | undefined {
  if (type.name === 'character varying' || type.name === 'text') return Infinity;
  const match = /^character varying\((\d+)\)$/.exec(type.name);
  return match ? Number(match[1]) : undefined;
}

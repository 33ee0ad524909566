import type { ColumnType } from '../model/schema-model.ts';
import { canonicalInterval } from './interval-literal.ts';
import { canonicalNumeric } from './numeric-literal.ts';

/**
 * The text of a quoted default literal in the form PostgreSQL prints it back for the column's
 * type, where that form differs from how an ORM writes it:
 * - array literals: `{"primary","a b"}` is stored and printed as `{primary,"a b"}` (elements are
 *   quoted only when they must be; booleans print as `t`/`f`);
 * - timestamps: `2024-01-02 03:04:05.000` prints as `2024-01-02 03:04:05` (no trailing fractional
 *   zeros, a space before the time); a time-zone-less timestamp ignores any offset written in it,
 *   and a `timestamp with time zone` is an instant, compared in UTC (the time zone the introspector
 *   pins); one written without an offset is read as UTC too;
 * - jsonb: stored parsed, printed with its own key order and spacing, so it compares by value
 *   (json and text keep their text exactly as written);
 * - intervals: `'1 hour'` is stored as months, days and microseconds and printed `01:00:00`;
 * - numbers: `1e-7`, `0.0000001` and `'1e-07'` (float) or `'$0.00'` (money) print as their value;
 * - booleans: `'yes'`, `'on'`, `'1'` are `true`.
 * Anything it does not recognize is returned unchanged.
 */
export function canonicalTypedLiteral(text: string, type: ColumnType): string {
  if (type.name === 'jsonb' && type.arrayDims === 0) return canonicalJson(text);
  if (type.arrayDims > 0) return text.startsWith('{') ? (canonicalArray(text, type.name) ?? text) : text;
  if (type.name.startsWith('timestamp')) return canonicalTimestamp(text, type.name.endsWith('with time zone'));
  if (/^interval\b/.test(type.name)) return canonicalInterval(text);
  const numeric = numericTypeName(type);
  if (numeric !== undefined) return canonicalNumeric(text, numeric) ?? text;
  if (type.name === 'boolean') return canonicalBoolean(text) ?? text;
  return text;
}

/** The base name of a scalar number type (`numeric(10,2)` → `numeric`), or undefined for any other type. */
export function numericTypeName(type: ColumnType): string | undefined {
  if (type.arrayDims > 0) return undefined;
  return /^(smallint|integer|bigint|real|double precision|numeric|money)\b/.exec(type.name)?.[1];
}

/** `boolin`'s spellings of true and false (any unique prefix of true/false/yes/no, on/off, 1/0). */
export function canonicalBoolean(text: string): 'true' | 'false' | undefined {
  const value = text.trim().toLowerCase();
  if (value === '') return undefined;
  if ('true'.startsWith(value) || 'yes'.startsWith(value) || value === 'on' || value === '1') return 'true';
  if ('false'.startsWith(value) || 'no'.startsWith(value) || value === 'off' || value === '0') return 'false';
  return undefined;
}

const nullElement = Symbol('NULL');
type ArrayElement = string | typeof nullElement | ArrayElement[];

function canonicalArray(text: string, elementType: string): string | undefined {
  const parsed = parseArray(text, 0);
  if (!parsed || parsed.end !== text.length) return undefined;
  return formatArray(parsed.value, elementType);
}

/** Reads one `{...}` level of PostgreSQL's array input syntax; undefined when the text is not one. */
function parseArray(text: string, start: number): { value: ArrayElement[]; end: number } | undefined {
  if (text[start] !== '{') return undefined;
  const value: ArrayElement[] = [];
  let index = start + 1;
  if (text[index] === '}') return { value, end: index + 1 };
  for (;;) {
    while (text[index] === ' ') index++;
    if (text[index] === '{') {
      const inner = parseArray(text, index);
      if (!inner) return undefined;
      value.push(inner.value);
      index = inner.end;
    } else if (text[index] === '"') {
      let element = '';
      index++;
      while (index < text.length && text[index] !== '"') {
        if (text[index] === '\\') index++;
        element += text[index] ?? '';
        index++;
      }
      if (text[index] !== '"') return undefined;
      value.push(element);
      index++;
    } else {
      let end = index;
      while (end < text.length && text[end] !== ',' && text[end] !== '}') end++;
      const element = text.slice(index, end).trim();
      value.push(element.toUpperCase() === 'NULL' ? nullElement : element);
      index = end;
    }
    while (text[index] === ' ') index++;
    if (text[index] === ',') index++;
    else if (text[index] === '}') return { value, end: index + 1 };
    else return undefined;
  }
}

function formatArray(values: readonly ArrayElement[], elementType: string): string {
  return `{${values.map((value) => (Array.isArray(value) ? formatArray(value, elementType) : formatElement(value, elementType))).join(',')}}`;
}

/** As `array_out` writes an element: bare unless empty, `NULL`-like, or holding a delimiter, brace, quote, backslash or space. */
function formatElement(value: string | typeof nullElement, elementType: string): string {
  if (value === nullElement) return 'NULL';
  if (elementType === 'boolean') {
    if (/^(t|true)$/i.test(value)) return 't';
    if (/^(f|false)$/i.test(value)) return 'f';
  }
  if (elementType.startsWith('timestamp')) value = canonicalTimestamp(value, elementType.endsWith('with time zone'));
  if (value === '' || value.toUpperCase() === 'NULL' || /[{}",\\\s]/.test(value)) return `"${value.replace(/(["\\])/g, '\\$1')}"`;
  return value;
}

// the time may be left out: `'2024-01-02'` in a timestamp column is midnight
const timestampPattern = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?\s*(z|[+-]\d{2}(?::?\d{2})?)?$/i;

function canonicalTimestamp(text: string, withZone: boolean): string {
  const match = timestampPattern.exec(text.trim());
  if (!match) return text;
  const [, date, hours = '00', minutes = '00', seconds = '00', fraction = '', zone] = match;
  const trimmedFraction = fraction.replace(/0+$/, '');
  const fractionText = trimmedFraction === '' ? '' : `.${trimmedFraction}`;
  // a timestamp without time zone ignores an offset written in its input
  if (!withZone) return `${date} ${hours}:${minutes}:${seconds}${fractionText}`;
  const offsetMinutes = zone === undefined ? 0 : zoneOffsetMinutes(zone);
  const local = Date.parse(`${date}T${hours}:${minutes}:${seconds}Z`);
  if (Number.isNaN(local)) return text;
  const instant = new Date(local - offsetMinutes * 60_000).toISOString().slice(0, 19).replace('T', ' ');
  return `${instant}${fractionText}+00`;
}

function zoneOffsetMinutes(zone: string): number {
  if (zone.toLowerCase() === 'z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0'));
}

function canonicalJson(text: string): string {
  try {
    return JSON.stringify(sortKeys(JSON.parse(text)));
  } catch {
    return text;
  }
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([key, inner]) => [key, sortKeys(inner)]),
    );
  }
  return value;
}

import { parseColumnType } from './column-type.ts';
import { canonicalTypedLiteral } from './typed-literal.ts';

/**
 * Type names that may open a SQL-standard typed literal (`INTERVAL '30 days'`, `TIMESTAMP '2024-01-01'`,
 * `DOUBLE PRECISION '1e-7'`). PostgreSQL reads `TYPE 'x'` as the cast `'x'::TYPE` and prints it so.
 */
const typedLiteralPrefix = new RegExp(
  '^(' +
    [
      'interval',
      'timestamptz',
      'timestamp(?:\\s*\\(\\s*\\d+\\s*\\))?(?:\\s+with(?:out)?\\s+time\\s+zone)?',
      'timetz',
      'time(?:\\s*\\(\\s*\\d+\\s*\\))?(?:\\s+with(?:out)?\\s+time\\s+zone)?',
      'date',
      'numeric',
      'decimal',
      'integer',
      'int[248]?',
      'bigint',
      'smallint',
      'real',
      'double\\s+precision',
      'float[48]?',
      'boolean',
      'bool',
      'text',
      'character\\s+varying',
      'varchar',
      'character',
      'char',
      'bpchar',
      'jsonb?',
      'uuid',
      'money',
      'inet',
      'cidr',
      'bytea',
      'bit\\s+varying',
      'varbit',
      'bit',
      'macaddr8?',
    ].join('|') +
    ")\\s*(?=')",
  'i',
);

/** A type name after `::`: words, a schema dot, quoted names, one modifier list, a time zone and array brackets. */
const castType =
  /^\s*::\s*((?:"[^"]*"|[a-z_][\w$]*)(?:\s*\.\s*(?:"[^"]*"|[a-z_][\w$]*))?(?:\s+(?:varying|precision))?(?:\s*\([\d\s,]*\))?(?:\s+with(?:out)?\s+time\s+zone)?(?:\s*\[\d*\])*)/i;

/**
 * Rewrites every constant of a default expression into PostgreSQL's own form of its value, so that
 * text comparison after it compares values: a typed literal `TYPE 'x'` becomes the cast `'x'::TYPE`,
 * a bit string `B'101'` or `X'1F'` the literal `'101'::bit`, and each `'x'::TYPE` has its text put
 * in the canonical form of that type (`'1 hour'::interval` and `'01:00:00'::interval` alike). Text
 * inside quotes is never touched otherwise.
 */
export function canonicalCastLiterals(expression: string): string {
  let out = '';
  let index = 0;
  while (index < expression.length) {
    const char = expression[index]!;
    const rest = expression.slice(index);
    const startsWord = !/[\w$."]/.test(expression[index - 1] ?? ' ') && !out.trimEnd().endsWith('::');
    if (char === '"') {
      const end = expression.indexOf('"', index + 1);
      const stop = end === -1 ? expression.length : end + 1;
      out += expression.slice(index, stop);
      index = stop;
      continue;
    }
    const bits = startsWord ? /^([bx])'([0-9a-f]*)'/i.exec(rest) : null;
    if (bits) {
      const value = bits[1]!.toLowerCase() === 'b' ? bits[2]! : hexBits(bits[2]!);
      out += `'${value}'::bit`;
      index += bits[0].length;
      continue;
    }
    const prefix = startsWord ? typedLiteralPrefix.exec(rest) : null;
    if (prefix || char === "'") {
      const start = index + (prefix?.[0].length ?? 0);
      const end = closingQuote(expression, start);
      const literal = expression.slice(start + 1, end).replace(/''/g, "'");
      index = end + 1;
      const cast = prefix ? undefined : castType.exec(expression.slice(index));
      const typeText = prefix?.[1] ?? cast?.[1];
      if (cast) index += cast[0].length;
      if (typeText === undefined) {
        out += quote(literal);
        continue;
      }
      const type = parseColumnType(typeText.replace(/"/g, ''));
      out += `${quote(canonicalTypedLiteral(literal, type))}::${typeText.replace(/\s+/g, ' ')}`;
      continue;
    }
    out += char;
    index++;
  }
  return out;
}

function closingQuote(text: string, start: number): number {
  let index = start + 1;
  while (index < text.length) {
    if (text[index] === "'") {
      if (text[index + 1] === "'") index += 2;
      else return index;
    } else index++;
  }
  return text.length;
}

function quote(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

function hexBits(hex: string): string {
  return [...hex].map((digit) => Number.parseInt(digit, 16).toString(2).padStart(4, '0')).join('');
}

import type { ColumnType } from '../model/schema-model.ts';
import { characterLength, sameColumnType } from './column-type.ts';

/**
 * Whether a column of type `wide` stores every value a column of type `narrow` does, unchanged, and `wide` is not
 * the same type: a longer or unbounded `character varying` (or `text`) for a `character varying(n)`, a longer or
 * unbounded `bit varying`, a larger integer (`smallint` < `integer` < `bigint`), `double precision` for `real`, a
 * `numeric` of more digits at the same scale (or unconstrained), a time type of more fractional-second digits; an
 * array of such for an array. Never across scales (a value of another scale is rounded), for `character(n)` (blank
 * padding changes what is read back), or for enums. Facts: PostgreSQL's type ranges (Data Types chapter).
 */
export function holdsEveryValue(wide: ColumnType, narrow: ColumnType): boolean {
  if (wide.arrayDims > 0 !== narrow.arrayDims > 0 || wide.enum || narrow.enum) return false;
  if (sameColumnType(wide, narrow)) return false;
  const [wideName, narrowName] = [wide.name, narrow.name];

  const wideInteger = integerBytes[wideName];
  const narrowInteger = integerBytes[narrowName];
  if (wideInteger !== undefined || narrowInteger !== undefined) return wideInteger !== undefined && narrowInteger !== undefined && wideInteger > narrowInteger;

  if (narrowName === 'real') return wideName === 'double precision';

  const narrowNumeric = numericModifiers(narrowName);
  if (narrowNumeric) {
    if (wideName === 'numeric') return true;
    const wideNumeric = numericModifiers(wideName);
    return wideNumeric !== undefined && wideNumeric.scale === narrowNumeric.scale && wideNumeric.precision > narrowNumeric.precision;
  }

  const narrowLength = characterLength(narrow);
  if (narrowLength !== undefined) {
    const wideLength = characterLength(wide);
    return wideLength !== undefined && wideLength > narrowLength;
  }

  const narrowBits = bitVaryingLength(narrowName);
  if (narrowBits !== undefined) {
    const wideBits = bitVaryingLength(wideName);
    return wideBits !== undefined && wideBits > narrowBits;
  }

  const narrowTime = timePrecision(narrowName);
  if (narrowTime) {
    const wideTime = timePrecision(wideName);
    return wideTime !== undefined && wideTime.base === narrowTime.base && wideTime.digits > narrowTime.digits;
  }
  return false;
}

/** Storage size in bytes of the integer types, which orders their ranges. */
export const integerBytes: Readonly<Record<string, number>> = { smallint: 2, integer: 4, bigint: 8 };

/** The precision and scale of a `numeric(p,s)` type name; undefined for a numeric without them and for other types. */
export function numericModifiers(name: string): { precision: number; scale: number } | undefined {
  const match = /^numeric\((\d+),(-?\d+)\)$/.exec(name);
  return match ? { precision: Number(match[1]), scale: Number(match[2]) } : undefined;
}

/** The length of a `bit varying(n)`, `Infinity` for an unbounded one, undefined for other types. */
export function bitVaryingLength(name: string): number | undefined {
  if (name === 'bit varying') return Infinity;
  const match = /^bit varying\((\d+)\)$/.exec(name);
  return match ? Number(match[1]) : undefined;
}

/**
 * A time type's fractional-second digits (6 where the canonical name has none, PostgreSQL's default and maximum)
 * and its type without them (`timestamp with time zone`); undefined for other types, and for an `interval` with
 * fields (`interval day`), whose range differs.
 */
function timePrecision(name: string): { base: string; digits: number } | undefined {
  const match = /^(timestamp|time|interval)(?:\((\d+)\))?( with(?:out)? time zone)?$/.exec(name);
  if (!match) return undefined;
  if ((match[1] === 'interval') !== (match[3] === undefined)) return undefined;
  return { base: `${match[1]}${match[3] ?? ''}`, digits: match[2] === undefined ? 6 : Number(match[2]) };
}

import type { SequenceDataType, SequenceOptions } from '../model/schema-model.ts';

/** Every option of a sequence, as PostgreSQL resolves them when `CREATE SEQUENCE` leaves some out. */
export type ResolvedSequenceOptions = Required<SequenceOptions>;

/** The option names, in the order `CREATE SEQUENCE` takes them: what a `sequence-mismatch` can name. */
export const sequenceAspects = ['dataType', 'increment', 'minValue', 'maxValue', 'start', 'cache', 'cycle'] as const;
export type SequenceAspect = (typeof sequenceAspects)[number];

/** The value range of each type a sequence can have (PostgreSQL's `smallint`, `integer`, `bigint`). */
const ranges: Readonly<Record<SequenceDataType, readonly [bigint, bigint]>> = {
  smallint: [-32768n, 32767n],
  integer: [-2147483648n, 2147483647n],
  bigint: [-9223372036854775808n, 9223372036854775807n],
};

/** Whether a column type can feed (or be fed by) a sequence, and which data type that sequence has. */
export function sequenceDataType(typeName: string): SequenceDataType | undefined {
  return typeName === 'smallint' || typeName === 'integer' || typeName === 'bigint' ? typeName : undefined;
}

/**
 * The options PostgreSQL gives a sequence created with `options` (absent ones at its defaults, as `CREATE
 * SEQUENCE` documents them): `AS` the given data type (`bigint` for a sequence of its own, the column's type for
 * an identity), `INCREMENT BY 1`, an ascending sequence from 1 to the type's maximum, a descending one from the
 * type's minimum to -1, starting at its minimum (ascending) or maximum, `CACHE 1`, `NO CYCLE`.
 *
 * @throws SyntaxError when a declared value is not an integer
 */
export function resolveSequenceOptions(options: SequenceOptions, dataType: SequenceDataType = 'bigint'): ResolvedSequenceOptions {
  const type = options.dataType ?? dataType;
  const [typeMin, typeMax] = ranges[type];
  const increment = BigInt(options.increment ?? '1');
  const ascending = increment > 0n;
  const minValue = options.minValue !== undefined ? BigInt(options.minValue) : ascending ? 1n : typeMin;
  const maxValue = options.maxValue !== undefined ? BigInt(options.maxValue) : ascending ? typeMax : -1n;
  const start = options.start !== undefined ? BigInt(options.start) : ascending ? minValue : maxValue;
  return {
    dataType: type,
    increment: String(increment),
    minValue: String(minValue),
    maxValue: String(maxValue),
    start: String(start),
    cache: String(BigInt(options.cache ?? '1')),
    cycle: options.cycle ?? false,
  };
}

/** The options in which two resolved sequences differ, in `sequenceAspects` order. */
export function sequenceDifferences(expected: ResolvedSequenceOptions, actual: ResolvedSequenceOptions): SequenceAspect[] {
  return sequenceAspects.filter((aspect) => expected[aspect] !== actual[aspect]);
}

/**
 * Whether the database's sequence stops short of the values the model's may produce: a smaller maximum or a
 * larger minimum (which a narrower data type implies), so `nextval()` fails ("reached maximum value of sequence")
 * while the model expects more numbers.
 */
export function narrowerRange(expected: ResolvedSequenceOptions, actual: ResolvedSequenceOptions): boolean {
  return BigInt(actual.maxValue) < BigInt(expected.maxValue) || BigInt(actual.minValue) > BigInt(expected.minValue);
}

/** The given options as `CREATE SEQUENCE` spells them: `AS integer INCREMENT BY 10 NO CYCLE`. */
export function sequenceClauses(options: ResolvedSequenceOptions, aspects: readonly SequenceAspect[]): string {
  const clause: Record<SequenceAspect, string> = {
    dataType: `AS ${options.dataType}`,
    increment: `INCREMENT BY ${options.increment}`,
    minValue: `MINVALUE ${options.minValue}`,
    maxValue: `MAXVALUE ${options.maxValue}`,
    start: `START WITH ${options.start}`,
    cache: `CACHE ${options.cache}`,
    cycle: options.cycle ? 'CYCLE' : 'NO CYCLE',
  };
  return aspects.map((aspect) => clause[aspect]).join(' ');
}

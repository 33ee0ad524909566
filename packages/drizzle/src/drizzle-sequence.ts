import { postgresIdentifier } from '@ormdrift/core';
import type { IdentitySequence, Provenance, SequenceModel, SequenceOptions } from '@ormdrift/core';
import type { PgSequence } from 'drizzle-orm/pg-core';

/** The options object `pgSequence(name, options)` and `.generatedAlwaysAsIdentity(options)` take, as drizzle-orm keeps it. */
interface DrizzleSequenceOptions {
  readonly increment?: number | string;
  readonly minValue?: number | string;
  readonly maxValue?: number | string;
  readonly startWith?: number | string;
  readonly cache?: number | string;
  readonly cycle?: boolean;
}

/**
 * Drizzle's sequence options in the model's terms; only those the model writes (drizzle-kit writes the others at
 * PostgreSQL's defaults). Numbers become decimal strings, as the catalog gives them.
 */
export function drizzleSequenceOptions(options: DrizzleSequenceOptions | undefined): SequenceOptions {
  if (options === undefined) return {};
  const text = (value: number | string | undefined) => (value === undefined ? undefined : String(value));
  const entries: [keyof SequenceOptions, string | boolean | undefined][] = [
    ['increment', text(options.increment)],
    ['minValue', text(options.minValue)],
    ['maxValue', text(options.maxValue)],
    ['start', text(options.startWith)],
    ['cache', text(options.cache)],
    ['cycle', options.cycle],
  ];
  return Object.fromEntries(entries.filter(([, value]) => value !== undefined));
}

/** A `pgSequence(...)` (or `pgSchema(...).sequence(...)`) as the sequence drizzle-kit creates for it: `AS bigint`. */
export function drizzleSequence(sequence: PgSequence, source: Provenance): SequenceModel {
  return {
    schema: sequence.schema ?? 'public',
    name: postgresIdentifier(sequence.seqName ?? ''),
    ...drizzleSequenceOptions(sequence.seqOptions),
    sources: [source],
  };
}

/** What drizzle-orm keeps of `.generatedAlwaysAsIdentity({ name, ...options })`. */
export interface DrizzleIdentity {
  readonly type: 'always' | 'byDefault';
  readonly sequenceName?: string;
  readonly sequenceOptions?: DrizzleSequenceOptions;
}

/** An identity column's declared sequence: its name when given (in the table's schema) and its options; undefined when none is declared. */
export function drizzleIdentitySequence(identity: DrizzleIdentity, schema: string): IdentitySequence | undefined {
  const options = drizzleSequenceOptions(identity.sequenceOptions);
  const named = identity.sequenceName !== undefined ? { schema, name: postgresIdentifier(identity.sequenceName) } : {};
  return Object.keys(options).length === 0 && identity.sequenceName === undefined ? undefined : { ...named, ...options };
}

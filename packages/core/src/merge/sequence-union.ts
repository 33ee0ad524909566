import type { Provenance, SequenceModel } from '../model/schema-model.ts';
import { qualifiedKey } from '../model/qualified-name.ts';
import { resolveSequenceOptions, sequenceClauses, sequenceDifferences, type ResolvedSequenceOptions } from '../normalize/sequence-options.ts';
import type { RegistryConflict } from './merge-registries.ts';

/** The sequences of every registry merged into one each, and the declarations that contradict each other. */
export interface MergedSequences {
  readonly sequences: readonly SequenceModel[];
  readonly conflicts: readonly RegistryConflict[];
}

/**
 * Merges the sequences that several registries (or several schema modules of one) declare. Declarations of one
 * sequence whose options resolve alike (PostgreSQL's defaults filled in, so `startWith: 1` and no `startWith` are
 * one declaration) are one sequence carrying every source. Declarations with other options are a conflict naming
 * both sides. The declarations of one sequence are taken in the order of their provenance (ORM, registry, model),
 * not in the order the registries were given, so neither the conflict nor the kept sequence depends on argument
 * order; the kept sequence is the first option set's, with every declaring source.
 */
export function mergeSequences(registries: readonly (readonly SequenceModel[])[]): MergedSequences {
  const byName = new Map<string, SequenceModel[]>();
  for (const declared of registries.flat()) {
    const key = qualifiedKey(declared);
    byName.set(key, [...(byName.get(key) ?? []), declared]);
  }
  const sequences: SequenceModel[] = [];
  const conflicts: RegistryConflict[] = [];
  for (const declarations of byName.values()) {
    // one group per distinct option set, in provenance order
    const groups: { options: ResolvedSequenceOptions | string; declarations: SequenceModel[] }[] = [];
    for (const declared of [...declarations].sort((a, b) => compareText(provenanceText(a.sources), provenanceText(b.sources)))) {
      const options = resolvedOrRaw(declared);
      const group = groups.find((candidate) => sameOptions(candidate.options, options));
      if (group) group.declarations.push(declared);
      else groups.push({ options, declarations: [declared] });
    }
    const [kept, ...others] = groups;
    const sources = groups.flatMap((group) => group.declarations.flatMap((declared) => declared.sources));
    sequences.push({ ...kept!.declarations[0]!, sources });
    for (const other of others) {
      const first = kept!.declarations[0]!;
      conflicts.push({
        schema: first.schema,
        name: first.name,
        object: 'sequence',
        first: kept!.declarations.flatMap((declared) => declared.sources),
        second: other.declarations.flatMap((declared) => declared.sources),
        differences: [describeDifference(kept!.options, other.options)],
      });
    }
  }
  return { sequences, conflicts };
}

/** The options PostgreSQL would give the sequence; its raw JSON when a value is no integer (the diff reports that). */
function resolvedOrRaw(sequence: SequenceModel): ResolvedSequenceOptions | string {
  try {
    return resolveSequenceOptions(sequence);
  } catch {
    const { sources: _sources, ...options } = sequence;
    return JSON.stringify(options);
  }
}

function sameOptions(a: ResolvedSequenceOptions | string, b: ResolvedSequenceOptions | string): boolean {
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  return sequenceDifferences(a, b).length === 0;
}

/** `START WITH 1000 vs START WITH 1`: the options that differ, as `CREATE SEQUENCE` spells them. */
function describeDifference(first: ResolvedSequenceOptions | string, second: ResolvedSequenceOptions | string): string {
  if (typeof first === 'string' || typeof second === 'string') return `options ${String(first)} vs ${String(second)}`;
  const changed = sequenceDifferences(first, second);
  return `${sequenceClauses(first, changed)} vs ${sequenceClauses(second, changed)}`;
}

function provenanceText(sources: readonly Provenance[]): string {
  return sources.map((source) => `${source.orm}\u0000${source.registry}\u0000${source.model ?? ''}`).join('\u0001');
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

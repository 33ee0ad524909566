import type { SequenceShape } from '../check/finding-sides.ts';
import { displayName } from '../model/qualified-name.ts';
import type { SequenceModel } from '../model/schema-model.ts';
import { resolveSequenceOptions, sequenceClauses as optionClauses, type SequenceAspect } from '../normalize/sequence-options.ts';

/** A sequence as findings carry it: its name and every option, resolved to PostgreSQL's defaults. */
export function sequenceShape(sequence: SequenceModel): SequenceShape {
  return { sequence: displayName(sequence), ...resolveSequenceOptions(sequence) };
}

/** Only the given options of a sequence's shape, with its name: what a `sequence-mismatch` shows. */
export function sequenceAspects(sequence: SequenceModel, aspects: readonly SequenceAspect[]): Partial<SequenceShape> & { readonly sequence: string } {
  const shape = sequenceShape(sequence);
  return { sequence: shape.sequence, ...Object.fromEntries(aspects.map((aspect) => [aspect, shape[aspect]])) };
}

/** The given options of a sequence as `CREATE SEQUENCE` spells them: `AS integer INCREMENT BY 10 NO CYCLE`. */
export function sequenceClauses(sequence: SequenceModel, aspects: readonly SequenceAspect[]): string {
  return optionClauses(resolveSequenceOptions(sequence), aspects);
}

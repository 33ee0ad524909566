import type { QualifiedName } from '../model/schema-model.ts';

/** A declared and a stored predicate of one table's index, for the server to compare after its own deparse. */
export interface PredicatePair {
  readonly table: QualifiedName;
  readonly expected: string;
  readonly actual: string;
}

/**
 * Compares each pair as PostgreSQL reads them against the table: true when the server deparses
 * both alike, false when not, undefined when it could not decide (a predicate it cannot parse, a
 * table it cannot see). Never executes either predicate.
 */
export type ComparePredicates = (pairs: readonly PredicatePair[], options?: { readonly signal?: AbortSignal }) => Promise<readonly (boolean | undefined)[]>;

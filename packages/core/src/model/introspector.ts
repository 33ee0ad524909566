import type { CompareLiterals } from '../literal/literal-comparison.ts';
import type { ReadIndexKeyClasses } from '../opclass/operator-class.ts';
import type { ComparePredicates } from '../predicate/predicate-comparison.ts';
import type { SchemaModel } from './schema-model.ts';

/** Reads the actual schema: a live database, or the one the migrations build. */
export interface Introspector {
  introspect(options?: IntrospectOptions): Promise<SchemaModel>;
  /**
   * Optional: compares constant defaults by value where their text cannot tell (`'1 hour'` and
   * `'01:00:00'` as intervals). A check calls it once, between reading the database and the diff.
   */
  readonly compareLiterals?: CompareLiterals;
  /**
   * Optional: compares partial-index predicates as the server deparses them against their table
   * (`"deletedAt" IS NULL` and `("deletedAt" IS NULL)`). A check calls it once, before the diff.
   */
  readonly comparePredicates?: ComparePredicates;
  /**
   * Optional: reads the operator class names of given indexes' keys, default classes included. A check calls it
   * only when a model declares, by name, a class the database reports as a key's default (`text_ops` on text).
   */
  readonly indexKeyClasses?: ReadIndexKeyClasses;
}

export interface IntrospectOptions {
  /** Schemas to read; every non-system schema when absent. */
  readonly schemas?: readonly string[];
  readonly signal?: AbortSignal;
  /**
   * Gives the read up without breaking anything: once aborted, the read sends no further statement (the one in
   * flight is answered, the transaction ends as usual, a borrowed connection stays usable) and rejects with the
   * signal's reason. For a read that turned out to be of no use; `signal` stops a read at once.
   */
  readonly abandon?: AbortSignal;
}

import type { IntrospectOptions, Introspector, LiteralPair, PredicatePair, QualifiedName, SchemaModel } from '@ormdrift/core';
import type { PostgresIntrospector } from '../introspect/postgres-introspector.ts';

/** Runs `use` with an introspector over a connection held for that one call (opened, or borrowed), then lets it go. */
export type WithIntrospector = <T>(signal: AbortSignal | undefined, use: (introspector: PostgresIntrospector) => Promise<T>) => Promise<T>;

/**
 * An `Introspector` whose every call (a catalog read, a comparison of literals or predicates) holds a connection
 * only for its own length, through `withIntrospector`: nothing is connected before the first call or after the last.
 */
export function borrowingIntrospector(withIntrospector: WithIntrospector): Introspector {
  return {
    introspect: (introspectOptions: IntrospectOptions = {}): Promise<SchemaModel> =>
      withIntrospector(introspectOptions.signal, (introspector) => introspector.introspect(introspectOptions)),
    compareLiterals: (pairs: readonly LiteralPair[], compareOptions: { readonly signal?: AbortSignal } = {}): Promise<(boolean | undefined)[]> =>
      withIntrospector(compareOptions.signal, (introspector) => introspector.compareLiterals(pairs, compareOptions)),
    comparePredicates: (pairs: readonly PredicatePair[], compareOptions: { readonly signal?: AbortSignal } = {}): Promise<(boolean | undefined)[]> =>
      withIntrospector(compareOptions.signal, (introspector) => introspector.comparePredicates(pairs, compareOptions)),
    indexKeyClasses: (indexes: readonly QualifiedName[], readOptions: { readonly signal?: AbortSignal } = {}): Promise<(string[] | undefined)[]> =>
      withIntrospector(readOptions.signal, (introspector) => introspector.indexKeyClasses(indexes, readOptions)),
  };
}

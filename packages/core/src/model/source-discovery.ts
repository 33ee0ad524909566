import type { SchemaSource } from './schema-source.ts';

/** One export of a user module. */
export interface ExportedValue {
  readonly name: string;
  readonly value: unknown;
}

export interface DiscoveryContext {
  /** The module path as the user gave it, for provenance. */
  readonly file: string;
  /**
   * Its absolute path, to resolve the user's own copy of an ORM from. Absent when the values were handed in by a
   * program (the guard, the matchers): the adapters then find the ORM from the objects themselves.
   */
  readonly path?: string;
  /** Drizzle's options that live outside the schema module (in drizzle.config.ts or the `drizzle()` call). */
  readonly drizzle?: { readonly casing?: 'snake_case' | 'camelCase' | undefined };
}

export interface DiscoveredSource {
  readonly source: SchemaSource;
  /** The exported values this registry is made of, so that a value re-exported by another module is not counted twice. */
  readonly values: readonly unknown[];
}

/**
 * How each adapter finds its ORM's registries among a module's exports, by shape: the CLI
 * needs no configuration for the simple case. Exports already claimed are not passed again.
 */
export type DiscoverSources = (exports: readonly ExportedValue[], context: DiscoveryContext) => DiscoveredSource[];

import type { SchemaModel } from './schema-model.ts';

/** Reads the actual schema: a live database, or the one the migrations build. */
export interface Introspector {
  introspect(options?: IntrospectOptions): Promise<SchemaModel>;
}

export interface IntrospectOptions {
  /** Schemas to read; every non-system schema when absent. */
  readonly schemas?: readonly string[];
  readonly signal?: AbortSignal;
}

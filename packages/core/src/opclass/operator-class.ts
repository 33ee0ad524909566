import type { QualifiedName } from '../model/schema-model.ts';

/**
 * Reads, for each index named (its schema and its own name, as `pg_class.relname` holds it), the names of the
 * operator classes its key columns use, in key order (`pg_opclass.opcname` of `pg_index.indclass`), default classes
 * included; undefined for an index it cannot find. One verdict per index; a failure leaves every answer undefined.
 */
export type ReadIndexKeyClasses = (
  indexes: readonly QualifiedName[],
  options?: { readonly signal?: AbortSignal },
) => Promise<readonly (readonly string[] | undefined)[]>;

const parameters = /\s*\([^()]*\)\s*$/;

/**
 * An operator class as the catalog names it (`pg_opclass.opcname`), from the way a model writes it: without its
 * schema, without its parameters (`gist_trgm_ops(siglen=32)` is `gist_trgm_ops`: PostgreSQL 13 and later keep those
 * in the index column's options, not in the class), a quoted name as written, a bare one folded to lower case.
 */
export function operatorClassName(text: string): string {
  const bare = text.replace(parameters, '').trim();
  const last = /(?:"((?:[^"]|"")+)"|([^."\s]+))$/.exec(bare);
  if (!last) return bare.toLowerCase();
  return last[1] !== undefined ? last[1].replace(/""/g, '"') : last[2]!.toLowerCase();
}

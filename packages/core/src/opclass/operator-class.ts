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

/**
 * An operator class's parameters in one spelling, for comparison: from a model's `gist_trgm_ops(siglen = '32')` (the
 * text in its last parentheses) or the catalog's `siglen=32` (a text without parentheses is the parameters
 * themselves), each `name=value` with the name folded to lower case and the value unquoted, sorted by name and
 * joined by ','. Empty when there are none.
 */
export function operatorClassParameters(text: string | undefined): string {
  if (text === undefined) return '';
  const inner = /\(([^()]*)\)\s*$/.exec(text)?.[1] ?? (text.includes('(') ? '' : text);
  return inner
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      const at = part.indexOf('=');
      const name = (at < 0 ? part : part.slice(0, at)).trim().toLowerCase();
      const value = at < 0 ? '' : part.slice(at + 1).trim();
      return `${name}=${value.startsWith("'") && value.endsWith("'") ? value.slice(1, -1).replace(/''/g, "'") : value}`;
    })
    .sort()
    .join(',');
}

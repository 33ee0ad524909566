/**
 * Two constant defaults of one column that text cannot decide, for the server to compare: the
 * literal texts are passed as values and cast to `type` by PostgreSQL itself.
 */
export interface LiteralPair {
  /** The column's type as `format_type()` prints it (`interval`, `bit(3)`, `public.mood`). */
  readonly type: string;
  readonly expected: string;
  readonly actual: string;
}

/**
 * Compares each pair by value (both read as `type` and printed back alike): true when equal,
 * false when not, undefined when the server could not decide (a text the type does not accept, a
 * type it does not know). Never evaluates anything but the types' input functions.
 */
export type CompareLiterals = (pairs: readonly LiteralPair[], options?: { readonly signal?: AbortSignal }) => Promise<readonly (boolean | undefined)[]>;

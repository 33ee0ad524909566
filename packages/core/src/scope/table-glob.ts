import picomatch from 'picomatch';
import type { QualifiedName } from '../model/schema-model.ts';

/**
 * Table globs, as `ignore`, `owns` and drizzle-kit's `tablesFilter` spell them: a pattern with a dot
 * matches the qualified name (`auth.*` is every table of schema `auth`), a pattern without one the
 * table name in any schema (`pg_partman_*`). picomatch's syntax: `*`, `?`, `[abc]`, `{a,b}`, and a
 * leading `!` negates. Names are matched case-sensitively, as PostgreSQL stores them.
 */
export type TableGlobs = readonly string[];

/**
 * Why a table glob cannot be used (an unbalanced bracket, brace or parenthesis, an empty pattern), or
 * `undefined` when it can. Configuration loaders call this to reject a pattern before a check runs.
 */
export function tableGlobError(pattern: string): string | undefined {
  if (pattern.trim() === '') return 'a table glob cannot be empty';
  try {
    picomatch.makeRe(pattern, { strictBrackets: true });
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

/**
 * A matcher over qualified table names for the given globs: true when any of them matches.
 *
 * @throws Error for a glob that `tableGlobError` rejects.
 */
export function tableMatcher(patterns: TableGlobs): (name: QualifiedName) => boolean {
  const tests = patterns.map((pattern) => {
    const error = tableGlobError(pattern);
    if (error) throw new Error(`bad table glob "${pattern}": ${error}`);
    const test = picomatch(pattern, { strictBrackets: true, dot: true });
    return pattern.replace(/^!/, '').includes('.') ? (name: QualifiedName) => test(`${name.schema}.${name.name}`) : (name: QualifiedName) => test(name.name);
  });
  return (name) => tests.some((test) => test(name));
}

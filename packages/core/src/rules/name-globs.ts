import picomatch from 'picomatch';
import { z } from 'zod';

/**
 * The `ignore` option of rules about database objects no model declares: globs (picomatch syntax,
 * `legacy_*`, `{audit,tmp}_*`) matched against a name as given and qualified by its schema and table.
 */
export const ignoreOption = z
  .array(z.string().min(1, 'a glob cannot be empty'), { error: 'expected an array of glob strings' })
  .optional()
  .describe('globs of names the rule does not report');

/**
 * A matcher for `ignore` globs: true when any glob matches one of `names` (a table as `users` and
 * `public.users`; a column as `legacy`, `users.legacy` and `public.users.legacy`). Dots separate
 * the parts, so `*` stays within one part, as in a file path.
 */
export function nameMatcher(globs: readonly string[] | undefined): (names: readonly string[]) => boolean {
  if (!globs || globs.length === 0) return () => false;
  // picomatch keeps `*` within a path segment: a dot between schema, table and column becomes one
  const matches = picomatch(
    globs.map((glob) => glob.replaceAll('.', '/')),
    { dot: true },
  );
  return (names) => names.some((name) => matches(name.replaceAll('.', '/')));
}

import type { IndexKeyOptions, IndexModel } from '../model/schema-model.ts';
import { sameOperatorClassName } from '../opclass/settle-operator-classes.ts';
import type { IndexAspect } from './schema-change.ts';

// What kind of difference a `modify-index` is, where the rule's message and the fix's note both depend on it.

/**
 * The message of a database index that serves every query the declared one does and differs only in being larger:
 * more keys after the declared ones (`leading`), INCLUDE columns besides the declared ones (`covering`), every row
 * where a partial index is declared (`full`), the first that applies; undefined when any difference is another.
 */
export function largerIndex(expected: IndexModel, actual: IndexModel, changed: readonly IndexAspect[]): 'leading' | 'covering' | 'full' | undefined {
  const larger = changed.every(
    (aspect) =>
      (aspect === 'columns' && leadsWith(actual, expected)) ||
      (aspect === 'include' && (expected.include ?? []).every((column) => (actual.include ?? []).includes(column))) ||
      (aspect === 'where' && expected.where !== undefined && actual.where === undefined),
  );
  if (!larger || changed.length === 0) return undefined;
  return changed.includes('columns') ? 'leading' : changed.includes('include') ? 'covering' : 'full';
}

/**
 * Whether every key that differs uses the same operator class on both sides, in the same order, and differs only in
 * the class's parameters (`tsvector_ops(siglen=100)` for `tsvector_ops`, or for no class where it is the default).
 */
export function parametersOnly(expected: IndexModel, actual: IndexModel): boolean {
  return (expected.expressions ?? expected.columns).every((_, i) => {
    const [declared, held] = [expected.keys?.[i], actual.keys?.[i]];
    const descending = (key: IndexKeyOptions | undefined) => key?.descending === true;
    const nullsFirst = (key: IndexKeyOptions | undefined) => key?.nullsFirst ?? descending(key);
    if (descending(declared) !== descending(held) || nullsFirst(declared) !== nullsFirst(held)) return false;
    return sameOperatorClassName(declared, held);
  });
}

/**
 * Whether a btree index's leading keys are the declared btree index's keys, in order and built alike (the caller
 * knows that only the columns differ), with more after them: it serves every query the declared one does.
 */
function leadsWith(actual: IndexModel, expected: IndexModel): boolean {
  return (
    (expected.method ?? 'btree') === 'btree' &&
    (actual.method ?? 'btree') === 'btree' &&
    expected.columns.length > 0 &&
    actual.columns.length > expected.columns.length &&
    expected.columns.every((column, i) => actual.columns[i] === column)
  );
}

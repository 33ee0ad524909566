import { defineRule, docsPath } from './rule.ts';
import { columnList, declaredBy, heldPredicate, objectName, tableRef } from './describe.ts';
import type { IndexShape } from '../check/finding-sides.ts';
import type { IndexModel } from '../model/schema-model.ts';
import { largerIndex, parametersOnly } from '../diff/index-change-kind.ts';
import { identifierAsPrinted } from '../sql/quote.ts';
import { isUniqueExpressionIndex } from './missing-unique.ts';
import { collationName, expressionList, keyList, keyNames, keyText, keysText } from './index-key-list.ts';

export const indexMismatch = defineRule({
  meta: {
    code: 'index-mismatch',
    description:
      'An index the models declare exists on the same columns (or under the same name), but differs: the columns it is on, access method, operator classes, sort order or collation per key, the expressions it indexes and whether it is unique, or the predicate of a partial index.',
    docs: docsPath('index-mismatch'),
    messages: {
      columns: 'warning',
      // the database's index of the declared name leads with the declared keys: it serves every query, at a size cost
      leading: 'warning',
      // it carries INCLUDE columns the models do not declare: it serves every query, at a size cost
      covering: 'warning',
      // it is full where the models declare a partial one: it serves every query, but indexes every row
      full: 'warning',
      // it lacks INCLUDE columns the models declare: index-only scans that need them read the table
      include: 'warning',
      // the same operator classes with other parameters (siglen): queries use it; its size and precision differ
      parameters: 'warning',
      partial: 'warning',
      method: 'warning',
      keys: 'warning',
      expressions: 'warning',
      // duplicates the models rely on being rejected can be stored, and ON CONFLICT on the expression fails
      notUnique: 'error',
      // the database rejects rows the models allow: inserts fail, but nothing wrong is stored
      unique: 'warning',
      predicate: 'warning',
    },
    nextStep: 'recreate these indexes as the models declare them with CREATE INDEX CONCURRENTLY, then drop the old ones',
  },
  create(context) {
    return {
      'modify-index'({ table, expected, actual, changed }) {
        // a declared unique expression index whose name holds other expressions: missing-unique says the guarantee is
        // lost, extra-constraint that a database unique on the other expressions rejects writes
        if (isUniqueExpressionIndex(expected) && changed.includes('expressions')) return;
        const on = expected.columns.length > 0 ? `on ${columnList(expected.columns)}` : expected.name ? objectName(expected.name) : '';
        const name = actual.name ? ` ${objectName(actual.name)}` : '';
        const declares = declaredBy(table);
        let messageId: IndexMessage;
        let message: string;
        // every difference leaves the index able to serve every query the declared one does, only larger
        const larger = largerIndex(expected, actual, changed);
        // on other expressions, the unique one of the database is extra-constraint's: here only the queries it cannot serve
        if (changed.includes('expressions')) {
          messageId = 'expressions';
          message = `${tableRef(table)} has the index${name} on (${expressionList(actual)}), but ${declares} declares it on (${expressionList(expected)}): queries on the declared expressions do not use it`;
        } else if (changed.includes('unique') && expected.unique === true) {
          messageId = 'notUnique';
          message = `${tableRef(table)} has the index${name} on (${expressionList(actual)}) not unique, but ${declares} declares a unique one: duplicates can be stored, and ON CONFLICT on these expressions fails (no unique or exclusion constraint matching)`;
        } else if (changed.includes('unique')) {
          messageId = 'unique';
          message = `${tableRef(table)} has the index${name} on (${expressionList(actual)}) unique, but ${declares} declares it not unique: the database rejects duplicate keys the models allow`;
        } else if (larger) {
          // a btree on (a, b) serves every query on a leading a, in the declared order; an index that carries more
          // INCLUDE columns, or indexes every row, serves every query the declared one does too: only its size differs
          messageId = larger;
          const what = (index: IndexModel) =>
            `on (${keyList(index)})${index.include?.length ? ` INCLUDE (${columnNames(index.include)})` : ''}${index.where !== undefined ? ` WHERE ${index === actual ? heldPredicate(index) : index.where}` : ''}`;
          const why = [
            ...(changed.includes('include') ? [`it carries ${columnNames(extraIncluded(expected, actual))} too`] : []),
            ...(changed.includes('where') ? ['it indexes every row, not only those of the predicate'] : []),
          ];
          const writes = changed.includes('where')
            ? 'each write updates it'
            : `each write that changes its ${changed.includes('include') ? 'columns' : 'keys'} updates more`;
          message = `${tableRef(table)} has the index${name} ${what(actual)}, but ${declares} declares it ${what(expected)}: it serves every query the declared one does, but it is larger${why.length > 0 ? ` (${why.join('; ')})` : ''}, so ${writes} and each lookup reads more`;
        } else if (changed.includes('columns')) {
          // the database's index of the declared name is on other keys: name both key lists (and both methods when they differ)
          messageId = 'columns';
          const using = (index: IndexModel) => (changed.includes('method') ? ` USING ${index.method ?? 'btree'}` : '');
          message = `${tableRef(table)} has the index${name}${using(actual)} on (${keyList(actual)}), but ${declares} declares it${using(expected)} on (${keyList(expected)}): it does not serve every query the declared one does`;
        } else if (changed.includes('method')) {
          messageId = 'method';
          message = `${tableRef(table)} has the index${name} ${on} USING ${actual.method ?? 'btree'}, but ${declares} declares USING ${expected.method ?? 'btree'}${keysText(expected)}: a ${actual.method ?? 'btree'} index cannot serve the operators a ${expected.method ?? 'btree'} one does`;
        } else if (
          changed.includes('keys') &&
          !changed.includes('include') &&
          !changed.includes('where') &&
          !collationsDiffer(expected, actual) &&
          parametersOnly(expected, actual)
        ) {
          // the same operator class with other parameters (a signature length): the planner uses it as it would the declared one
          messageId = 'parameters';
          const keysOn = expected.columns.length > 0 ? on : `on (${expressionList(actual)})`;
          message = `${tableRef(table)} has the index${name} ${keysOn} with keys (${keyList(actual)}), but ${declares} declares (${keyList(expected)}): the same operator class with other parameters, so queries use it as they would the declared one, but its size and how many rows each lookup rechecks differ`;
        } else if (changed.includes('keys')) {
          messageId = 'keys';
          const keysOn = expected.columns.length > 0 ? on : `on (${expressionList(actual)})`;
          message = `${tableRef(table)} has the index${name} ${keysOn} with keys (${keyList(actual)}), but ${declares} declares (${keyList(expected)}): ${collationsDiffer(expected, actual) ? 'queries under the declared collation' : 'queries that need the declared operator class or order'} do not use it`;
        } else if (changed.includes('include') && !changed.includes('where')) {
          messageId = 'include';
          const missing = (expected.include ?? []).filter((column) => !(actual.include ?? []).includes(column));
          const held = actual.include?.length ? ` INCLUDE (${columnNames(actual.include)})` : '';
          message = `${tableRef(table)} has the index${name} ${on}${held}, but ${declares} declares it INCLUDE (${columnNames(expected.include ?? [])}): index-only scans that need ${columnNames(missing)} read the table instead`;
        } else if (expected.where === undefined) {
          messageId = 'partial';
          message = `${tableRef(table)} has only a partial index ${on} (WHERE ${heldPredicate(actual) ?? ''}), but ${declares} declares a full one: queries outside the predicate scan the table`;
        } else {
          messageId = 'predicate';
          message = `${tableRef(table)} has the partial index${name} ${on} WHERE ${heldPredicate(actual) ?? ''}, but ${declares} declares WHERE ${expected.where}: queries on the declared rows do not use it`;
        }
        context.report({
          messageId,
          schema: table.schema,
          table: table.name,
          ...(expected.columns.length === 1 ? { column: expected.columns[0] } : {}),
          object: expected.columns.length > 0 ? expected.columns.join(',') : (expected.name ?? ''),
          message,
          expected: describeIndex(expected, changed),
          actual: { ...describeIndex(actual, changed), ...(actual.name ? { name: actual.name } : {}) },
          sources: table.sources,
        });
      },
    };
  },
});

type IndexMessage =
  | 'columns'
  | 'leading'
  | 'covering'
  | 'full'
  | 'include'
  | 'parameters'
  | 'partial'
  | 'method'
  | 'keys'
  | 'expressions'
  | 'notUnique'
  | 'unique'
  | 'predicate';

/** The INCLUDE columns of the database's index that the declared one does not carry. */
function extraIncluded(expected: IndexModel, actual: IndexModel): readonly string[] {
  return (actual.include ?? []).filter((column) => !(expected.include ?? []).includes(column));
}

/** Column names as a message lists them: `b, "userId"`. */
function columnNames(columns: readonly string[]): string {
  return columns.map((column) => objectName(column)).join(', ');
}

/**
 * The compared properties of an index, as a finding's `expected` / `actual`: never an empty part (an expression
 * index has no `columns`; each key names its column or expression before its options).
 */
function describeIndex(index: IndexModel, changed: readonly string[]): IndexShape {
  return {
    ...(index.columns.length > 0 ? { columns: index.columns } : {}),
    ...(changed.includes('method') ? { method: index.method ?? 'btree' } : {}),
    ...(changed.includes('keys') ? { keys: keyNames(index).map((key, i) => [key, keyText(index.keys?.[i])].filter(Boolean).join(' ')) } : {}),
    ...(changed.includes('expressions') || index.columns.length === 0 ? { expressions: index.expressions ?? index.columns.map(identifierAsPrinted) } : {}),
    ...(changed.includes('unique') ? { unique: index.unique === true } : {}),
    ...(changed.includes('include') && index.include?.length ? { include: index.include } : {}),
    ...(index.where !== undefined ? { where: heldPredicate(index)! } : {}),
  };
}

/** Whether a key is collated otherwise on the two sides (then that, not the operator class or order, is what the message names). */
function collationsDiffer(expected: IndexModel, actual: IndexModel): boolean {
  return keyNames(expected).some((_, i) => {
    const [a, b] = [expected.keys?.[i], actual.keys?.[i]];
    return (a?.collation ? collationName(a) : '') !== (b?.collation ? collationName(b) : '');
  });
}

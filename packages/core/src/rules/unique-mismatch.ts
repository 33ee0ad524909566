import { defineRule, docsPath } from './rule.ts';
import { columnList, declaredBy, deferralText, heldPredicate, objectName, tableRef, declares } from './describe.ts';
import type { Deferrable } from '../model/schema-model.ts';

export const uniqueMismatch = defineRule({
  meta: {
    code: 'unique-mismatch',
    description:
      'A unique constraint the models declare exists on the same columns, but treats NULLs otherwise (NULLS NOT DISTINCT), is full or guards other rows where a partial unique is declared, or is deferred otherwise (a primary key too).',
    docs: docsPath('unique-mismatch'),
    // a DEFERRABLE unique breaks ON CONFLICT (upserts) and one checked sooner breaks code that relies on the check at
    // commit: both fail writes; one checked later than declared only reports a duplicate later
    messages: {
      nullsDiffer: 'error',
      stricter: 'error',
      otherRows: 'error',
      // a partial unique where a full one is declared: duplicates outside the predicate, and no arbiter for ON CONFLICT
      partial: 'error',
      deferrableInDatabase: 'error',
      notDeferrableInDatabase: 'error',
      checkedSooner: 'error',
      checkedLater: 'warning',
    },
    nextStep: 'recreate these uniques as the models declare them (NULLS [NOT] DISTINCT, WHERE, DEFERRABLE), or change the models to match',
  },
  create(context) {
    return {
      'modify-unique'({ table, expected, actual, changed, primaryKey }) {
        const columns = columnList(expected.columns);
        const constraint = primaryKey ? 'primary key' : 'unique';
        if (changed.includes('deferrable')) {
          const messageId = deferralMessage(expected.deferrable, actual.deferrable);
          const consequence = {
            deferrableInDatabase: `a DEFERRABLE ${constraint} cannot be the arbiter of INSERT ... ON CONFLICT, so upserts on it fail${actual.deferrable === 'deferred' ? ', and duplicates are reported only at COMMIT' : ''}`,
            notDeferrableInDatabase:
              'code that defers it (SET CONSTRAINTS ... DEFERRED) fails, and code that swaps or shifts values within a transaction fails at the first statement',
            checkedSooner: 'code that swaps or shifts values within a transaction, relying on the check at COMMIT, fails at the first statement',
            checkedLater: 'a duplicate is reported only at COMMIT, not at the statement that wrote it',
          }[messageId];
          context.report({
            messageId,
            schema: table.schema,
            table: table.name,
            ...(expected.columns.length === 1 ? { column: expected.columns[0] } : {}),
            object: expected.columns.join(','),
            message: `${tableRef(table)} has a ${constraint} on ${columns} that is ${deferralText(actual.deferrable)}, but ${declaredBy(table)} declares it ${deferralText(expected.deferrable)}: ${consequence}`,
            expected: { columns: expected.columns, nullsNotDistinct: expected.nullsNotDistinct, deferrable: expected.deferrable ?? 'not deferrable' },
            actual: {
              columns: actual.columns,
              nullsNotDistinct: actual.nullsNotDistinct,
              deferrable: actual.deferrable ?? 'not deferrable',
              ...(actual.name ? { name: actual.name } : {}),
            },
            sources: table.sources,
          });
          return;
        }
        const where = changed.includes('where');
        context.report({
          messageId: !where ? 'nullsDiffer' : actual.where === undefined ? 'stricter' : expected.where === undefined ? 'partial' : 'otherRows',
          schema: table.schema,
          table: table.name,
          ...(expected.columns.length === 1 ? { column: expected.columns[0] } : {}),
          object: expected.columns.join(','),
          message: where
            ? actual.where === undefined
              ? `${tableRef(table)} has ${actual.name ? `the unique ${objectName(actual.name)}` : 'a unique'} on ${columns} over every row, but ${declaredBy(table)} ${declares(table)} it only WHERE ${expected.where ?? ''}: the database is stricter, rows outside the predicate (soft-deleted rows) now block re-use of a value`
              : expected.where === undefined
                ? `${tableRef(table)} has the unique${actual.name ? ` ${objectName(actual.name)}` : ''} on ${columns} only WHERE ${heldPredicate(actual)}, but ${declaredBy(table)} ${declares(table)} it over every row: duplicates outside the predicate can be stored, and INSERT ... ON CONFLICT ${columns} without that WHERE fails (no unique or exclusion constraint matching)`
                : `${tableRef(table)} has ${actual.name ? `the unique ${objectName(actual.name)}` : 'a unique'} on ${columns} WHERE ${heldPredicate(actual)}, but ${declaredBy(table)} ${declares(table)} it WHERE ${expected.where ?? ''}: it guards other rows, so duplicates the model forbids can be stored and writes the model allows can fail`
            : actual.nullsNotDistinct
              ? `${tableRef(table)} has a unique on ${columns} that is NULLS NOT DISTINCT, but ${declaredBy(table)} ${declares(table)} a plain one: a second NULL the model allows is rejected`
              : `${tableRef(table)} has a unique on ${columns} that lets NULLs repeat, but ${declaredBy(table)} ${declares(table)} it NULLS NOT DISTINCT: duplicate NULLs can be stored`,
          expected: {
            columns: expected.columns,
            nullsNotDistinct: expected.nullsNotDistinct,
            ...(expected.where !== undefined ? { where: expected.where } : {}),
          },
          actual: {
            columns: actual.columns,
            nullsNotDistinct: actual.nullsNotDistinct,
            ...(actual.where !== undefined ? { where: heldPredicate(actual)! } : {}),
            ...(actual.name ? { name: actual.name } : {}),
          },
          sources: table.sources,
        });
      },
    };
  },
});

/** Which deferral difference: NOT DEFERRABLE on one side only, or both deferrable and checked at another time. */
function deferralMessage(
  expected: Deferrable | undefined,
  actual: Deferrable | undefined,
): 'deferrableInDatabase' | 'notDeferrableInDatabase' | 'checkedSooner' | 'checkedLater' {
  if (expected === undefined) return 'deferrableInDatabase';
  if (actual === undefined) return 'notDeferrableInDatabase';
  return actual === 'immediate' ? 'checkedSooner' : 'checkedLater';
}

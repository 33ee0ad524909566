import { defineRule, docsPath } from './rule.ts';
import { declaredBy, deferralText } from './describe.ts';
import { displayName } from '../model/qualified-name.ts';

export const uniqueMismatch = defineRule({
  meta: {
    code: 'unique-mismatch',
    description:
      'A unique constraint the models declare exists on the same columns, but treats NULLs otherwise (NULLS NOT DISTINCT), or is full or guards other rows where a partial unique is declared.',
    docs: docsPath('unique-mismatch'),
    // a DEFERRABLE unique breaks ON CONFLICT (upserts); a NOT DEFERRABLE one breaks code that defers it: both fail writes
    messages: { nullsDiffer: 'error', stricter: 'error', otherRows: 'error', deferrableInDatabase: 'error', notDeferrableInDatabase: 'error' },
    nextStep: 'recreate these uniques as the models declare them (NULLS [NOT] DISTINCT, WHERE, DEFERRABLE), or change the models to match',
  },
  create(context) {
    return {
      'modify-unique'({ table, expected, actual, changed }) {
        const columns = `(${expected.columns.join(', ')})`;
        if (changed.includes('deferrable')) {
          context.report({
            messageId: actual.deferrable !== undefined ? 'deferrableInDatabase' : 'notDeferrableInDatabase',
            schema: table.schema,
            table: table.name,
            ...(expected.columns.length === 1 ? { column: expected.columns[0] } : {}),
            object: expected.columns.join(','),
            message:
              actual.deferrable !== undefined
                ? `${displayName(table)} has a unique on ${columns} that is ${deferralText(actual.deferrable)}, but ${declaredBy(table)} declares it ${deferralText(expected.deferrable)}: a DEFERRABLE unique cannot be the arbiter of INSERT ... ON CONFLICT, so upserts on it fail${actual.deferrable === 'deferred' ? ', and duplicates are reported only at COMMIT' : ''}`
                : `${displayName(table)} has a unique on ${columns} that is NOT DEFERRABLE, but ${declaredBy(table)} declares it ${deferralText(expected.deferrable)}: code that swaps or shifts values within a transaction (relying on the check at commit) fails at the first statement`,
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
          messageId: !where ? 'nullsDiffer' : actual.where === undefined ? 'stricter' : 'otherRows',
          schema: table.schema,
          table: table.name,
          ...(expected.columns.length === 1 ? { column: expected.columns[0] } : {}),
          object: expected.columns.join(','),
          message: where
            ? actual.where === undefined
              ? `${displayName(table)} has a unique on ${columns} over every row, but ${declaredBy(table)} declares it only WHERE ${expected.where ?? ''}: the database is stricter, rows outside the predicate (soft-deleted rows) now block re-use of a value`
              : `${displayName(table)} has a unique on ${columns} WHERE ${actual.where}, but ${declaredBy(table)} declares it WHERE ${expected.where ?? ''}: it guards other rows, so duplicates the model forbids can be stored and writes the model allows can fail`
            : actual.nullsNotDistinct
              ? `${displayName(table)} has a unique on ${columns} that is NULLS NOT DISTINCT, but ${declaredBy(table)} declares a plain one: a second NULL the model allows is rejected`
              : `${displayName(table)} has a unique on ${columns} that lets NULLs repeat, but ${declaredBy(table)} declares it NULLS NOT DISTINCT: duplicate NULLs can be stored`,
          expected: {
            columns: expected.columns,
            nullsNotDistinct: expected.nullsNotDistinct,
            ...(expected.where !== undefined ? { where: expected.where } : {}),
          },
          actual: {
            columns: actual.columns,
            nullsNotDistinct: actual.nullsNotDistinct,
            ...(actual.where !== undefined ? { where: actual.where } : {}),
            ...(actual.name ? { name: actual.name } : {}),
          },
          sources: table.sources,
        });
      },
    };
  },
});

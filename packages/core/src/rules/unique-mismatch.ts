import { defineRule, docsPath } from './rule.ts';
import { columnList, declaredBy, declares, tableRef } from './describe.ts';

export const uniqueMismatch = defineRule({
  meta: {
    code: 'unique-mismatch',
    description:
      'A unique constraint the models declare exists on the same columns, but treats NULLs otherwise (NULLS NOT DISTINCT), or is full or guards other rows where a partial unique is declared.',
    docs: docsPath('unique-mismatch'),
    messages: { nullsDiffer: 'error', stricter: 'error', otherRows: 'error' },
    nextStep: 'recreate these uniques as the models declare them (NULLS [NOT] DISTINCT, WHERE), or change the models to match',
  },
  create(context) {
    return {
      'modify-unique'({ table, expected, actual, changed }) {
        const columns = columnList(expected.columns);
        const where = changed.includes('where');
        context.report({
          messageId: !where ? 'nullsDiffer' : actual.where === undefined ? 'stricter' : 'otherRows',
          schema: table.schema,
          table: table.name,
          ...(expected.columns.length === 1 ? { column: expected.columns[0] } : {}),
          object: expected.columns.join(','),
          message: where
            ? actual.where === undefined
              ? `${tableRef(table)} has a unique on ${columns} over every row, but ${declaredBy(table)} ${declares(table)} it only WHERE ${expected.where ?? ''}: the database is stricter, rows outside the predicate (soft-deleted rows) now block re-use of a value`
              : `${tableRef(table)} has a unique on ${columns} WHERE ${actual.where}, but ${declaredBy(table)} ${declares(table)} it WHERE ${expected.where ?? ''}: it guards other rows, so duplicates the model forbids can be stored and writes the model allows can fail`
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
            ...(actual.where !== undefined ? { where: actual.where } : {}),
            ...(actual.name ? { name: actual.name } : {}),
          },
          sources: table.sources,
        });
      },
    };
  },
});

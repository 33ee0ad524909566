import { defineRule, docsPath } from './rule.ts';
import { declaredBy } from './describe.ts';
import { displayName } from '../model/qualified-name.ts';

export const uniqueMismatch = defineRule({
  meta: {
    code: 'unique-mismatch',
    description: 'A unique constraint the models declare exists on the same columns, but treats NULLs otherwise (NULLS NOT DISTINCT).',
    docs: docsPath('unique-mismatch'),
    messages: { nullsDiffer: 'error' },
    nextStep: 'recreate these uniques with the NULLS [NOT] DISTINCT the models declare, or change the models to match',
  },
  create(context) {
    return {
      'modify-unique'({ table, expected, actual }) {
        const columns = `(${expected.columns.join(', ')})`;
        context.report({
          messageId: 'nullsDiffer',
          schema: table.schema,
          table: table.name,
          ...(expected.columns.length === 1 ? { column: expected.columns[0] } : {}),
          object: expected.columns.join(','),
          message: actual.nullsNotDistinct
            ? `${displayName(table)} has a unique on ${columns} that is NULLS NOT DISTINCT, but ${declaredBy(table)} declares a plain one: a second NULL the model allows is rejected`
            : `${displayName(table)} has a unique on ${columns} that lets NULLs repeat, but ${declaredBy(table)} declares it NULLS NOT DISTINCT: duplicate NULLs can be stored`,
          expected: { columns: expected.columns, nullsNotDistinct: expected.nullsNotDistinct },
          actual: { columns: actual.columns, nullsNotDistinct: actual.nullsNotDistinct, ...(actual.name ? { name: actual.name } : {}) },
          sources: table.sources,
        });
      },
    };
  },
});

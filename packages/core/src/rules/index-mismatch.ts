import { defineRule, docsPath } from './rule.ts';
import { declaredBy } from './describe.ts';
import { displayName } from '../model/qualified-name.ts';

export const indexMismatch = defineRule({
  meta: {
    code: 'index-mismatch',
    description: 'An index the models declare exists on the same columns, but differs: a partial index where a full one is declared.',
    docs: docsPath('index-mismatch'),
    messages: { partial: 'warning' },
    nextStep: 'create the full indexes the models declare with CREATE INDEX CONCURRENTLY; the partial ones serve only their predicate',
  },
  create(context) {
    return {
      'modify-index'({ table, expected, actual }) {
        context.report({
          messageId: 'partial',
          schema: table.schema,
          table: table.name,
          ...(expected.columns.length === 1 ? { column: expected.columns[0] } : {}),
          object: expected.columns.join(','),
          message: `${displayName(table)} has only a partial index on (${expected.columns.join(', ')}) (WHERE ${actual.where ?? ''}), but ${declaredBy(table)} declares a full one: queries outside the predicate scan the table`,
          expected: { columns: expected.columns, ...(expected.name ? { name: expected.name } : {}) },
          actual: { columns: actual.columns, ...(actual.name ? { name: actual.name } : {}), ...(actual.where ? { where: actual.where } : {}) },
          sources: table.sources,
        });
      },
    };
  },
});

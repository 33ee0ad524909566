import { defineRule, docsPath } from './rule.ts';
import { columnRef, columnShape, declaredIn } from './describe.ts';

export const missingColumn = defineRule({
  meta: {
    code: 'missing-column',
    description: "A model's column does not exist in its table.",
    docs: docsPath('missing-column'),
    messages: { missing: 'error' },
    nextStep: 'run the pending migrations against this database: a migration that adds these columns has not reached it',
    migrationsNextStep: 'write a migration that adds these columns',
  },
  create(context) {
    return {
      'missing-column'({ table, expected: column }) {
        context.report({
          messageId: 'missing',
          schema: table.schema,
          table: table.name,
          column: column.name,
          message: `${columnRef(table, column.name)} is ${declaredIn(table)} but the table has no such column`,
          expected: columnShape(column),
          actual: null,
          sources: table.sources,
        });
      },
    };
  },
});

import { defineRule, docsPath } from './rule.ts';
import { declaredBy, objectName, tableRef } from './describe.ts';

export const missingExclusion = defineRule({
  meta: {
    code: 'missing-exclusion',
    description: 'An EXCLUDE constraint declared in the models is absent from the database.',
    docs: docsPath('missing-exclusion'),
    messages: { missing: 'error' },
    nextStep: 'find the rows that conflict under these exclusions, then add them in a migration (ADD CONSTRAINT ... EXCLUDE ...)',
  },
  create(context) {
    return {
      'missing-exclusion'({ table, expected: exclusion }) {
        context.report({
          messageId: 'missing',
          schema: table.schema,
          table: table.name,
          object: exclusion.name ?? exclusion.expression,
          message: `${tableRef(table)} has no exclusion ${exclusion.name ? `${objectName(exclusion.name)} ` : ''}EXCLUDE ${exclusion.expression} that ${declaredBy(table)} declares: rows it forbids together can be stored`,
          expected: { ...(exclusion.name ? { name: exclusion.name } : {}), expression: exclusion.expression },
          actual: null,
          sources: table.sources,
        });
      },
    };
  },
});

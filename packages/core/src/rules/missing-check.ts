import { defineRule, docsPath } from './rule.ts';
import { declaredBy, declares, objectName, tableRef } from './describe.ts';

export const missingCheck = defineRule({
  meta: {
    code: 'missing-check',
    description: 'A CHECK constraint declared in the models is absent from the database.',
    docs: docsPath('missing-check'),
    messages: { missing: 'error' },
    nextStep: 'find the rows that break these checks, then add them in a migration (ADD CONSTRAINT ... CHECK ... NOT VALID, then VALIDATE CONSTRAINT)',
  },
  create(context) {
    return {
      'missing-check'({ table, expected: check }) {
        context.report({
          messageId: 'missing',
          schema: table.schema,
          table: table.name,
          object: check.name ?? check.expression,
          message: `${tableRef(table)} has no check ${check.name ? `${objectName(check.name)} ` : ''}(${check.expression}) that ${declaredBy(table)} ${declares(table)}: rows that break it can be stored`,
          expected: { ...(check.name ? { name: check.name } : {}), expression: check.expression },
          actual: null,
          sources: table.sources,
        });
      },
    };
  },
});

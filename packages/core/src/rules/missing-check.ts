import { defineRule, docsPath } from './rule.ts';
import { declaredBy } from './describe.ts';
import { displayName } from '../model/qualified-name.ts';

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
          message: `${displayName(table)} has no check ${check.name ? `${check.name} ` : ''}(${check.expression}) that ${declaredBy(table)} declares: rows that break it can be stored`,
          expected: { ...(check.name ? { name: check.name } : {}), expression: check.expression },
          actual: null,
          sources: table.sources,
        });
      },
    };
  },
});

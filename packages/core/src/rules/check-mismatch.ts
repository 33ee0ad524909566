import { defineRule, docsPath } from './rule.ts';
import { declaredBy, declares, objectName, tableRef } from './describe.ts';

export const checkMismatch = defineRule({
  meta: {
    code: 'check-mismatch',
    description: 'A CHECK constraint the models declare exists under its name, with an expression PostgreSQL reads otherwise.',
    docs: docsPath('check-mismatch'),
    messages: { otherExpression: 'error' },
    nextStep:
      'replace these checks with the declared expressions in a migration (drop, then ADD CONSTRAINT ... NOT VALID and VALIDATE), or change the models to match',
  },
  create(context) {
    return {
      'modify-check'({ table, expected, actual }) {
        context.report({
          messageId: 'otherExpression',
          schema: table.schema,
          table: table.name,
          object: expected.name ?? expected.expression,
          message: `${tableRef(table)} has the check${actual.name ? ` ${objectName(actual.name)}` : ''} CHECK (${actual.expression}), but ${declaredBy(table)} ${declares(table)} it CHECK (${expected.expression}): writes the model allows can fail, and rows it forbids can be stored`,
          expected: { ...(expected.name ? { name: expected.name } : {}), expression: expected.expression },
          actual: { ...(actual.name ? { name: actual.name } : {}), expression: actual.expression },
          sources: table.sources,
        });
      },
    };
  },
});

import { defineRule, docsPath } from './rule.ts';
import { declaredBy } from './describe.ts';
import { displayName } from '../model/qualified-name.ts';

export const exclusionMismatch = defineRule({
  meta: {
    code: 'exclusion-mismatch',
    description: 'An EXCLUDE constraint the models declare exists under its name, with a definition PostgreSQL reads otherwise.',
    docs: docsPath('exclusion-mismatch'),
    messages: { otherDefinition: 'error' },
    nextStep: 'replace these exclusions with the declared definitions in a migration (drop, then ADD CONSTRAINT ... EXCLUDE), or change the models to match',
  },
  create(context) {
    return {
      'modify-exclusion'({ table, expected, actual }) {
        context.report({
          messageId: 'otherDefinition',
          schema: table.schema,
          table: table.name,
          object: expected.name ?? expected.expression,
          message: `${displayName(table)} has the exclusion ${actual.name ?? ''} EXCLUDE ${actual.expression}, but ${declaredBy(table)} declares it EXCLUDE ${expected.expression}: writes the model allows can fail, and rows it forbids together can be stored`,
          expected: { ...(expected.name ? { name: expected.name } : {}), expression: expected.expression },
          actual: { ...(actual.name ? { name: actual.name } : {}), expression: actual.expression },
          sources: table.sources,
        });
      },
    };
  },
});

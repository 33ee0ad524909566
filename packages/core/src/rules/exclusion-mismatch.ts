import { defineRule, docsPath } from './rule.ts';
import { declaredBy, deferralText, objectName, tableRef } from './describe.ts';
import type { Deferrable } from '../model/schema-model.ts';
import { sameExclusion } from '../predicate/exclusion-text.ts';

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
        const samePart = sameExclusion(expected.expression, actual.expression);
        context.report({
          messageId: 'otherDefinition',
          schema: table.schema,
          table: table.name,
          object: expected.name ?? expected.expression,
          message:
            expected.deferrable !== actual.deferrable && samePart
              ? `${tableRef(table)} has the exclusion${actual.name ? ` ${objectName(actual.name)}` : ''} ${deferralText(actual.deferrable)}, but ${declaredBy(table)} declares it ${deferralText(expected.deferrable)}: ${actual.deferrable ? 'a DEFERRABLE exclusion cannot be the arbiter of INSERT ... ON CONFLICT, so upserts on it fail' : 'code that relies on checking it at commit fails at the first statement'}`
              : `${tableRef(table)} has the exclusion${actual.name ? ` ${objectName(actual.name)}` : ''} EXCLUDE ${actual.expression}, but ${declaredBy(table)} declares it EXCLUDE ${expected.expression}: writes the model allows can fail, and rows it forbids together can be stored`,
          expected: { ...(expected.name ? { name: expected.name } : {}), expression: expected.expression, ...deferral(expected.deferrable) },
          actual: { ...(actual.name ? { name: actual.name } : {}), expression: actual.expression, ...deferral(actual.deferrable) },
          sources: table.sources,
        });
      },
    };
  },
});

/** The deferral in a finding, only where it is not NOT DEFERRABLE: findings of plain exclusions stay as small as checks'. */
function deferral(deferrable: Deferrable | undefined): { deferrable?: Deferrable } {
  return deferrable ? { deferrable } : {};
}

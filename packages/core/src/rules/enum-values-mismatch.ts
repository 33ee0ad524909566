import { tableRef } from './describe.ts';
import { quoteLiteral } from '../sql/quote.ts';
import { defineRule, docsPath } from './rule.ts';
import { displayName } from '../model/qualified-name.ts';

export const enumValuesMismatch = defineRule({
  meta: {
    code: 'enum-values-mismatch',
    description: 'A database enum type lacks values that the models use.',
    docs: docsPath('enum-values-mismatch'),
    messages: { missingValues: 'error' },
    nextStep: 'add the missing values with ALTER TYPE ... ADD VALUE (a migration), before the code that writes them is deployed',
  },
  create(context) {
    return {
      'modify-enum'({ expected, actual, missingValues, usedBy }) {
        context.report({
          messageId: 'missingValues',
          schema: expected.schema,
          table: usedBy?.table.name ?? expected.name,
          ...(usedBy ? { column: usedBy.column } : {}),
          object: displayName(expected),
          message: `enum type ${tableRef(expected)} lacks ${missingValues.map(quoteLiteral).join(', ')}: saving ${missingValues.length === 1 ? 'it' : 'them'} fails`,
          expected: { enum: displayName(expected), values: expected.values },
          actual: { enum: displayName(actual), values: actual.values },
          sources: expected.sources,
        });
      },
    };
  },
});

import { defineRule } from './rule.ts';
import { displayName } from '../model/qualified-name.ts';
import { firstEnumUser } from './enum-users.ts';

export const enumValuesMismatch = defineRule({
  meta: {
    code: 'enum-values-mismatch',
    description: 'A database enum type lacks values that the models use.',
    messages: { missingValues: 'error' },
  },
  check(context) {
    for (const change of context.changes) {
      if (change.kind !== 'modify-enum') continue;
      const { expected, actual, missingValues } = change;
      const user = firstEnumUser(context.expected, expected);
      context.report({
        messageId: 'missingValues',
        schema: expected.schema,
        table: user?.table.name ?? expected.name,
        ...(user ? { column: user.column } : {}),
        message: `enum type ${displayName(expected)} lacks ${missingValues.map((value) => `'${value}'`).join(', ')}: saving ${missingValues.length === 1 ? 'it' : 'them'} fails`,
        expected: { enum: displayName(expected), values: expected.values },
        actual: { enum: displayName(actual), values: actual.values },
        sources: expected.sources,
      });
    }
  },
});

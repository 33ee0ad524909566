import { defineRule } from './rule.ts';
import { displayName } from '../model/qualified-name.ts';
import { firstEnumUser } from './enum-users.ts';

export const missingEnum = defineRule({
  meta: {
    code: 'missing-enum',
    description: 'An enum type the models declare does not exist in the database.',
    messages: { missing: 'error' },
  },
  check(context) {
    for (const change of context.changes) {
      if (change.kind !== 'missing-enum') continue;
      const declared = change.enum;
      const user = firstEnumUser(context.expected, declared);
      context.report({
        messageId: 'missing',
        schema: declared.schema,
        table: user?.table.name ?? declared.name,
        ...(user ? { column: user.column } : {}),
        message: `enum type ${displayName(declared)} (${declared.values.join(', ')}) is declared by the models but does not exist in the database`,
        expected: { enum: displayName(declared), values: declared.values },
        actual: null,
        sources: declared.sources,
      });
    }
  },
});

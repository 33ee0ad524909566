import { defineRule } from './rule.ts';
import { declaredBy } from './describe.ts';
import { displayName } from '../model/qualified-name.ts';

export const missingTable = defineRule({
  meta: {
    code: 'missing-table',
    description: "A model's table does not exist in the database.",
    messages: { missing: 'error' },
  },
  check(context) {
    for (const change of context.changes) {
      if (change.kind !== 'missing-table') continue;
      const { table } = change;
      context.report({
        messageId: 'missing',
        schema: table.schema,
        table: table.name,
        message: `${displayName(table)} is declared by ${declaredBy(table)} but the database has no such table`,
        expected: { columns: table.columns.map((column) => column.name) },
        actual: null,
        sources: table.sources,
      });
    }
  },
});

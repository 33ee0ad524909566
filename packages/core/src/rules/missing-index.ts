import { defineRule } from './rule.ts';
import { declaredBy } from './describe.ts';
import { displayName } from '../model/qualified-name.ts';

export const missingIndex = defineRule({
  meta: {
    code: 'missing-index',
    description: 'An index declared in the models is absent from the database.',
    messages: { missing: 'warning' },
  },
  check(context) {
    for (const change of context.changes) {
      if (change.kind !== 'missing-index') continue;
      const { table, index } = change;
      const what = index.columns.length > 0 ? `index on (${index.columns.join(', ')})` : `expression index ${index.name ?? ''}`;
      context.report({
        messageId: 'missing',
        schema: table.schema,
        table: table.name,
        ...(index.columns.length === 1 ? { column: index.columns[0] } : {}),
        message: `${displayName(table)} has no ${what} that ${declaredBy(table)} declares: queries on it scan the table`,
        expected: { ...(index.columns.length > 0 ? { columns: index.columns } : {}), ...(index.name ? { name: index.name } : {}), ...(index.where ? { where: index.where } : {}) },
        actual: null,
        sources: table.sources,
      });
    }
  },
});

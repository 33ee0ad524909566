import { defineRule } from './rule.ts';
import { columnRef, columnShape, declaredBy } from './describe.ts';

export const missingColumn = defineRule({
  meta: {
    code: 'missing-column',
    description: "A model's column does not exist in its table.",
    messages: { missing: 'error' },
  },
  check(context) {
    for (const change of context.changes) {
      if (change.kind !== 'missing-column') continue;
      const { table, column } = change;
      context.report({
        messageId: 'missing',
        schema: table.schema,
        table: table.name,
        column: column.name,
        message: `${columnRef(table, column.name)} is declared by ${declaredBy(table)} but the table has no such column`,
        expected: columnShape(column),
        actual: null,
        sources: table.sources,
      });
    }
  },
});

import { defineRule } from './rule.ts';
import { columnRef, columnShape, declaredBy } from './describe.ts';

export const extraColumn = defineRule({
  meta: {
    code: 'extra-column',
    description: 'A column exists in the database that no model declares.',
    messages: { undeclared: 'warning', blocksInserts: 'error' },
  },
  check(context) {
    for (const change of context.changes) {
      if (change.kind !== 'extra-column') continue;
      const { table, column } = change;
      // The ORM never sends a value for it, so a NOT NULL column without a default rejects every insert.
      const blocksInserts = !column.nullable && columnShape(column).default === null;
      context.report({
        messageId: blocksInserts ? 'blocksInserts' : 'undeclared',
        schema: table.schema,
        table: table.name,
        column: column.name,
        message: blocksInserts
          ? `${columnRef(table, column.name)} is NOT NULL with no default but ${declaredBy(table)} does not declare it: every insert through the ORM fails`
          : `${columnRef(table, column.name)} exists in the database but ${declaredBy(table)} does not declare it`,
        expected: null,
        actual: columnShape(column),
        sources: table.sources,
      });
    }
  },
});

import { defineRule } from './rule.ts';
import { columnRef, columnShape, declaredBy } from './describe.ts';

export const defaultMismatch = defineRule({
  meta: {
    code: 'default-mismatch',
    description: "The column's database default differs from the model's.",
    messages: { differs: 'warning', missingRequired: 'error' },
  },
  check(context) {
    for (const change of context.changes) {
      if (change.kind !== 'modify-column' || !change.changed.includes('default')) continue;
      const { table, expected, actual } = change;
      const wanted = columnShape(expected).default;
      const found = columnShape(actual).default;
      // The model leaves the value to the database; without a default a NOT NULL column rejects the insert.
      const required = wanted !== null && found === null && actual.generated === null && !actual.nullable;
      context.report({
        messageId: required ? 'missingRequired' : 'differs',
        schema: table.schema,
        table: table.name,
        column: expected.name,
        message: required
          ? `${columnRef(table, expected.name)} relies on the database default ${wanted} (${declaredBy(table)}) but the NOT NULL column has no default: inserts that omit it fail`
          : `${columnRef(table, expected.name)} has default ${found ?? 'none'} in the database but ${wanted ?? 'none'} in ${declaredBy(table)}`,
        expected: { default: wanted },
        actual: { default: found },
        sources: table.sources,
      });
    }
  },
});

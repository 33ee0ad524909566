import { defineRule } from './rule.ts';
import { columnRef, declaredBy } from './describe.ts';

export const nullabilityMismatch = defineRule({
  meta: {
    code: 'nullability-mismatch',
    description: 'The column allows NULL in the model but not in the database, or the other way round.',
    // Inserting NULL into a NOT NULL column fails; a nullable column the model keeps non-null does not.
    messages: { notNullInDatabase: 'error', nullableInDatabase: 'warning' },
  },
  check(context) {
    for (const change of context.changes) {
      if (change.kind !== 'modify-column' || !change.changed.includes('nullable')) continue;
      const { table, expected, actual } = change;
      const notNullInDatabase = expected.nullable;
      context.report({
        messageId: notNullInDatabase ? 'notNullInDatabase' : 'nullableInDatabase',
        schema: table.schema,
        table: table.name,
        column: expected.name,
        message: notNullInDatabase
          ? `${columnRef(table, expected.name)} is nullable in ${declaredBy(table)} but NOT NULL in the database: saving a null fails`
          : `${columnRef(table, expected.name)} is NOT NULL in ${declaredBy(table)} but nullable in the database`,
        expected: { nullable: expected.nullable },
        actual: { nullable: actual.nullable },
        sources: table.sources,
      });
    }
  },
});

import { defineRule, docsPath } from './rule.ts';
import { columnRef, declaredBy, inheritedFrom, inheritedNote } from './describe.ts';

export const nullabilityMismatch = defineRule({
  meta: {
    code: 'nullability-mismatch',
    description: 'The column allows NULL in the model but not in the database, or the other way round.',
    docs: docsPath('nullability-mismatch'),
    // Inserting NULL into a NOT NULL column fails; a nullable column the model keeps non-null does not.
    messages: { notNullInDatabase: 'error', nullableInDatabase: 'warning' },
    nextStep: 'declare nullability explicitly in the models (allowNull / nullable / .notNull()) to match the database, or migrate the columns',
  },
  create(context) {
    return {
      'modify-column'({ table, expected, actual, changed }) {
        if (!changed.includes('nullable')) return;
        const notNullInDatabase = expected.nullable;
        const inherited = expected.inherited?.includes('nullable') ? inheritedFrom(table) : undefined;
        const note = inherited ? `; ${inheritedNote(expected.nullable ? 'nullable' : 'NOT NULL', inherited)}` : '';
        context.report({
          messageId: notNullInDatabase ? 'notNullInDatabase' : 'nullableInDatabase',
          schema: table.schema,
          table: table.name,
          column: expected.name,
          message:
            (notNullInDatabase
              ? `${columnRef(table, expected.name)} is nullable in ${declaredBy(table)} but NOT NULL in the database: saving a null fails`
              : `${columnRef(table, expected.name)} is NOT NULL in ${declaredBy(table)} but nullable in the database`) + note,
          expected: { nullable: expected.nullable },
          actual: { nullable: actual.nullable },
          sources: table.sources,
          ...(inherited ? { inherited } : {}),
        });
      },
    };
  },
});

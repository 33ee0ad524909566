import { defineRule, docsPath } from './rule.ts';
import { columnList, declaredBy, inheritedFrom, inheritedNote, tableRef } from './describe.ts';

export const foreignKeyMismatch = defineRule({
  meta: {
    code: 'foreign-key-mismatch',
    description: 'A foreign key the models declare exists, but with other ON DELETE / ON UPDATE actions.',
    docs: docsPath('foreign-key-mismatch'),
    messages: { actionsDiffer: 'warning' },
    nextStep: 'declare onDelete / onUpdate in the models as the database has them, or recreate the constraints with the declared actions',
  },
  create(context) {
    return {
      'modify-foreign-key'({ table, expected, actual, changed }) {
        const target = `${tableRef(expected.references)}${columnList(expected.references.columns)}`;
        // Only when every differing action is one the model left to its ORM is the finding about a default.
        const inherited = changed.every((action) => expected.inherited?.includes(action)) ? inheritedFrom(table) : undefined;
        const note = inherited
          ? `; ${inheritedNote(changed.map((action) => `${action === 'onDelete' ? 'ON DELETE' : 'ON UPDATE'} ${expected[action]}`).join(', '), inherited)}`
          : '';
        context.report({
          messageId: 'actionsDiffer',
          schema: table.schema,
          table: table.name,
          ...(expected.columns.length === 1 ? { column: expected.columns[0] } : {}),
          object: expected.columns.join(','),
          message: `${tableRef(table)}${columnList(expected.columns)} references ${target} ON DELETE ${actual.onDelete} ON UPDATE ${actual.onUpdate} in the database, but ON DELETE ${expected.onDelete} ON UPDATE ${expected.onUpdate} in ${declaredBy(table)}${note}`,
          expected: { onDelete: expected.onDelete, onUpdate: expected.onUpdate },
          actual: { onDelete: actual.onDelete, onUpdate: actual.onUpdate, ...(actual.name ? { name: actual.name } : {}) },
          sources: table.sources,
          ...(inherited ? { inherited } : {}),
        });
      },
    };
  },
});

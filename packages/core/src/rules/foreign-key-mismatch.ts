import { defineRule, docsPath } from './rule.ts';
import { columnList, declaredBy, deferralText, inheritedFrom, inheritedNote, objectName, tableRef } from './describe.ts';

export const foreignKeyMismatch = defineRule({
  meta: {
    code: 'foreign-key-mismatch',
    description:
      'A foreign key the models declare exists, but with other ON DELETE / ON UPDATE actions, deferred otherwise (DEFERRABLE, INITIALLY DEFERRED), or NOT VALID (rows already there were never checked).',
    docs: docsPath('foreign-key-mismatch'),
    // a key checked sooner than the model expects fails writes (children inserted first); one checked later only reports later
    messages: { actionsDiffer: 'warning', checkedSooner: 'error', checkedLater: 'warning', notValidated: 'warning' },
    nextStep:
      'declare onDelete / onUpdate in the models as the database has them, or recreate the constraints with the declared actions; validate a NOT VALID key with ALTER TABLE ... VALIDATE CONSTRAINT',
  },
  create(context) {
    return {
      'modify-foreign-key'({ table, expected, actual, changed: allChanged }) {
        const target = `${tableRef(expected.references)}${columnList(expected.references.columns)}`;
        if (allChanged.includes('deferrable')) {
          const rank = (deferrable: typeof expected.deferrable) => (deferrable === undefined ? 0 : deferrable === 'immediate' ? 1 : 2);
          const sooner = rank(actual.deferrable) < rank(expected.deferrable);
          context.report({
            messageId: sooner ? 'checkedSooner' : 'checkedLater',
            schema: table.schema,
            table: table.name,
            ...(expected.columns.length === 1 ? { column: expected.columns[0] } : {}),
            object: expected.columns.join(','),
            message: sooner
              ? `${tableRef(table)}${columnList(expected.columns)} references ${target} ${deferralText(actual.deferrable)} in the database, but ${deferralText(expected.deferrable)} in ${declaredBy(table)}: code that inserts children before their parent within a transaction${expected.deferrable === 'immediate' ? ' (after SET CONSTRAINTS ... DEFERRED)' : ''} fails at the first insert`
              : `${tableRef(table)}${columnList(expected.columns)} references ${target} ${deferralText(actual.deferrable)} in the database, but ${deferralText(expected.deferrable)} in ${declaredBy(table)}: a missing parent is reported only at COMMIT, not at the statement that caused it`,
            expected: { onDelete: expected.onDelete, onUpdate: expected.onUpdate, deferrable: expected.deferrable ?? 'not deferrable' },
            actual: {
              onDelete: actual.onDelete,
              onUpdate: actual.onUpdate,
              deferrable: actual.deferrable ?? 'not deferrable',
              ...(actual.name ? { name: actual.name } : {}),
            },
            sources: table.sources,
          });
        }
        if (allChanged.includes('validated')) {
          context.report({
            messageId: 'notValidated',
            schema: table.schema,
            table: table.name,
            ...(expected.columns.length === 1 ? { column: expected.columns[0] } : {}),
            object: expected.columns.join(','),
            message: `${tableRef(table)}${columnList(expected.columns)} references ${target}${actual.name ? ` by ${objectName(actual.name)}` : ''} NOT VALID in the database: rows stored before the key was added were never checked and may reference missing ${tableRef(expected.references)} rows`,
            expected: { onDelete: expected.onDelete, onUpdate: expected.onUpdate, validated: true },
            actual: { onDelete: actual.onDelete, onUpdate: actual.onUpdate, validated: false, ...(actual.name ? { name: actual.name } : {}) },
            sources: table.sources,
          });
        }
        const changed = allChanged.filter((aspect) => aspect !== 'deferrable' && aspect !== 'validated');
        if (changed.length === 0) return;
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

import { defineRule, docsPath } from './rule.ts';
import { columnRef, declaredBy, inheritedFrom, inheritedNote, typeText } from './describe.ts';
import type { ColumnType } from '../model/schema-model.ts';
import { formatColumnType } from '../normalize/column-type.ts';
import { holdsEveryValue } from '../normalize/type-width.ts';
import { displayName } from '../model/qualified-name.ts';

export const columnTypeMismatch = defineRule({
  meta: {
    code: 'column-type-mismatch',
    description: "The column's type in the database differs from the model's.",
    docs: docsPath('column-type-mismatch'),
    messages: { differs: 'error', wider: 'warning' },
    nextStep: 'decide per column which side is right: change the model to the database type, or write a migration that alters the column',
  },
  create(context) {
    return {
      'modify-column'({ table, expected, actual, changed, references }) {
        if (!changed.includes('type')) return;
        // every value the model writes fits the database's column, and reads back as the model's type
        const readsOtherwise = readsAsText(expected.type, actual.type);
        const wider = readsOtherwise === '' && holdsEveryValue(actual.type, expected.type);
        const inherited = expected.inherited?.includes('type') ? inheritedFrom(table) : undefined;
        const note = inherited ? `; ${inheritedNote(typeText(expected.type), inherited)}` : '';
        // a foreign-key column: what it references, so the user sees whether the key still fits
        const target = references ? `${displayName(references)}.${references.column}` : '';
        const keyNote = references ? `; it is a foreign key to ${columnRef(references, references.column)} (${typeText(references.type)})` : '';
        context.report({
          messageId: wider ? 'wider' : 'differs',
          schema: table.schema,
          table: table.name,
          column: expected.name,
          message:
            (wider
              ? `${columnRef(table, expected.name)} is ${typeText(actual.type)} in the database, wider than ${typeText(expected.type)} in ${declaredBy(table)}: values the database accepts may fail the model's validation`
              : `${columnRef(table, expected.name)} is ${typeText(expected.type)} in ${declaredBy(table)} but ${typeText(actual.type)} in the database${readsOtherwise}`) +
            keyNote +
            note,
          expected: { type: formatColumnType(expected.type), ...(references ? { references: target, referencedType: formatColumnType(references.type) } : {}) },
          actual: { type: formatColumnType(actual.type) },
          sources: table.sources,
          ...(inherited ? { inherited } : {}),
        });
      },
    };
  },
});

/**
 * Why an integer column widened to `bigint` is no mere widening: node-postgres (under every ORM here) reads `bigint`
 * as a string, where the model's `smallint` or `integer` reads as a number (`id + 1` concatenates). Empty otherwise.
 */
function readsAsText(expected: ColumnType, actual: ColumnType): string {
  return actual.name === 'bigint' && (expected.name === 'integer' || expected.name === 'smallint')
    ? '; the driver reads bigint as a string where the model expects a number'
    : '';
}

import { defineRule, docsPath } from './rule.ts';
import { columnRef, declaredBy, typeText } from './describe.ts';
import { formatColumnType } from '../normalize/column-type.ts';
import { holdsEveryValue } from '../normalize/type-width.ts';
import { displayName } from '../model/qualified-name.ts';

export const fkTypeMismatch = defineRule({
  meta: {
    code: 'fk-type-mismatch',
    description: 'A foreign-key column has another type than the column it references.',
    docs: docsPath('fk-type-mismatch'),
    messages: { models: 'error', across: 'error', database: 'error', wider: 'warning' },
    nextStep: 'give each foreign-key column the exact type of the key it references, in the model and then in a migration',
  },
  create(context) {
    return {
      'foreign-key-type'(change) {
        const { table, column, references, where } = change;
        const target = `${displayName(references)}.${references.column}`;
        const own = formatColumnType(change.actual);
        const referenced = formatColumnType(change.expected);
        // the message prints names and types as SQL would; expected / actual keep the key's spelling
        const targetText = columnRef(references, references.column);
        const ownText = typeText(change.actual);
        const referencedText = typeText(change.expected);
        // a key column that holds every value of the column it references loses nothing: a warning that says so
        const wider = holdsEveryValue(change.actual, change.expected);
        const base = {
          models: `${columnRef(table, column)} is declared ${ownText} by ${declaredBy(table)} but references ${targetText}, which the models declare ${referencedText}`,
          across: `${columnRef(table, column)} is declared ${ownText} by ${declaredBy(table)} but references ${targetText}, which is ${referencedText} in the database`,
          database: `${columnRef(table, column)} is ${ownText} in the database but references ${targetText}, which is ${referencedText}`,
        }[where];
        const message = wider ? `${base}: it is wider than what it references, so no value is lost, but the types should match` : base;
        context.report({
          messageId: wider ? 'wider' : where,
          schema: table.schema,
          table: table.name,
          column,
          message,
          expected: { type: referenced, references: target },
          actual: { type: own },
          sources: table.sources,
        });
      },
    };
  },
});

import { defineRule, docsPath } from './rule.ts';
import { columnRef, declaredBy } from './describe.ts';
import { formatColumnType } from '../normalize/column-type.ts';
import { displayName } from '../model/qualified-name.ts';

export const fkTypeMismatch = defineRule({
  meta: {
    code: 'fk-type-mismatch',
    description: 'A foreign-key column has another type than the column it references.',
    docs: docsPath('fk-type-mismatch'),
    messages: { models: 'error', across: 'error', database: 'error' },
    nextStep: 'give each foreign-key column the exact type of the key it references, in the model and then in a migration',
  },
  create(context) {
    return {
      'foreign-key-type'(change) {
        const { table, column, references, where } = change;
        const target = `${displayName(references)}.${references.column}`;
        const own = formatColumnType(change.columnType);
        const referenced = formatColumnType(change.referencedType);
        const message = {
          models: `${columnRef(table, column)} is declared ${own} by ${declaredBy(table)} but references ${target}, which the models declare ${referenced}`,
          across: `${columnRef(table, column)} is declared ${own} by ${declaredBy(table)} but references ${target}, which is ${referenced} in the database`,
          database: `${columnRef(table, column)} is ${own} in the database but references ${target}, which is ${referenced}`,
        }[where];
        context.report({
          messageId: where,
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

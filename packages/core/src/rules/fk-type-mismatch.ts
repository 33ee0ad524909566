import { defineRule } from './rule.ts';
import { columnRef, declaredBy } from './describe.ts';
import { formatColumnType } from '../normalize/column-type.ts';
import { foreignKeyTypeConflicts } from './foreign-key-types.ts';
import { displayName } from '../model/qualified-name.ts';

export const fkTypeMismatch = defineRule({
  meta: {
    code: 'fk-type-mismatch',
    description: 'A foreign-key column has another type than the column it references.',
    messages: { models: 'error', across: 'error', database: 'error' },
  },
  check(context) {
    for (const conflict of foreignKeyTypeConflicts(context)) {
      const { table, column, references } = conflict;
      const target = `${displayName({ schema: references.schema, name: references.table })}.${references.column}`;
      const own = formatColumnType(conflict.columnType);
      const referenced = formatColumnType(conflict.referencedType);
      const message = {
        models: `${columnRef(table, column)} is declared ${own} by ${declaredBy(table)} but references ${target}, which the models declare ${referenced}`,
        across: `${columnRef(table, column)} is declared ${own} by ${declaredBy(table)} but references ${target}, which is ${referenced} in the database`,
        database: `${columnRef(table, column)} is ${own} in the database but references ${target}, which is ${referenced}`,
      }[conflict.where];
      context.report({
        messageId: conflict.where,
        schema: table.schema,
        table: table.name,
        column,
        message,
        expected: { type: referenced, references: target },
        actual: { type: own },
        sources: table.sources,
      });
    }
  },
});

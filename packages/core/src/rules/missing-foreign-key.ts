import { defineRule, docsPath } from './rule.ts';
import { columnList, declaredBy, tableRef } from './describe.ts';
import { displayName } from '../model/qualified-name.ts';

export const missingForeignKey = defineRule({
  meta: {
    code: 'missing-foreign-key',
    description: 'A relation is declared in the models but the database has no foreign-key constraint for it.',
    docs: docsPath('missing-foreign-key'),
    messages: { missing: 'warning' },
    nextStep: 'find the rows that break each relation, then add the constraints NOT VALID and VALIDATE them in a migration',
  },
  create(context) {
    return {
      'missing-foreign-key'({ table, expected: foreignKey }) {
        const target = `${displayName(foreignKey.references)}(${foreignKey.references.columns.join(', ')})`;
        const targetText = `${tableRef(foreignKey.references)}${columnList(foreignKey.references.columns)}`;
        context.report({
          messageId: 'missing',
          schema: table.schema,
          table: table.name,
          ...(foreignKey.columns.length === 1 ? { column: foreignKey.columns[0] } : {}),
          object: foreignKey.columns.join(','),
          message: `${tableRef(table)}${columnList(foreignKey.columns)} references ${targetText} in ${declaredBy(table)} but the database has no such foreign key`,
          expected: {
            columns: foreignKey.columns,
            references: target,
            onDelete: foreignKey.onDelete,
            onUpdate: foreignKey.onUpdate,
            ...(foreignKey.name ? { name: foreignKey.name } : {}),
          },
          actual: null,
          sources: table.sources,
        });
      },
    };
  },
});

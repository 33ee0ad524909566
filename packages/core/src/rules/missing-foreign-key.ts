import { defineRule } from './rule.ts';
import { declaredBy } from './describe.ts';
import { displayName } from '../model/qualified-name.ts';

export const missingForeignKey = defineRule({
  meta: {
    code: 'missing-foreign-key',
    description: 'A relation is declared in the models but the database has no foreign-key constraint for it, or one with other ON DELETE / ON UPDATE actions.',
    messages: { missing: 'warning', actionsDiffer: 'warning' },
  },
  check(context) {
    for (const change of context.changes) {
      if (change.kind === 'modify-foreign-key') {
        const { table, expected, actual } = change;
        const target = `${displayName(expected.references)}(${expected.references.columns.join(', ')})`;
        context.report({
          messageId: 'actionsDiffer',
          schema: table.schema,
          table: table.name,
          ...(expected.columns.length === 1 ? { column: expected.columns[0] } : {}),
          message: `${displayName(table)}(${expected.columns.join(', ')}) references ${target} ON DELETE ${actual.onDelete} ON UPDATE ${actual.onUpdate} in the database, but ON DELETE ${expected.onDelete} ON UPDATE ${expected.onUpdate} in ${declaredBy(table)}`,
          expected: { onDelete: expected.onDelete, onUpdate: expected.onUpdate },
          actual: { onDelete: actual.onDelete, onUpdate: actual.onUpdate, ...(actual.name ? { name: actual.name } : {}) },
          sources: table.sources,
        });
        continue;
      }
      if (change.kind !== 'missing-foreign-key') continue;
      const { table, foreignKey } = change;
      const target = `${displayName(foreignKey.references)}(${foreignKey.references.columns.join(', ')})`;
      context.report({
        messageId: 'missing',
        schema: table.schema,
        table: table.name,
        ...(foreignKey.columns.length === 1 ? { column: foreignKey.columns[0] } : {}),
        message: `${displayName(table)}(${foreignKey.columns.join(', ')}) references ${target} in ${declaredBy(table)} but the database has no such foreign key`,
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
    }
  },
});

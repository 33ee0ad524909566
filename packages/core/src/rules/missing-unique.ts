import { defineRule, docsPath } from './rule.ts';
import { declaredBy } from './describe.ts';
import { displayName } from '../model/qualified-name.ts';

export const missingUnique = defineRule({
  meta: {
    code: 'missing-unique',
    description: 'A unique constraint or primary key declared in the models is absent from the database.',
    docs: docsPath('missing-unique'),
    messages: { missing: 'error', missingPrimaryKey: 'error' },
    nextStep: 'find the duplicate rows, then add the unique constraints (CREATE UNIQUE INDEX CONCURRENTLY) in a migration',
  },
  create(context) {
    return {
      'missing-unique'({ table, expected: unique, primaryKey }) {
        const columns = `(${unique.columns.join(', ')})`;
        context.report({
          messageId: primaryKey ? 'missingPrimaryKey' : 'missing',
          schema: table.schema,
          table: table.name,
          ...(unique.columns.length === 1 ? { column: unique.columns[0] } : {}),
          object: unique.columns.join(','),
          message: primaryKey
            ? `${displayName(table)} has no primary key, unique constraint or unique index on ${columns}, the primary key of ${declaredBy(table)}: duplicates can be stored`
            : `${displayName(table)} has no unique constraint or unique index on ${columns} that ${declaredBy(table)} declares: duplicates can be stored`,
          expected: {
            columns: unique.columns,
            ...(primaryKey ? { primaryKey: true } : {}),
            ...(unique.name ? { name: unique.name } : {}),
            ...(unique.nullsNotDistinct ? { nullsNotDistinct: true } : {}),
          },
          actual: null,
          sources: table.sources,
        });
      },
    };
  },
});

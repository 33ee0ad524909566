import { defineRule, docsPath } from './rule.ts';
import { columnList, declaredBy, declares, tableRef } from './describe.ts';

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
        const columns = columnList(unique.columns);
        // a constraint no model wrote, implied by an association: name the association, so the user can judge it
        // on a junction table no model declares, declaredBy() already names the associations
        const tableImplied = table.impliedBy !== undefined && table.impliedBy.length > 0;
        const implied =
          !tableImplied && unique.impliedBy && unique.impliedBy.length > 0
            ? `${unique.impliedBy.join(' and ')} ${unique.impliedBy.length > 1 ? 'imply' : 'implies'}`
            : undefined;
        context.report({
          messageId: primaryKey ? 'missingPrimaryKey' : 'missing',
          schema: table.schema,
          table: table.name,
          ...(unique.columns.length === 1 ? { column: unique.columns[0] } : {}),
          object: unique.columns.join(','),
          message: primaryKey
            ? `${tableRef(table)} has no primary key, unique constraint or unique index on ${columns}, the primary key of ${declaredBy(table)}${implied ? ` that ${implied}` : ''}: duplicates can be stored`
            : `${tableRef(table)} has no unique constraint or unique index on ${columns} ${implied ? `that ${implied} (${declaredBy(table)})` : `that ${declaredBy(table)} ${declares(table)}`}: duplicates can be stored`,
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

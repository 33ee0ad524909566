import { defineRule, docsPath } from './rule.ts';
import { columnList, declaredBy, declares, objectName, tableRef } from './describe.ts';

export const missingIndex = defineRule({
  meta: {
    code: 'missing-index',
    description: 'An index declared in the models is absent from the database.',
    docs: docsPath('missing-index'),
    messages: { missing: 'warning', served: 'warning' },
    nextStep: 'create the missing indexes with CREATE INDEX CONCURRENTLY in a migration',
  },
  create(context) {
    return {
      'missing-index'({ table, expected: index, servedBy }) {
        const what = index.columns.length > 0 ? `index on ${columnList(index.columns)}` : `expression index ${index.name ? objectName(index.name) : ''}`;
        context.report({
          messageId: servedBy ? 'served' : 'missing',
          schema: table.schema,
          table: table.name,
          ...(index.columns.length === 1 ? { column: index.columns[0] } : {}),
          object: index.columns.length > 0 ? index.columns.join(',') : (index.name ?? ''),
          message: servedBy
            ? `${tableRef(table)} has no ${what} that ${declaredBy(table)} ${declares(table)}, but its ${servedBy.primaryKey ? 'primary key' : `index ${servedBy.name ? objectName(servedBy.name) : ''}`.trimEnd()} on ${columnList(servedBy.columns)} leads with the same columns and serves the same lookups`
            : `${tableRef(table)} has no ${what} that ${declaredBy(table)} ${declares(table)}: queries on it scan the table`,
          expected: {
            ...(index.columns.length > 0 ? { columns: index.columns } : {}),
            ...(index.name ? { name: index.name } : {}),
            ...(index.where ? { where: index.where } : {}),
          },
          actual: servedBy
            ? {
                servedBy: {
                  columns: servedBy.columns,
                  ...(servedBy.primaryKey ? { primaryKey: true } : {}),
                  ...(servedBy.name ? { name: servedBy.name } : {}),
                },
              }
            : null,
          sources: table.sources,
        });
      },
    };
  },
});

import { defineRule, docsPath } from './rule.ts';
import { columnList, declaredBy, declares, objectName, tableRef } from './describe.ts';
import type { IndexModel } from '../model/schema-model.ts';
import { keyList, keyNames, keyText } from './index-key-list.ts';
import { isUniqueExpressionIndex } from './missing-unique.ts';

export const missingIndex = defineRule({
  meta: {
    code: 'missing-index',
    description: 'An index declared in the models is absent from the database.',
    docs: docsPath('missing-index'),
    // invalid: the index exists INVALID (a CREATE INDEX CONCURRENTLY that failed): no query uses it
    messages: { missing: 'warning', served: 'warning', invalid: 'warning' },
    nextStep: 'create the missing indexes with CREATE INDEX CONCURRENTLY in a migration',
  },
  create(context) {
    return {
      'missing-index'({ table, expected: index, servedBy, invalid }) {
        // a unique expression index lost is a lost guarantee: missing-unique says so (an INVALID one is said here)
        if (isUniqueExpressionIndex(index) && !invalid) return;
        const what = declaredIndex(index);
        const keys = keyNames(index).map((key, i) => [key, keyText(index.keys?.[i])].filter(Boolean).join(' '));
        const expected = {
          ...(index.columns.length > 0 ? { columns: index.columns } : {}),
          ...(index.name ? { name: index.name } : {}),
          ...(index.method !== undefined && index.method !== 'btree' ? { method: index.method } : {}),
          ...(index.keys?.some((key) => keyText(key) !== '') || index.expressions !== undefined ? { keys } : {}),
          ...(index.where ? { where: index.where } : {}),
        };
        if (invalid && !servedBy) {
          const name = invalid.name ? ` ${objectName(invalid.name)}` : '';
          const on = invalid.columns.length > 0 ? ` on ${columnList(invalid.columns)}` : '';
          context.report({
            messageId: 'invalid',
            schema: table.schema,
            table: table.name,
            ...(index.columns.length === 1 ? { column: index.columns[0] } : {}),
            object: index.columns.length > 0 ? index.columns.join(',') : (index.name ?? ''),
            message: `${tableRef(table)} has no valid ${what} that ${declaredBy(table)} ${declares(table)}: its index${name}${on} is INVALID (a CREATE INDEX CONCURRENTLY that failed or was cancelled, or a DROP INDEX CONCURRENTLY cut short), and no query uses it; drop it and build it again (DROP INDEX CONCURRENTLY, then CREATE INDEX CONCURRENTLY)`,
            expected,
            actual: {
              invalid: true as const,
              ...(invalid.name ? { name: invalid.name } : {}),
              ...(invalid.columns.length > 0 ? { columns: invalid.columns } : {}),
            },
            sources: table.sources,
          });
          return;
        }
        context.report({
          messageId: servedBy ? 'served' : 'missing',
          schema: table.schema,
          table: table.name,
          ...(index.columns.length === 1 ? { column: index.columns[0] } : {}),
          object: index.columns.length > 0 ? index.columns.join(',') : (index.name ?? ''),
          message: servedBy
            ? `${tableRef(table)} has no ${what} that ${declaredBy(table)} ${declares(table)}, but its ${servedBy.primaryKey ? 'primary key' : `index ${servedBy.name ? objectName(servedBy.name) : ''}`.trimEnd()} on ${columnList(servedBy.columns)} leads with the same columns and serves the same lookups`
            : `${tableRef(table)} has no ${what} that ${declaredBy(table)} ${declares(table)}: queries on it scan the table`,
          expected,
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

/**
 * The declared index as a message names it, so that the user knows which one of several on the same column is
 * gone: `index events_title_trgm on (title gin_trgm_ops) USING gin`, its name when known, its keys with their
 * options, its method when not btree; an expression index without rendered keys by its name alone.
 */
function declaredIndex(index: IndexModel): string {
  const name = index.name ? ` ${objectName(index.name)}` : '';
  const kind = index.columns.length > 0 ? 'index' : 'expression index';
  const keys = index.columns.length > 0 || index.expressions !== undefined ? ` on (${keyList(index)})` : '';
  const method = index.method !== undefined && index.method !== 'btree' ? ` USING ${index.method}` : '';
  return `${kind}${name}${keys}${method}`;
}

import { defineRule, docsPath } from './rule.ts';
import { declaredIn, tableRef } from './describe.ts';

export const missingTable = defineRule({
  meta: {
    code: 'missing-table',
    description: "A model's table does not exist in the database.",
    docs: docsPath('missing-table'),
    messages: { missing: 'error' },
    nextStep: 'run the pending migrations against this database, or generate one for the tables no migration creates',
    migrationsNextStep: 'write a migration that creates these tables',
  },
  create(context) {
    return {
      'missing-table'({ table }) {
        context.report({
          messageId: 'missing',
          schema: table.schema,
          table: table.name,
          message: `${tableRef(table)} is ${declaredIn(table)} but the database has no such table`,
          expected: { columns: table.columns.map((column) => column.name) },
          actual: null,
          sources: table.sources,
        });
      },
    };
  },
});

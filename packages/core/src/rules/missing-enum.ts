import { declaredIn, tableRef } from './describe.ts';
import { defineRule, docsPath } from './rule.ts';
import { displayName } from '../model/qualified-name.ts';

export const missingEnum = defineRule({
  meta: {
    code: 'missing-enum',
    description: 'An enum type the models declare does not exist in the database.',
    docs: docsPath('missing-enum'),
    messages: { missing: 'error' },
    nextStep: 'run the pending migrations: the migration that creates these enum types has not reached this database',
    migrationsNextStep: 'write a migration that creates these enum types',
  },
  create(context) {
    return {
      'missing-enum'({ expected: declared, usedBy }) {
        context.report({
          messageId: 'missing',
          schema: declared.schema,
          table: usedBy?.table.name ?? declared.name,
          ...(usedBy ? { column: usedBy.column } : {}),
          object: displayName(declared),
          message: `enum type ${tableRef(declared)} (${declared.values.join(', ')}) is ${declaredIn(declared, 'the models')} but does not exist in the database`,
          expected: { enum: displayName(declared), values: declared.values },
          actual: null,
          sources: declared.sources,
        });
      },
    };
  },
});

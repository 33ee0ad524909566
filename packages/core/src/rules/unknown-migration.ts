import { defineRule, docsPath } from './rule.ts';

export const unknownMigration = defineRule({
  meta: {
    code: 'unknown-migration',
    description: "The database's migration ledger lists a migration that is not on disk.",
    docs: docsPath('unknown-migration'),
    messages: { unknown: 'warning' },
    nextStep: 'check out the branch that holds the migrations this database ran, or restore the migration that was renamed or deleted',
  },
  // the ledger is named with its schema, as `status` always did, even in public: ledgers of several tools may share a database
  create(context) {
    return {
      'unknown-migration'({ ledger, actual }) {
        context.report({
          messageId: 'unknown',
          schema: ledger.schema,
          object: actual.name,
          migration: actual.name,
          message: `${ledger.schema}.${ledger.name} lists ${actual.name}, which is not among the migrations`,
          expected: null,
          actual: { migration: actual.name },
          sources: [],
        });
      },
    };
  },
});

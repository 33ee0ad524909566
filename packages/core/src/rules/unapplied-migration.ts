import { defineRule, docsPath } from './rule.ts';

export const unappliedMigration = defineRule({
  meta: {
    code: 'unapplied-migration',
    description: "A migration on disk is not in the database's migration ledger: the database is behind its migrations.",
    docs: docsPath('unapplied-migration'),
    messages: { unapplied: 'error' },
    nextStep: 'run the pending migrations against this database with the tool that owns them (on a copy first)',
  },
  // the ledger is named with its schema, as `status` always did, even in public: ledgers of several tools may share a database
  create(context) {
    return {
      'unapplied-migration'({ ledger, expected }) {
        context.report({
          messageId: 'unapplied',
          schema: ledger.schema,
          // the migration's name is the key's object: the same pending migration keeps its key on every run
          object: expected.name,
          migration: expected.name,
          message: `${expected.name} has not been applied to this database (${ledger.schema}.${ledger.name} does not list it)`,
          expected: { migration: expected.name },
          actual: null,
          sources: [],
        });
      },
    };
  },
});

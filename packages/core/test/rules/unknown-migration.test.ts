/** The `unknown-migration` rule: a ledger entry that matches no migration on disk. */
import { users, usersInDb } from '../support/rule-fixtures.ts';
import { ruleTester } from '../support/rule-tester.ts';

const ledger = { schema: 'public', name: 'schema_migrations' };

ruleTester('unknown-migration', {
  valid: [
    { name: 'no migrations known', expected: users(), actual: usersInDb() },
    {
      name: 'a migration not applied is the other code',
      expected: users(),
      actual: usersInDb(),
      migrations: { ledger, unapplied: ['004_x.sql'], unknown: [] },
    },
  ],
  invalid: [
    {
      name: 'each entry of the ledger no migration on disk matches, as a warning with no table',
      expected: users(),
      actual: usersInDb(),
      migrations: { ledger, unapplied: [], unknown: ['006', '007_hotfix.sql'] },
      findings: [
        {
          severity: 'warning',
          migration: '006',
          message: 'public.schema_migrations lists 006, which is not among the migrations',
          expected: null,
          actual: { migration: '006' },
          sources: [],
        },
        { severity: 'warning', migration: '007_hotfix.sql' },
      ],
    },
    {
      name: 'an error when configured so',
      expected: users(),
      actual: usersInDb(),
      migrations: { ledger, unapplied: [], unknown: ['006'] },
      rules: { 'unknown-migration': 'error' },
      findings: [{ severity: 'error', migration: '006' }],
    },
  ],
});

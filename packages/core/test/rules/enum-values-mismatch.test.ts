import { User, withRole, withRoleInDb } from '../support/rule-fixtures.ts';
import { ruleTester } from '../support/rule-tester.ts';

ruleTester('enum-values-mismatch', {
  valid: [
    { name: 'the same values', expected: withRole(['admin', 'member']), actual: withRoleInDb(['admin', 'member']) },
    { name: 'the same values in another order', expected: withRole(['admin', 'member']), actual: withRoleInDb(['member', 'admin']) },
    { name: 'more values in the database', expected: withRole(['admin', 'member']), actual: withRoleInDb(['admin', 'member', 'owner']) },
  ],
  invalid: [
    {
      name: 'the database lacks a value',
      expected: withRole(['admin', 'member']),
      actual: withRoleInDb(['member']),
      findings: [
        {
          severity: 'error',
          table: 'users',
          column: 'role',
          message: "enum type user_role_enum lacks 'admin': saving it fails",
          expected: { enum: 'user_role_enum', values: ['admin', 'member'] },
          actual: { enum: 'user_role_enum', values: ['member'] },
          sources: [User],
        },
      ],
    },
    {
      name: 'the database lacks several values',
      expected: withRole(['admin', 'member', 'owner']),
      actual: withRoleInDb(['member']),
      findings: [{ severity: 'error', table: 'users', column: 'role', message: "enum type user_role_enum lacks 'admin', 'owner': saving them fails" }],
    },
    {
      name: 'labels are case-sensitive',
      expected: withRole(['Admin']),
      actual: withRoleInDb(['admin']),
      findings: [{ severity: 'error', table: 'users', column: 'role' }],
    },
    {
      // A numeric TypeScript enum stores its labels '1', '2'.
      name: 'numeric enum labels',
      expected: withRole(['1', '2']),
      actual: withRoleInDb(['1']),
      findings: [{ severity: 'error', table: 'users', column: 'role', message: "enum type user_role_enum lacks '2': saving it fails" }],
    },
  ],
});

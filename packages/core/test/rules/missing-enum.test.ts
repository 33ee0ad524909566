/** The `missing-enum` rule: which differences it reports, and how. */
import { column, dbEnum, dbTable, enumColumn, enumType, schema, table } from '../support/models.ts';
import { User, id, withRole, withRoleInDb } from '../support/rule-fixtures.ts';
import { ruleTester } from '../support/rule-tester.ts';

ruleTester('missing-enum', {
  valid: [
    { name: 'the enum type exists', expected: withRole(['admin', 'member']), actual: withRoleInDb(['admin', 'member']) },
    { name: 'the enum type exists with more values', expected: withRole(['admin', 'member']), actual: withRoleInDb(['member', 'admin', 'owner']) },
  ],
  invalid: [
    {
      name: 'the database has no such enum type',
      expected: withRole(['admin', 'member']),
      actual: schema([dbTable('users', [id, column('role', 'text')])]),
      findings: [
        {
          severity: 'error',
          table: 'users',
          column: 'role',
          message: 'enum type user_role_enum (admin, member) is declared by the models but does not exist in the database',
          expected: { enum: 'user_role_enum', values: ['admin', 'member'] },
          actual: null,
          sources: [User],
        },
      ],
    },
    {
      name: 'an enum type of that name exists only in another schema',
      expected: schema([table('events', [enumColumn('status', 'audit.status')], { schema: 'audit' })], [enumType('audit.status', ['open'])]),
      actual: schema([dbTable('events', [enumColumn('status', 'audit.status')], { schema: 'audit' })], [dbEnum('status', ['open'])]),
      findings: [{ severity: 'error', schema: 'audit', table: 'events', column: 'status', expected: { enum: 'audit.status', values: ['open'] } }],
    },
  ],
});

/** The `missing-column` rule: which differences it reports, and how. */
import { column, dbTable, schema, table } from '../support/models.ts';
import { UserSession, id, users, usersInDb } from '../support/rule-fixtures.ts';
import { ruleTester } from '../support/rule-tester.ts';

ruleTester('missing-column', {
  valid: [
    { name: 'every column exists', expected: users(['email', 'varchar(255)']), actual: usersInDb(['email', 'varchar(255)']) },
    { name: 'a column spelled differently in the model', expected: users(['age', 'int4']), actual: usersInDb(['age', 'integer']) },
  ],
  invalid: [
    {
      // Migrations 004/005 never ran against this database.
      name: 'a column the migrations never added',
      expected: schema([
        table('user_sessions', [id, column('session_id', 'varchar(255)'), column('message_count', 'integer', { nullable: true, default: '0' })], {
          sources: [UserSession],
        }),
      ]),
      actual: schema([dbTable('user_sessions', [id, column('session_id', 'character varying(255)')])]),
      findings: [
        {
          severity: 'error',
          table: 'user_sessions',
          column: 'message_count',
          message: 'user_sessions.message_count is declared by UserSession (sequelize) but the table has no such column',
          expected: { type: 'integer', nullable: true, default: '0' },
          actual: null,
          sources: [UserSession],
        },
      ],
    },
    {
      name: 'column names are case-sensitive',
      expected: users(['userName', 'text']),
      actual: usersInDb(['username', 'text']),
      findings: [{ severity: 'error', table: 'users', column: 'userName' }],
    },
    {
      name: 'two missing columns are two findings, in column order',
      expected: users(['message_count', 'integer'], ['user_query_count', 'integer']),
      actual: usersInDb(),
      findings: [
        { severity: 'error', table: 'users', column: 'message_count' },
        { severity: 'error', table: 'users', column: 'user_query_count' },
      ],
    },
  ],
});

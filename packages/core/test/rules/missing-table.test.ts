/** The `missing-table` rule: which differences it reports, and how. */
import { dbTable, schema, source, table } from '../support/models.ts';
import { User, id, email, users, usersInDb } from '../support/rule-fixtures.ts';
import { ruleTester } from '../support/rule-tester.ts';

ruleTester('missing-table', {
  valid: [
    { name: 'the table exists', expected: users(['email', 'varchar(255)']), actual: usersInDb(['email', 'varchar(255)']) },
    {
      name: 'the table is partitioned in the database',
      expected: schema([table('events', [id])]),
      actual: schema([dbTable('events', [id], { kind: 'partitioned-table' })]),
    },
  ],
  invalid: [
    {
      name: 'the database has no such table',
      expected: schema([table('users', [id, email])]),
      actual: schema([]),
      findings: [
        {
          severity: 'error',
          table: 'users',
          message: 'users is declared by User (typeorm) but the database has no such table',
          expected: { columns: ['id', 'email'] },
          actual: null,
          sources: [User],
        },
      ],
    },
    {
      name: 'the database has a view of that name',
      expected: schema([table('users', [id, email])]),
      actual: schema([dbTable('users', [id, email], { kind: 'view' })]),
      findings: [{ severity: 'error', table: 'users' }],
    },
    {
      name: 'the database has a materialized view of that name',
      expected: schema([table('users', [id, email])]),
      actual: schema([dbTable('users', [id, email], { kind: 'materialized-view' })]),
      findings: [{ severity: 'error', table: 'users' }],
    },
    {
      name: 'the table exists only in another schema',
      expected: schema([table('events', [id], { schema: 'audit', sources: [source('Event')] })]),
      actual: schema([dbTable('events', [id])]),
      findings: [
        { severity: 'error', schema: 'audit', table: 'events', message: 'audit.events is declared by Event (typeorm) but the database has no such table' },
      ],
    },
  ],
});

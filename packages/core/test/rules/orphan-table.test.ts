/** The `orphan-table` rule: which differences it reports, and how. */
import { migrationLedgers } from '@ormdrift/core';
import { dbTable, schema, table } from '../support/models.ts';
import { id, users, usersInDb, importStaging, usersDbWith, events } from '../support/rule-fixtures.ts';
import { ruleTester } from '../support/rule-tester.ts';

ruleTester('orphan-table', {
  valid: [
    { name: 'every table is declared', expected: users(), actual: usersDbWith() },
    ...[...migrationLedgers].map((ledger) => ({ name: `the ${ledger} migration ledger`, expected: users(), actual: usersDbWith(dbTable(ledger, [id])) })),
    { name: 'a view', expected: users(), actual: usersDbWith(dbTable('active_users', [id], { kind: 'view' })) },
    { name: 'a materialized view', expected: users(), actual: usersDbWith(dbTable('user_stats', [id], { kind: 'materialized-view' })) },
    { name: 'a foreign table', expected: users(), actual: usersDbWith(dbTable('remote_users', [id], { kind: 'foreign-table' })) },
    {
      name: 'the leaf partitions of a declared partitioned table',
      expected: schema([table('events', [id])]),
      actual: schema([
        dbTable('events', [id], { kind: 'partitioned-table' }),
        dbTable('events_2025_01', [id], { kind: 'partition', partitionOf: events }),
        dbTable('events_2025_02', [id], { kind: 'partition', partitionOf: events }),
      ]),
    },
    { name: 'a table in a schema the models do not use', expected: users(), actual: usersDbWith(dbTable('log', [id], { schema: 'audit' })) },
    {
      name: 'with the schemas option, a schema the models use but the option does not list',
      expected: schema([...users().tables, table('events', [id], { schema: 'audit' })]),
      actual: usersDbWith(dbTable('events', [id], { schema: 'audit' }), dbTable('stray', [id], { schema: 'audit' })),
      schemas: ['public'],
    },
    {
      name: 'a custom migrations table listed in the ignore option',
      expected: users(),
      actual: usersDbWith(dbTable('app_migrations', [id])),
      rules: { 'orphan-table': ['warn', { ignore: ['app_migrations'] }] },
    },
    {
      name: 'tables matched by an ignore glob, bare or schema-qualified',
      expected: users(),
      actual: usersDbWith(dbTable('legacy_orders', [id]), dbTable('legacy_items', [id]), importStaging),
      rules: { 'orphan-table': ['error', { ignore: ['legacy_*', 'public.import_*'] }] },
    },
  ],
  invalid: [
    {
      name: 'ignore globs leave the other tables reported, at the configured severity',
      expected: users(),
      actual: usersDbWith(dbTable('legacy_orders', [id]), importStaging),
      rules: { 'orphan-table': ['error', { ignore: ['legacy_*', 'audit.import_*'] }] },
      findings: [{ severity: 'error', table: 'import_staging' }],
    },
    {
      name: 'a table no model declares',
      expected: users(),
      actual: usersDbWith(importStaging),
      findings: [
        {
          severity: 'warning',
          table: 'import_staging',
          message: 'import_staging exists in the database but no model declares it',
          expected: null,
          actual: { columns: ['id', 'payload'] },
          sources: [],
        },
      ],
    },
    {
      name: 'an undeclared partitioned table is one orphan, its leaf partitions none',
      expected: users(),
      actual: usersDbWith(
        dbTable('events', [id], { kind: 'partitioned-table' }),
        dbTable('events_2025_01', [id], { kind: 'partition', partitionOf: events }),
        dbTable('events_2025_02', [id], { kind: 'partition', partitionOf: events }),
      ),
      findings: [{ severity: 'warning', table: 'events', message: 'events exists in the database but no model declares it' }],
    },
    {
      name: 'a table in another schema the models use',
      expected: schema([...users().tables, table('events', [id], { schema: 'audit' })]),
      actual: schema([...usersInDb().tables, dbTable('events', [id], { schema: 'audit' }), dbTable('stray', [id], { schema: 'audit' })]),
      findings: [{ severity: 'warning', schema: 'audit', table: 'stray', message: 'audit.stray exists in the database but no model declares it' }],
    },
    {
      name: 'with the schemas option, only the listed schemas are checked',
      expected: users(),
      actual: usersDbWith(importStaging, dbTable('log', [id], { schema: 'audit' }), dbTable('invoices', [id], { schema: 'billing' })),
      schemas: ['public', 'audit'],
      findings: [
        { severity: 'warning', schema: 'audit', table: 'log' },
        { severity: 'warning', table: 'import_staging' },
      ],
    },
    {
      name: 'with the schemas option, a schema the models do not use',
      expected: users(),
      actual: usersDbWith(importStaging, dbTable('log', [id], { schema: 'audit' })),
      schemas: ['audit'],
      findings: [{ severity: 'warning', schema: 'audit', table: 'log', message: 'audit.log exists in the database but no model declares it' }],
    },
  ],
});

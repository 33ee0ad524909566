/** The `unapplied-migration` rule: a migration on disk that the database's ledger does not list. */
import { describe, expect, it } from 'vitest';
import { evaluate, mergeRegistries } from '@ormdrift/core';
import { users, usersInDb } from '../support/rule-fixtures.ts';
import { ruleTester } from '../support/rule-tester.ts';

const ledger = { schema: 'public', name: 'schema_migrations' };
const behind = { ledger, unapplied: ['004_add_message_count.sql', '005_add_user_query_count.sql'], unknown: [] };

ruleTester('unapplied-migration', {
  valid: [
    { name: 'no migrations known', expected: users(), actual: usersInDb() },
    { name: 'every migration applied', expected: users(), actual: usersInDb(), migrations: { ledger, unapplied: [], unknown: [] } },
    {
      name: 'a ledger entry no migration on disk matches is the other code',
      expected: users(),
      actual: usersInDb(),
      migrations: { ledger, unapplied: [], unknown: ['006'] },
    },
  ],
  invalid: [
    {
      name: 'each migration the ledger lacks, in the order on disk, with no table',
      expected: users(),
      actual: usersInDb(),
      migrations: behind,
      findings: [
        {
          severity: 'error',
          migration: '004_add_message_count.sql',
          message: '004_add_message_count.sql has not been applied to this database (public.schema_migrations does not list it)',
          expected: { migration: '004_add_message_count.sql' },
          actual: null,
          sources: [],
        },
        { severity: 'error', migration: '005_add_user_query_count.sql' },
      ],
    },
    {
      name: 'the ledger of another schema (drizzle): the finding is in that schema',
      expected: users(),
      actual: usersInDb(),
      migrations: { ledger: { schema: 'drizzle', name: '__drizzle_migrations' }, unapplied: ['0001_add_message_count'], unknown: [] },
      findings: [
        {
          severity: 'error',
          schema: 'drizzle',
          migration: '0001_add_message_count',
          message: '0001_add_message_count has not been applied to this database (drizzle.__drizzle_migrations does not list it)',
        },
      ],
    },
    {
      name: 'a configured severity',
      expected: users(),
      actual: usersInDb(),
      migrations: behind,
      rules: { 'unapplied-migration': 'warn' },
      findings: [
        { severity: 'warning', migration: '004_add_message_count.sql' },
        { severity: 'warning', migration: '005_add_user_query_count.sql' },
      ],
    },
  ],
});

describe('unapplied-migration findings in the result', () => {
  const run = (rules = {}) => evaluate({ expected: mergeRegistries([users()]), actual: usersInDb(), migrations: behind, rules });

  it('are counted by the summary and keyed by the migration name', () => {
    const result = run();
    expect(result.summary).toEqual({ errors: 2, warnings: 0, tables: 1 });
    expect(result.findings.map((finding) => finding.key)).toEqual([
      expect.stringMatching(/^unapplied-migration:public\[004_add_message_count\.sql\]:[0-9a-f]{12}$/),
      expect.stringMatching(/^unapplied-migration:public\[005_add_user_query_count\.sql\]:[0-9a-f]{12}$/),
    ]);
    // the same pending migration keeps its key whatever else the ledger holds
    const other = evaluate({
      expected: mergeRegistries([users()]),
      actual: usersInDb(),
      migrations: { ...behind, unapplied: ['004_add_message_count.sql'], unknown: ['x'] },
    });
    expect(other.findings[0]!.key).toBe(result.findings[0]!.key);
  });

  it('are off when the code is off, and the result says so', () => {
    const result = run({ 'unapplied-migration': 'off' });
    expect(result.findings).toEqual([]);
    expect(result.summary.errors).toBe(0);
    expect(result.off).toContain('unapplied-migration');
  });
});

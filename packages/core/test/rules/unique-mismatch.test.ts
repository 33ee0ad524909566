/** The `unique-mismatch` rule: a unique on the declared columns that treats NULLs otherwise. */
import { describe, expect, it } from 'vitest';
import { unique } from '../support/models.ts';
import { emailDb, emailModel } from '../support/rule-fixtures.ts';
import type { PrimaryKeyModel, SchemaModel } from '@ormdrift/core';
import { ruleTester, run } from '../support/rule-tester.ts';

/** The schema with its one table's primary key replaced (a DEFERRABLE one, as only the database holds). */
const withPrimaryKey = (declared: SchemaModel, primaryKey: PrimaryKeyModel): SchemaModel => ({
  ...declared,
  tables: declared.tables.map((found) => ({ ...found, primaryKey })),
});

ruleTester('unique-mismatch', {
  valid: [
    {
      name: 'NULLS NOT DISTINCT on both sides',
      expected: emailModel({ uniques: [unique(['email'], { nullsNotDistinct: true })] }),
      actual: emailDb({ uniques: [unique(['email'], { nullsNotDistinct: true })] }),
    },
    { name: 'no unique on the columns at all is missing-unique business', expected: emailModel({ uniques: [unique(['email'])] }), actual: emailDb() },
    {
      name: 'only a partial unique with other NULL handling is missing-unique business',
      expected: emailModel({ uniques: [unique(['email'], { nullsNotDistinct: true })] }),
      actual: emailDb({ uniques: [unique(['email'], { where: '(deleted_at IS NULL)' })] }),
    },
    {
      name: 'one partial unique, its predicate in two spellings',
      expected: emailModel({ uniques: [unique(['email'], { where: '"deleted_at" IS NULL' })] }),
      actual: emailDb({ uniques: [unique(['email'], { where: '(deleted_at IS NULL)'.replace('deleted_at', '"deleted_at"') })] }),
    },
    {
      name: 'a declared partial unique dropped beside the declared full one: the full one is its own, not the partial one stricter',
      expected: emailModel({
        uniques: [unique(['email'], { name: 'users_email_key' }), unique(['email'], { name: 'users_email_live', where: '"deleted_at" IS NULL' })],
      }),
      actual: emailDb({ uniques: [unique(['email'], { name: 'users_email_key' })] }),
    },
    {
      name: 'a declared NULLS NOT DISTINCT unique dropped beside a declared plain one: missing-unique business',
      expected: emailModel({
        uniques: [unique(['email'], { name: 'users_email_key' }), unique(['email'], { name: 'users_email_nnd', nullsNotDistinct: true })],
      }),
      actual: emailDb({ uniques: [unique(['email'], { name: 'users_email_key' })] }),
    },
  ],
  invalid: [
    {
      name: 'the declared full unique is partial in the database, under its name: duplicates outside the predicate, no arbiter',
      expected: emailModel({ uniques: [unique(['email'], { name: 'users_email_key' })] }),
      actual: emailDb({ uniques: [unique(['email'], { name: 'users_email_key', where: '(deleted_at IS NULL)' })] }),
      findings: [
        {
          severity: 'error',
          table: 'users',
          column: 'email',
          message:
            'users has the unique users_email_key on (email) only WHERE (deleted_at IS NULL), but User (typeorm) declares it over every row: duplicates outside the predicate can be stored, and INSERT ... ON CONFLICT (email) without that WHERE fails (no unique or exclusion constraint matching)',
          expected: { columns: ['email'], nullsNotDistinct: false },
          actual: { columns: ['email'], nullsNotDistinct: false, where: '(deleted_at IS NULL)', name: 'users_email_key' },
        },
      ],
    },
    {
      name: 'a DEFERRABLE primary key, which no ORM declares: upserts on it fail',
      expected: emailModel(),
      actual: withPrimaryKey(emailDb(), { name: 'users_pkey', columns: ['id'], deferrable: 'immediate' }),
      findings: [
        {
          severity: 'error',
          table: 'users',
          column: 'id',
          message:
            'users has a primary key on (id) that is DEFERRABLE INITIALLY IMMEDIATE, but User (typeorm) declares it NOT DEFERRABLE: a DEFERRABLE primary key cannot be the arbiter of INSERT ... ON CONFLICT, so upserts on it fail',
          expected: { columns: ['id'], nullsNotDistinct: false, deferrable: 'not deferrable' },
          actual: { columns: ['id'], nullsNotDistinct: false, deferrable: 'immediate', name: 'users_pkey' },
        },
      ],
    },
    {
      name: 'a plain unique declared, DEFERRABLE in the database: it cannot arbitrate ON CONFLICT',
      expected: emailModel({ uniques: [unique(['email'])] }),
      actual: emailDb({ uniques: [unique(['email'], { name: 'users_email_key', deferrable: 'immediate' })] }),
      findings: [
        {
          severity: 'error',
          table: 'users',
          column: 'email',
          message:
            'users has a unique on (email) that is DEFERRABLE INITIALLY IMMEDIATE, but User (typeorm) declares it NOT DEFERRABLE: a DEFERRABLE unique cannot be the arbiter of INSERT ... ON CONFLICT, so upserts on it fail',
          expected: { columns: ['email'], nullsNotDistinct: false, deferrable: 'not deferrable' },
          actual: { columns: ['email'], nullsNotDistinct: false, deferrable: 'immediate', name: 'users_email_key' },
        },
      ],
    },
    {
      name: 'a deferred unique declared, NOT DEFERRABLE (a unique index) in the database',
      expected: emailModel({ uniques: [unique(['email'], { deferrable: 'deferred' })] }),
      actual: emailDb({ uniques: [unique(['email'])] }),
      findings: [{ severity: 'error', table: 'users', column: 'email', expected: { columns: ['email'], nullsNotDistinct: false, deferrable: 'deferred' } }],
    },
    {
      name: 'an immediate deferrable unique declared, deferred to COMMIT in the database',
      expected: emailModel({ uniques: [unique(['email'], { deferrable: 'immediate' })] }),
      actual: emailDb({ uniques: [unique(['email'], { deferrable: 'deferred' })] }),
      findings: [{ severity: 'warning', table: 'users', column: 'email', expected: { columns: ['email'], nullsNotDistinct: false, deferrable: 'immediate' } }],
    },
    {
      name: 'NULLS NOT DISTINCT declared, a plain unique in the database',
      expected: emailModel({ uniques: [unique(['email'], { nullsNotDistinct: true })] }),
      actual: emailDb({ uniques: [unique(['email'])] }),
      findings: [{ severity: 'error', table: 'users', column: 'email', expected: { columns: ['email'], nullsNotDistinct: true } }],
    },
    {
      // UNIQUE NULLS NOT DISTINCT (PG 15+) is not the same guarantee as UNIQUE
      name: 'a plain unique declared, UNIQUE NULLS NOT DISTINCT in the database: a second NULL is rejected',
      expected: emailModel({ uniques: [unique(['email'])] }),
      actual: emailDb({ uniques: [unique(['email'], { nullsNotDistinct: true })] }),
      findings: [{ severity: 'error', table: 'users', column: 'email', expected: { columns: ['email'], nullsNotDistinct: false } }],
    },
    {
      name: 'NULLS NOT DISTINCT declared on two columns, the database has it on one of them',
      expected: emailModel({ uniques: [unique(['org_id', 'email'], { nullsNotDistinct: true })] }),
      actual: emailDb({ uniques: [unique(['email'], { nullsNotDistinct: true }), unique(['org_id', 'email'])] }),
      findings: [{ severity: 'error', table: 'users', expected: { columns: ['org_id', 'email'], nullsNotDistinct: true } }],
    },
    {
      name: 'a partial unique (soft delete) replaced by a full unique index: the database is stricter',
      expected: emailModel({ uniques: [unique(['email'], { where: '"deleted_at" IS NULL' })] }),
      actual: emailDb({ uniques: [unique(['email'], { name: 'users_email_key' })] }),
      findings: [
        {
          severity: 'error',
          table: 'users',
          column: 'email',
          message:
            'users has the unique users_email_key on (email) over every row, but User (typeorm) declares it only WHERE "deleted_at" IS NULL: the database is stricter, rows outside the predicate (soft-deleted rows) now block re-use of a value',
          expected: { columns: ['email'], nullsNotDistinct: false, where: '"deleted_at" IS NULL' },
          actual: { columns: ['email'], nullsNotDistinct: false, name: 'users_email_key' },
        },
      ],
    },
    {
      name: 'a partial unique whose predicate was flipped',
      expected: emailModel({ uniques: [unique(['email'], { where: '"deleted_at" IS NULL' })] }),
      actual: emailDb({ uniques: [unique(['email'], { where: '("deleted_at" IS NOT NULL)' })] }),
      findings: [
        {
          severity: 'error',
          table: 'users',
          column: 'email',
          message:
            'users has a unique on (email) WHERE ("deleted_at" IS NOT NULL), but User (typeorm) declares it WHERE "deleted_at" IS NULL: it guards other rows, so duplicates the model forbids can be stored and writes the model allows can fail',
        },
      ],
    },
  ],
});

describe('unique-mismatch against a NULLS NOT DISTINCT unique in the database', () => {
  const finding = () =>
    run({
      name: '',
      expected: emailModel({ uniques: [unique(['email'])] }),
      actual: emailDb({ uniques: [unique(['email'], { nullsNotDistinct: true })] }),
    }).findings.find((candidate) => candidate.code === 'unique-mismatch');

  it('says the database unique is stricter, not absent', () => {
    expect(finding()?.message).toBe(
      'users has a unique on (email) that is NULLS NOT DISTINCT, but User (typeorm) declares a plain one: a second NULL the model allows is rejected',
    );
  });

  it('shows the unique the database has', () => {
    expect(finding()?.actual).toEqual({ columns: ['email'], nullsNotDistinct: true });
  });
});

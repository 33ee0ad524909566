/** The `missing-check` rule: a CHECK constraint the models declare that the database lacks. */
import { check, column, dbTable, schema, table } from '../support/models.ts';
import { ruleTester } from '../support/rule-tester.ts';

const bookings = (checks?: ReturnType<typeof check>[]) =>
  schema([table('bookings', [column('id', 'integer'), column('seats', 'integer')], { primaryKey: ['id'], ...(checks ? { checks } : {}) })]);
const bookingsDb = (checks?: ReturnType<typeof check>[]) =>
  schema([dbTable('bookings', [column('id', 'integer'), column('seats', 'integer')], { primaryKey: ['id'], ...(checks ? { checks } : {}) })]);

ruleTester('missing-check', {
  valid: [
    {
      name: 'the same check under the same name',
      expected: bookings([check('seats > 0', 'CHK_seats')]),
      actual: bookingsDb([check('seats > 0', 'CHK_seats')]),
    },
    {
      name: 'the same expression, as PostgreSQL prints it, under another name',
      expected: bookings([check('"seats" > 0', 'CHK_seats')]),
      actual: bookingsDb([check('("seats" > 0)', 'bookings_seats_check')]),
    },
    {
      name: 'a check of the declared name with another expression is check-mismatch business',
      expected: bookings([check('seats > 0', 'CHK_seats')]),
      actual: bookingsDb([check('(seats > 1)', 'CHK_seats')]),
    },
    { name: 'no check declared', expected: bookings(), actual: bookingsDb() },
  ],
  invalid: [
    {
      name: 'a declared check dropped',
      expected: bookings([check('"seats" > 0 AND "seats" <= 12', 'CHK_bookings_seats')]),
      actual: bookingsDb(),
      findings: [
        {
          severity: 'error',
          table: 'bookings',
          message: 'bookings has no check "CHK_bookings_seats" ("seats" > 0 AND "seats" <= 12) that User (typeorm) declares: rows that break it can be stored',
          expected: { name: 'CHK_bookings_seats', expression: '"seats" > 0 AND "seats" <= 12' },
          actual: null,
        },
      ],
    },
    {
      name: 'one of two checks dropped, the other present',
      expected: bookings([check('seats > 0', 'CHK_a'), check('seats <= 12', 'CHK_b')]),
      actual: bookingsDb([check('(seats > 0)', 'CHK_a')]),
      findings: [{ severity: 'error', table: 'bookings', expected: { name: 'CHK_b', expression: 'seats <= 12' } }],
    },
    {
      name: 'a configured severity applies',
      expected: bookings([check('seats > 0', 'CHK_a')]),
      actual: bookingsDb(),
      rules: { 'missing-check': 'warn' },
      findings: [{ severity: 'warning', table: 'bookings' }],
    },
  ],
});

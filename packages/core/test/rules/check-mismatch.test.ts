/** The `check-mismatch` rule: a check of the declared name whose expression reads otherwise. */
import { check, column, dbTable, schema, table } from '../support/models.ts';
import { ruleTester } from '../support/rule-tester.ts';

const bookings = (checks: ReturnType<typeof check>[]) =>
  schema([table('bookings', [column('id', 'integer'), column('seats', 'integer')], { primaryKey: ['id'], checks })]);
const bookingsDb = (checks: ReturnType<typeof check>[]) =>
  schema([dbTable('bookings', [column('id', 'integer'), column('seats', 'integer')], { primaryKey: ['id'], checks })]);

ruleTester('check-mismatch', {
  valid: [
    {
      name: 'the same expression, other whitespace and parentheses',
      expected: bookings([check('seats  >  0', 'CHK_a')]),
      actual: bookingsDb([check('(seats > 0)', 'CHK_a')]),
    },
    {
      name: 'a check of another name and expression is missing-check business',
      expected: bookings([check('seats > 0', 'CHK_a')]),
      actual: bookingsDb([check('(seats > 1)', 'CHK_b')]),
    },
    {
      name: 'the same comparison written constant-first',
      expected: bookings([check('seats > 0', 'CHK_a')]),
      actual: bookingsDb([check('(0 < seats)', 'CHK_a')]),
    },
  ],
  invalid: [
    {
      name: 'the bound of a check changed under its name',
      expected: bookings([check('"seats" > 0 AND "seats" <= 12', 'CHK_bookings_seats')]),
      actual: bookingsDb([check('((seats > 0) AND (seats <= 20))', 'CHK_bookings_seats')]),
      findings: [
        {
          severity: 'error',
          table: 'bookings',
          message:
            'bookings has the check "CHK_bookings_seats" CHECK (((seats > 0) AND (seats <= 20))), but User (typeorm) declares it CHECK ("seats" > 0 AND "seats" <= 12): writes the model allows may fail, or rows it forbids may be stored',
          expected: { name: 'CHK_bookings_seats', expression: '"seats" > 0 AND "seats" <= 12' },
          actual: { name: 'CHK_bookings_seats', expression: '((seats > 0) AND (seats <= 20))' },
        },
      ],
    },
    {
      name: 'one bound of the same column, stricter in the database: writes the model allows fail',
      expected: bookings([check('"seats" > 0', 'CHK_a')]),
      actual: bookingsDb([check('(seats > 5)', 'CHK_a')]),
      findings: [
        {
          severity: 'error',
          table: 'bookings',
          message:
            'bookings has the check "CHK_a" CHECK ((seats > 5)), but User (typeorm) declares it CHECK ("seats" > 0): the database\'s check is stricter: writes the model allows can fail',
        },
      ],
    },
    {
      name: 'one bound of the same column, looser in the database: rows the model forbids are stored',
      expected: bookings([check('"seats" > 0', 'CHK_a')]),
      actual: bookingsDb([check('(0 <= seats)', 'CHK_a')]),
      findings: [
        {
          severity: 'error',
          table: 'bookings',
          message:
            'bookings has the check "CHK_a" CHECK ((0 <= seats)), but User (typeorm) declares it CHECK ("seats" > 0): the database\'s check is looser: rows the model forbids can be stored',
        },
      ],
    },
    {
      name: 'the declared check added NOT VALID: rows stored before it were never checked',
      expected: bookings([check('"seats" > 0', 'CHK_a')]),
      actual: bookingsDb([{ ...check('"seats" > 0', 'CHK_a'), notValidated: true }]),
      findings: [
        {
          severity: 'warning',
          table: 'bookings',
          message:
            'bookings has the check "CHK_a" CHECK ("seats" > 0) as User (typeorm) declares it, but NOT VALID: rows stored before it was added were never checked and may break it',
          expected: { name: 'CHK_a', expression: '"seats" > 0', validated: true },
          actual: { name: 'CHK_a', expression: '"seats" > 0', validated: false },
        },
      ],
    },
  ],
});

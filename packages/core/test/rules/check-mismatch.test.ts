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
            'bookings has the check "CHK_bookings_seats" CHECK (((seats > 0) AND (seats <= 20))), but User (typeorm) declares it CHECK ("seats" > 0 AND "seats" <= 12): writes the model allows can fail, and rows it forbids can be stored',
          expected: { name: 'CHK_bookings_seats', expression: '"seats" > 0 AND "seats" <= 12' },
          actual: { name: 'CHK_bookings_seats', expression: '((seats > 0) AND (seats <= 20))' },
        },
      ],
    },
  ],
});

/** The `missing-sequence` rule: a sequence the models declare on its own (Drizzle's `pgSequence`) does not exist. */
import { dbSequence, dbTable, column, schema, sequence, table } from '../support/models.ts';
import { ruleTester } from '../support/rule-tester.ts';

ruleTester('missing-sequence', {
  valid: [
    { name: 'present with the declared options', expected: schema([], [], [sequence('order_number')]), actual: schema([], [], [dbSequence('order_number')]) },
    {
      name: 'a sequence no model declares (a serial column owns one) is never reported',
      expected: schema([table('tickets', [column('id', 'integer', { default: "nextval('tickets_id_seq'::regclass)" })])]),
      actual: schema([dbTable('tickets', [column('id', 'integer', { default: "nextval('tickets_id_seq'::regclass)" })])], [], [dbSequence('tickets_id_seq')]),
    },
    {
      name: 'a sequence a column owns, on an expected side read from a database migrations built, is left to its column',
      expected: schema([], [], [{ ...dbSequence('tickets_id_seq'), ownedBy: { schema: 'public', name: 'tickets', column: 'id', identity: false } }]),
      actual: schema([], [], []),
    },
  ],
  invalid: [
    {
      name: 'absent',
      expected: schema([], [], [sequence('order_number', { start: '1000' })]),
      actual: schema([], [], []),
      findings: [
        {
          severity: 'error',
          message:
            "sequence order_number is declared by orderNumber (drizzle) but does not exist in the database: nextval('order_number') fails, and so does every insert whose default calls it",
          expected: {
            sequence: 'order_number',
            dataType: 'bigint',
            increment: '1',
            minValue: '1',
            maxValue: '9223372036854775807',
            start: '1000',
            cache: '1',
            cycle: false,
          },
          actual: null,
        },
      ],
    },
    {
      name: 'in another schema, where the database has one of that name in public only',
      expected: schema([], [], [sequence('billing.invoice_number')]),
      actual: schema([], [], [dbSequence('invoice_number')]),
      findings: [{ severity: 'error', schema: 'billing' }],
    },
  ],
});

/** The `sequence-mismatch` rule: a declared sequence, or an identity column's, with other options than the models declare. */
import { column, dbSequence, dbTable, schema, sequence, table } from '../support/models.ts';
import { ruleTester } from '../support/rule-tester.ts';

const identitySequence = {
  schema: 'public',
  name: 'tickets_id_seq',
  dataType: 'integer',
  increment: '1',
  minValue: '1',
  maxValue: '2147483647',
  start: '1',
  cache: '1',
  cycle: false,
} as const;
const tickets = (sequenceOptions: object = {}) =>
  schema([table('tickets', [column('id', 'integer', { identity: 'always', ...sequenceOptions })], { primaryKey: ['id'] })]);
const ticketsDb = (options: object = {}) =>
  schema([dbTable('tickets', [column('id', 'integer', { identity: 'always', sequence: { ...identitySequence, ...options } })], { primaryKey: ['id'] })]);

ruleTester('sequence-mismatch', {
  valid: [
    {
      name: "the declared options, the others at PostgreSQL's defaults",
      expected: schema([], [], [sequence('order_number', { start: '1000', cache: '10' })]),
      actual: schema([], [], [dbSequence('order_number', { start: '1000', cache: '10' })]),
    },
    {
      name: 'a descending sequence: its defaults run from -1 down to the type minimum',
      expected: schema([], [], [sequence('countdown', { increment: '-1' })]),
      actual: schema([], [], [dbSequence('countdown', { increment: '-1', minValue: '-9223372036854775808', maxValue: '-1', start: '-1' })]),
    },
    { name: 'an identity that declares no options, at the defaults of its integer type', expected: tickets(), actual: ticketsDb() },
    {
      name: 'an identity whose declared options match',
      expected: tickets({ sequence: { increment: '5', start: '100' } }),
      actual: ticketsDb({ increment: '5', start: '100' }),
    },
    {
      name: "an identity's sequence under the name the model gives it",
      expected: tickets({ sequence: { schema: 'public', name: 'ticket_ids' } }),
      actual: ticketsDb({ name: 'ticket_ids' }),
    },
    {
      name: "an identity whose model gives no name: PostgreSQL's name, whatever it is, is the model's",
      expected: tickets({ sequence: { start: '1' } }),
      actual: ticketsDb({ name: 'tickets_id_seq1' }),
    },
  ],
  invalid: [
    {
      name: 'another increment: a warning',
      expected: schema([], [], [sequence('order_number', { start: '1000' })]),
      actual: schema([], [], [dbSequence('order_number', { start: '1000', increment: '2' })]),
      findings: [
        {
          severity: 'warning',
          message:
            'sequence order_number has INCREMENT BY 2 in the database but INCREMENT BY 1 in orderNumber (drizzle): it hands out other numbers than the model expects',
          expected: { sequence: 'order_number', increment: '1' },
          actual: { sequence: 'order_number', increment: '2' },
        },
      ],
    },
    {
      name: 'a narrower data type: an error, nextval() stops early',
      expected: schema([], [], [sequence('order_number')]),
      actual: schema([], [], [dbSequence('order_number', { dataType: 'integer', maxValue: '2147483647' })]),
      findings: [
        {
          severity: 'error',
          expected: { sequence: 'order_number', dataType: 'bigint', maxValue: '9223372036854775807' },
          actual: { sequence: 'order_number', dataType: 'integer', maxValue: '2147483647' },
        },
      ],
    },
    {
      name: 'a wider range: a warning',
      expected: schema([], [], [sequence('billing.invoice_number', { minValue: '100', maxValue: '999999', start: '100' })]),
      actual: schema([], [], [dbSequence('billing.invoice_number', { minValue: '1', maxValue: '999999', start: '100' })]),
      findings: [{ severity: 'warning', schema: 'billing' }],
    },
    {
      name: "an identity column's sequence with another start: on its table and column",
      expected: tickets({ sequence: { start: '100' } }),
      actual: ticketsDb({ start: '1' }),
      findings: [
        {
          severity: 'warning',
          table: 'tickets',
          column: 'id',
          message:
            'the identity sequence tickets_id_seq of tickets.id has START WITH 1 in the database but START WITH 100 in User (typeorm): it hands out other numbers than the model expects',
          expected: { sequence: 'tickets_id_seq', start: '100', column: 'tickets.id' },
          actual: { sequence: 'tickets_id_seq', start: '1' },
        },
      ],
    },
    {
      name: "an identity column's sequence with a lower maximum: an error",
      expected: tickets(),
      actual: ticketsDb({ maxValue: '1000' }),
      findings: [{ severity: 'error', table: 'tickets', column: 'id' }],
    },
    {
      name: "an identity's sequence under another name than the model gives it: a warning naming both",
      expected: tickets({ sequence: { schema: 'public', name: 'ticket_ids' } }),
      actual: ticketsDb(),
      findings: [
        {
          severity: 'warning',
          table: 'tickets',
          column: 'id',
          message:
            "the identity sequence tickets_id_seq of tickets.id is named ticket_ids in User (typeorm): SQL that names the sequence (setval('ticket_ids', ...), a later migration) does not find it",
          expected: { sequence: 'ticket_ids', column: 'tickets.id' },
          actual: { sequence: 'tickets_id_seq' },
        },
      ],
    },
    {
      name: "an identity's sequence renamed and with other options: one finding, its severity the options'",
      expected: tickets({ sequence: { schema: 'public', name: 'ticket_ids', maxValue: '1000000' } }),
      actual: ticketsDb({ maxValue: '1000' }),
      findings: [
        {
          severity: 'error',
          table: 'tickets',
          column: 'id',
          message:
            'the identity sequence tickets_id_seq of tickets.id has MAXVALUE 1000 in the database but MAXVALUE 1000000 in User (typeorm), and is named ticket_ids in User (typeorm): nextval() fails ("reached maximum value of sequence") before the values the model expects run out',
        },
      ],
    },
  ],
});

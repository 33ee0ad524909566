/** The `missing-exclusion` rule: a declared EXCLUDE constraint that the database lacks. */
import { column, dbTable, exclusion, schema, table } from '../support/models.ts';
import { ruleTester } from '../support/rule-tester.ts';

type Exclusion = ReturnType<typeof exclusion>;
const columns = [column('id', 'integer'), column('room', 'integer'), column('during', 'tsrange')];
const bookings = (exclusions: Exclusion[]) => schema([table('bookings', columns, { primaryKey: ['id'], exclusions })]);
const bookingsDb = (exclusions: Exclusion[]) => schema([dbTable('bookings', columns, { primaryKey: ['id'], exclusions })]);

ruleTester('missing-exclusion', {
  valid: [
    {
      name: 'the same definition as the server prints it, under another name',
      expected: bookings([exclusion('USING gist ("room" WITH =, "during" WITH &&)', 'EXC_bookings')]),
      actual: bookingsDb([exclusion('USING gist (room WITH =, during WITH &&)', 'bookings_room_during_excl')]),
    },
    {
      name: 'an explicit ASC and a qualified operator are what PostgreSQL leaves out',
      expected: bookings([exclusion('USING gist (room ASC WITH OPERATOR(pg_catalog.=), during WITH &&)')]),
      actual: bookingsDb([exclusion('USING gist (room WITH =, during WITH &&)', 'bookings_room_during_excl')]),
    },
    {
      name: 'an exclusion of the declared name with another definition is exclusion-mismatch business',
      expected: bookings([exclusion('USING gist (room WITH =, during WITH &&)', 'EXC_bookings')]),
      actual: bookingsDb([exclusion('USING gist (during WITH &&)', 'EXC_bookings')]),
    },
  ],
  invalid: [
    {
      name: 'no exclusion at all',
      expected: bookings([exclusion('USING gist ("room" WITH =, "during" WITH &&)', 'EXC_bookings')]),
      actual: bookingsDb([]),
      findings: [
        {
          severity: 'error',
          table: 'bookings',
          message:
            'bookings has no exclusion "EXC_bookings" EXCLUDE USING gist ("room" WITH =, "during" WITH &&) that User (typeorm) declares: rows it forbids together can be stored',
          expected: { name: 'EXC_bookings', expression: 'USING gist ("room" WITH =, "during" WITH &&)' },
          actual: null,
        },
      ],
    },
    {
      name: 'an exclusion with another operator under another name does not stand in for it',
      expected: bookings([exclusion('USING gist (room WITH =, during WITH &&)')]),
      actual: bookingsDb([exclusion('USING gist (room WITH =, during WITH =)', 'bookings_excl')]),
      findings: [{ severity: 'error', table: 'bookings', expected: { expression: 'USING gist (room WITH =, during WITH &&)' }, actual: null }],
    },
    {
      name: 'another access method',
      expected: bookings([exclusion('USING gist (during WITH &&)')]),
      actual: bookingsDb([exclusion('USING spgist (during WITH &&)', 'bookings_excl')]),
      findings: [{ severity: 'error', table: 'bookings', expected: { expression: 'USING gist (during WITH &&)' }, actual: null }],
    },
  ],
});

/** The `exclusion-mismatch` rule: an exclusion of the declared name whose definition or deferral differs. */
import { column, dbTable, exclusion, schema, table } from '../support/models.ts';
import { ruleTester } from '../support/rule-tester.ts';

type Exclusion = ReturnType<typeof exclusion>;
const columns = [column('id', 'integer'), column('room', 'integer'), column('during', 'tsrange')];
const bookings = (exclusions: Exclusion[]) => schema([table('bookings', columns, { primaryKey: ['id'], exclusions })]);
const bookingsDb = (exclusions: Exclusion[]) => schema([dbTable('bookings', columns, { primaryKey: ['id'], exclusions })]);

ruleTester('exclusion-mismatch', {
  valid: [
    {
      name: 'the same definition, quoted otherwise',
      expected: bookings([exclusion('USING gist ("room" WITH =, "during" WITH &&)', 'EXC_bookings')]),
      actual: bookingsDb([exclusion('USING gist (room WITH =, during WITH &&)', 'EXC_bookings')]),
    },
    {
      name: 'deferrable on both sides',
      expected: bookings([exclusion('USING gist (during WITH &&)', 'EXC_bookings', 'deferred')]),
      actual: bookingsDb([exclusion('USING gist (during WITH &&)', 'EXC_bookings', 'deferred')]),
    },
    {
      name: 'INCLUDE (in any order), WITH and the tablespace in other spellings: compared by structure',
      expected: bookings([
        exclusion(
          `USING gist (during WITH &&) INCLUDE ("room", id) WITH (FILLFACTOR = 70, buffering = 'on') USING INDEX TABLESPACE "pg_default"`,
          'EXC_bookings',
        ),
      ]),
      actual: bookingsDb([
        exclusion(`USING gist (during WITH &&) INCLUDE (id, room) WITH (buffering=on, fillfactor='70') USING INDEX TABLESPACE pg_default`, 'EXC_bookings'),
      ]),
    },
  ],
  invalid: [
    {
      name: 'another storage parameter value under the declared name',
      expected: bookings([exclusion('USING gist (during WITH &&) WITH (fillfactor = 70)', 'EXC_bookings')]),
      actual: bookingsDb([exclusion(`USING gist (during WITH &&) WITH (fillfactor='90')`, 'EXC_bookings')]),
      findings: [{ severity: 'error', table: 'bookings' }],
    },
    {
      name: 'another INCLUDE column',
      expected: bookings([exclusion('USING gist (during WITH &&) INCLUDE (room, id)', 'EXC_bookings')]),
      actual: bookingsDb([exclusion('USING gist (during WITH &&) INCLUDE (id)', 'EXC_bookings')]),
      findings: [{ severity: 'error', table: 'bookings' }],
    },
    {
      name: 'the room left out under the declared name: any overlap now conflicts',
      expected: bookings([exclusion('USING gist ("room" WITH =, "during" WITH &&)', 'EXC_bookings')]),
      actual: bookingsDb([exclusion('USING gist (during WITH &&)', 'EXC_bookings')]),
      findings: [
        {
          severity: 'error',
          table: 'bookings',
          message:
            'bookings has the exclusion "EXC_bookings" EXCLUDE USING gist (during WITH &&), but User (typeorm) declares it EXCLUDE USING gist ("room" WITH =, "during" WITH &&): writes the model allows can fail, and rows it forbids together can be stored',
          expected: { name: 'EXC_bookings', expression: 'USING gist ("room" WITH =, "during" WITH &&)' },
          actual: { name: 'EXC_bookings', expression: 'USING gist (during WITH &&)' },
        },
      ],
    },
    {
      name: 'the same definition made DEFERRABLE in the database',
      expected: bookings([exclusion('USING gist (during WITH &&)', 'EXC_bookings')]),
      actual: bookingsDb([exclusion('USING gist (during WITH &&)', 'bookings_during_excl', 'immediate')]),
      findings: [
        {
          severity: 'error',
          table: 'bookings',
          message:
            'bookings has the exclusion bookings_during_excl DEFERRABLE INITIALLY IMMEDIATE, but User (typeorm) declares it NOT DEFERRABLE: a DEFERRABLE exclusion cannot be the arbiter of INSERT ... ON CONFLICT, so upserts on it fail',
          expected: { name: 'EXC_bookings', expression: 'USING gist (during WITH &&)' },
          actual: { name: 'bookings_during_excl', expression: 'USING gist (during WITH &&)', deferrable: 'immediate' },
        },
      ],
    },
  ],
});

/** The `collation-mismatch` rule: a column whose collation is not the declared one (or the type's default). */
import { column, dbTable, schema, table } from '../support/models.ts';
import { ruleTester } from '../support/rule-tester.ts';

const rooms = (collation?: string) => schema([table('rooms', [column('id', 'integer'), column('code', 'varchar(40)', collation ? { collation } : {})])]);
const roomsDb = (collation?: string) => schema([dbTable('rooms', [column('id', 'integer'), column('code', 'varchar(40)', collation ? { collation } : {})])]);

ruleTester('collation-mismatch', {
  valid: [
    { name: 'the declared collation', expected: rooms('C'), actual: roomsDb('C') },
    { name: 'the declared collation, quoted', expected: rooms('"C"'), actual: roomsDb('C') },
    { name: "the type's default on both sides", expected: rooms(), actual: roomsDb() },
    { name: '"default" is the type\'s default', expected: rooms('default'), actual: roomsDb() },
  ],
  invalid: [
    {
      name: "the declared name, but another schema's collation: printed schema-qualified as PostgreSQL prints it",
      expected: rooms('C'),
      actual: schema([dbTable('rooms', [column('id', 'integer'), column('code', 'varchar(40)', { collation: 'C', collationSchema: 'legacy' })])]),
      findings: [
        {
          severity: 'warning',
          table: 'rooms',
          column: 'code',
          message:
            'rooms.code has collation legacy."C" in the database, but collation "C" in User (typeorm): ORDER BY, comparisons and LIKE prefix searches behave otherwise, and indexes built for one collation do not serve the other',
          expected: { collation: 'C' },
          actual: { collation: 'C', schema: 'legacy' },
        },
      ],
    },
    {
      name: 'COLLATE "C" declared, the default collation in the database',
      expected: rooms('C'),
      actual: roomsDb(),
      findings: [
        {
          severity: 'warning',
          table: 'rooms',
          column: 'code',
          message:
            'rooms.code has its type\'s default collation in the database, but collation "C" in User (typeorm): ORDER BY, comparisons and LIKE prefix searches behave otherwise, and indexes built for one collation do not serve the other',
          expected: { collation: 'C' },
          actual: { collation: null },
        },
      ],
    },
    {
      name: 'no collation declared, another one in the database',
      expected: rooms(),
      actual: roomsDb('POSIX'),
      findings: [{ severity: 'warning', table: 'rooms', column: 'code', expected: { collation: null }, actual: { collation: 'POSIX' } }],
    },
    {
      name: 'collation names are case-sensitive',
      expected: rooms('c'),
      actual: roomsDb('C'),
      findings: [{ severity: 'warning', table: 'rooms', column: 'code', expected: { collation: 'c' }, actual: { collation: 'C' } }],
    },
  ],
});

/** The `column-type-mismatch` rule: which differences it reports, and how. */
import { column, dbEnum, dbTable, enumColumn, enumType, schema, source, table } from '../support/models.ts';
import { User, id, users, usersInDb } from '../support/rule-fixtures.ts';
import { ruleTester } from '../support/rule-tester.ts';

ruleTester('column-type-mismatch', {
  valid: [
    { name: 'int4 in the model, integer in the database', expected: users(['age', 'int4']), actual: usersInDb(['age', 'integer']) },
    { name: 'varchar(255) / character varying(255)', expected: users(['email', 'varchar(255)']), actual: usersInDb(['email', 'character varying(255)']) },
    { name: 'timestamptz / timestamp with time zone', expected: users(['seen_at', 'timestamptz']), actual: usersInDb(['seen_at', 'timestamp with time zone']) },
    { name: 'timestamp(6) / timestamp', expected: users(['seen_at', 'timestamp(6)']), actual: usersInDb(['seen_at', 'timestamp without time zone']) },
    { name: 'numeric(12) / numeric(12,0)', expected: users(['balance', 'numeric(12)']), actual: usersInDb(['balance', 'numeric(12,0)']) },
    { name: 'text[] / _text', expected: users(['tags', 'text[]']), actual: usersInDb(['tags', '_text']) },
    // one decision, the same in the docs and the three type-mapping tables: they store and compare alike
    { name: 'text in the model, unbounded varchar in the database', expected: users(['bio', 'text']), actual: usersInDb(['bio', 'character varying']) },
    { name: 'unbounded varchar in the model, text in the database', expected: users(['bio', 'varchar']), actual: usersInDb(['bio', 'text']) },
    {
      name: 'text[] in the model, unbounded varchar[] in the database',
      expected: users(['tags', 'text[]']),
      actual: usersInDb(['tags', 'character varying[]']),
    },
    {
      name: 'the same enum type',
      expected: schema([table('users', [enumColumn('role', 'user_role_enum')])], [enumType('user_role_enum', ['admin'])]),
      actual: schema([dbTable('users', [enumColumn('role', 'user_role_enum')])], [dbEnum('user_role_enum', ['admin'])]),
    },
  ],
  invalid: [
    {
      name: 'a wider varchar in the database is a warning',
      expected: users(['name', 'varchar(50)']),
      actual: usersInDb(['name', 'varchar(255)']),
      findings: [
        {
          severity: 'warning',
          table: 'users',
          column: 'name',
          message:
            'users.name is character varying(255) in the database, wider than character varying(50) in User (typeorm): the database accepts values that character varying(50) does not hold (TypeORM checks no length or size unless class-validator rules, such as @MaxLength, are declared and run), and code that assumes character varying(50) may break when it reads them',
          expected: { type: 'character varying(50)' },
          actual: { type: 'character varying(255)' },
          sources: [User],
        },
      ],
    },
    {
      name: 'text in the database for a varchar(n) model is a warning',
      expected: users(['name', 'varchar(255)']),
      actual: usersInDb(['name', 'text']),
      findings: [{ severity: 'warning', table: 'users', column: 'name', expected: { type: 'character varying(255)' }, actual: { type: 'text' } }],
    },
    {
      name: 'a narrower varchar in the database is an error',
      expected: users(['name', 'varchar(255)']),
      actual: usersInDb(['name', 'varchar(50)']),
      findings: [
        {
          severity: 'error',
          table: 'users',
          column: 'name',
          message:
            'users.name is character varying(255) in User (typeorm) but character varying(50) in the database: writes of 51–255 characters fail (value too long for type character varying(50))',
          expected: { type: 'character varying(255)' },
          actual: { type: 'character varying(50)' },
        },
      ],
    },
    {
      name: 'varchar(n) in the database for a text model is an error',
      expected: users(['bio', 'text']),
      actual: usersInDb(['bio', 'varchar(255)']),
      findings: [{ severity: 'error', table: 'users', column: 'bio' }],
    },
    {
      name: 'integer in the model, bigint in the database: every value fits, but it reads as a string: an error',
      expected: users(['views', 'integer']),
      actual: usersInDb(['views', 'bigint']),
      findings: [
        {
          severity: 'error',
          table: 'users',
          column: 'views',
          message: 'users.views is integer in User (typeorm) but bigint in the database; the driver reads bigint as a string where the model expects a number',
          expected: { type: 'integer' },
          actual: { type: 'bigint' },
        },
      ],
    },
    {
      name: 'numeric(8,2) in the database for numeric(6,2): wider',
      expected: users(['estimate', 'numeric(6,2)']),
      actual: usersInDb(['estimate', 'numeric(8,2)']),
      findings: [
        {
          severity: 'warning',
          table: 'users',
          column: 'estimate',
          message:
            'users.estimate is numeric(8,2) in the database, wider than numeric(6,2) in User (typeorm): the database accepts values that numeric(6,2) does not hold (TypeORM checks no length or size unless class-validator rules, such as @MaxLength, are declared and run), and code that assumes numeric(6,2) may break when it reads them',
        },
      ],
    },
    ...(
      [
        ['smallint', 'integer'],
        ['numeric(6,2)', 'numeric'],
        ['decimal(6)', 'numeric(10,0)'],
        ['real', 'double precision'],
        ['float4', 'float8'],
        ['timestamp(3)', 'timestamp'],
        ['timestamptz(0)', 'timestamp(3) with time zone'],
        ['time(2)', 'time(4)'],
        ['interval(3)', 'interval'],
        ['varbit(4)', 'bit varying(8)'],
        ['bit varying(4)', 'bit varying'],
        ['varchar(20)[]', 'text[]'],
        ['smallint[]', '_int4'],
        ['numeric(6,2)[]', 'numeric(9,2)[]'],
      ] as const
    ).map(([model, database]) => ({
      name: `${model} in the model, ${database} in the database: every value fits, a warning`,
      expected: users(['amount', model]),
      actual: usersInDb(['amount', database]),
      findings: [{ severity: 'warning' as const, table: 'users', column: 'amount' }],
    })),
    ...(
      [
        ['bigint', 'integer'],
        ['integer', 'smallint'],
        ['numeric(8,2)', 'numeric(6,2)'],
        ['numeric', 'numeric(12,2)'],
        // another scale rounds the model's values (or the database's)
        ['numeric(6,2)', 'numeric(8,3)'],
        ['numeric(6,2)', 'numeric(8,1)'],
        ['double precision', 'real'],
        ['timestamp', 'timestamp(3)'],
        ['time(4)', 'time(2) with time zone'],
        ['timestamp(3)', 'timestamptz'],
        ['bit varying(8)', 'bit varying(4)'],
        // blank padding changes what is read back
        ['char(2)', 'char(4)'],
        ['char(2)', 'varchar(4)'],
        ['integer', 'numeric'],
        ['integer[]', 'bigint'],
        ['smallint', 'bigint[]'],
        // every value fits, but node-postgres reads bigint as a string where the model reads a number
        ['int2', 'int8'],
        ['integer[]', 'bigint[]'],
      ] as const
    ).map(([model, database]) => ({
      name: `${model} in the model, ${database} in the database: an error`,
      expected: users(['amount', model]),
      actual: usersInDb(['amount', database]),
      findings: [{ severity: 'error' as const, table: 'users', column: 'amount' }],
    })),
    {
      name: 'numeric(10,2) in the model, numeric(10,4) in the database: says which values are rejected, and why',
      expected: users(['price', 'numeric(10,2)']),
      actual: usersInDb(['price', 'numeric(10,4)']),
      findings: [
        {
          severity: 'error',
          table: 'users',
          column: 'price',
          message:
            'users.price is numeric(10,2) in User (typeorm) but numeric(10,4) in the database: integer digits go from 8 to 6, so values of 10^6 or more that the model accepts are rejected (numeric field overflow); values read back may carry 4 decimal places where the model declares 2',
        },
      ],
    },
    {
      name: 'numeric(10,4) in the model, numeric(10,2) in the database: the database rounds',
      expected: users(['price', 'numeric(10,4)']),
      actual: usersInDb(['price', 'numeric(10,2)']),
      findings: [
        {
          severity: 'error',
          table: 'users',
          column: 'price',
          message:
            'users.price is numeric(10,4) in User (typeorm) but numeric(10,2) in the database: integer digits go from 6 to 8, so the database accepts values of 10^6 or more that the model does not; the database rounds values to 2 decimal places where the model declares 4',
        },
      ],
    },
    {
      name: 'a wider varchar under Drizzle and Sequelize: says what each ORM checks',
      expected: schema([
        table('users', [id, column('code', 'varchar(20)')], { primaryKey: ['id'], sources: [source('users', 'drizzle')] }),
        table('accounts', [id, column('code', 'varchar(20)')], { primaryKey: ['id'], sources: [source('Account', 'sequelize')] }),
      ]),
      actual: schema([
        dbTable('users', [id, column('code', 'varchar(40)')], { primaryKey: ['id'] }),
        dbTable('accounts', [id, column('code', 'varchar(40)')], { primaryKey: ['id'] }),
      ]),
      findings: [
        {
          severity: 'warning',
          table: 'accounts',
          column: 'code',
          message:
            'accounts.code is character varying(40) in the database, wider than character varying(20) in Account (sequelize): the database accepts values that character varying(20) does not hold (Sequelize checks no length or size unless the model declares a validate rule, such as len), and code that assumes character varying(20) may break when it reads them',
        },
        {
          severity: 'warning',
          table: 'users',
          column: 'code',
          message:
            'users.code is character varying(40) in the database, wider than character varying(20) in users (drizzle): the database accepts values that character varying(20) does not hold (Drizzle writes values without checking them against the declared type), and code that assumes character varying(20) may break when it reads them',
        },
      ],
    },
    {
      name: 'varchar(50) in the model, varchar(20) in the database: a narrower varchar: writes of the longer values fail',
      expected: users(['amount', 'varchar(50)']),
      actual: usersInDb(['amount', 'varchar(20)']),
      findings: [
        {
          severity: 'error',
          table: 'users',
          column: 'amount',
          message:
            'users.amount is character varying(50) in User (typeorm) but character varying(20) in the database: writes of 21–50 characters fail (value too long for type character varying(20))',
        },
      ],
    },
    {
      name: 'text in the model, varchar(20) in the database: varchar(n) for text: writes of more than n characters fail',
      expected: users(['amount', 'text']),
      actual: usersInDb(['amount', 'varchar(20)']),
      findings: [
        {
          severity: 'error',
          table: 'users',
          column: 'amount',
          message:
            'users.amount is text in User (typeorm) but character varying(20) in the database: writes of more than 20 characters fail (value too long for type character varying(20))',
        },
      ],
    },
    {
      name: 'bigint in the model, integer in the database: integer for bigint: values beyond its range fail',
      expected: users(['amount', 'bigint']),
      actual: usersInDb(['amount', 'integer']),
      findings: [
        {
          severity: 'error',
          table: 'users',
          column: 'amount',
          message:
            "users.amount is bigint in User (typeorm) but integer in the database: values beyond ±2^31 that the model's bigint allows fail (integer out of range)",
        },
      ],
    },
    {
      name: 'bigint in the model, smallint in the database: smallint for bigint: values beyond its range fail',
      expected: users(['amount', 'bigint']),
      actual: usersInDb(['amount', 'smallint']),
      findings: [
        {
          severity: 'error',
          table: 'users',
          column: 'amount',
          message:
            "users.amount is bigint in User (typeorm) but smallint in the database: values beyond ±2^15 that the model's bigint allows fail (smallint out of range)",
        },
      ],
    },
    {
      name: 'integer in the model, smallint in the database: smallint for integer: values beyond its range fail',
      expected: users(['amount', 'integer']),
      actual: usersInDb(['amount', 'smallint']),
      findings: [
        {
          severity: 'error',
          table: 'users',
          column: 'amount',
          message:
            "users.amount is integer in User (typeorm) but smallint in the database: values beyond ±2^15 that the model's integer allows fail (smallint out of range)",
        },
      ],
    },
    {
      name: 'timestamp in the model, timestamptz in the database: timestamptz for timestamp: values are converted with the session time zone',
      expected: users(['amount', 'timestamp']),
      actual: usersInDb(['amount', 'timestamptz']),
      findings: [
        {
          severity: 'error',
          table: 'users',
          column: 'amount',
          message:
            "users.amount is timestamp without time zone in User (typeorm) but timestamp with time zone in the database: values written are taken as local time in the session's time zone (TimeZone) and converted, and read back in the reading session's: the instant read back may differ from the one written",
        },
      ],
    },
    {
      name: 'timestamptz in the model, timestamp in the database: timestamp for timestamptz: values lose their time zone',
      expected: users(['amount', 'timestamptz']),
      actual: usersInDb(['amount', 'timestamp']),
      findings: [
        {
          severity: 'error',
          table: 'users',
          column: 'amount',
          message:
            "users.amount is timestamp with time zone in User (typeorm) but timestamp without time zone in the database: values written lose their time zone: the local time in the session's time zone (TimeZone) is stored, so the instant read back may differ from the one written",
        },
      ],
    },
    {
      name: 'time in the model, timetz in the database: timetz for time: values are converted with the session time zone',
      expected: users(['amount', 'time']),
      actual: usersInDb(['amount', 'timetz']),
      findings: [
        {
          severity: 'error',
          table: 'users',
          column: 'amount',
          message:
            "users.amount is time without time zone in User (typeorm) but time with time zone in the database: values written are taken as local time in the session's time zone (TimeZone) and converted, and read back in the reading session's: the time read back may differ from the one written",
        },
      ],
    },
    {
      name: 'timestamp in the model, timestamp(3) in the database: fewer fractional-second digits: the database rounds',
      expected: users(['amount', 'timestamp']),
      actual: usersInDb(['amount', 'timestamp(3)']),
      findings: [
        {
          severity: 'error',
          table: 'users',
          column: 'amount',
          message:
            'users.amount is timestamp without time zone in User (typeorm) but timestamp(3) without time zone in the database: the database rounds values to 3 fractional-second digits where the model declares 6',
        },
      ],
    },
    {
      name: 'double precision in the model, real in the database: real for double precision: values read back rounded',
      expected: users(['amount', 'double precision']),
      actual: usersInDb(['amount', 'real']),
      findings: [
        {
          severity: 'error',
          table: 'users',
          column: 'amount',
          message:
            "users.amount is double precision in User (typeorm) but real in the database: values keep about 6 significant digits where the model's double precision keeps 15: they read back rounded",
        },
      ],
    },
    {
      name: 'varchar(10) in the model, char(4) in the database: char(n) for varchar: longer writes fail, shorter values read back padded',
      expected: users(['amount', 'varchar(10)']),
      actual: usersInDb(['amount', 'char(4)']),
      findings: [
        {
          severity: 'error',
          table: 'users',
          column: 'amount',
          message:
            'users.amount is character varying(10) in User (typeorm) but character(4) in the database: writes of 5–10 characters fail (value too long for type character(4)); shorter values read back padded with blanks to 4 characters',
        },
      ],
    },
    {
      name: 'char(4) in the model, varchar(4) in the database: varchar for char(n): values read back without the blank padding',
      expected: users(['amount', 'char(4)']),
      actual: usersInDb(['amount', 'varchar(4)']),
      findings: [
        {
          severity: 'error',
          table: 'users',
          column: 'amount',
          message:
            "users.amount is character(4) in User (typeorm) but character varying(4) in the database: values read back without the blank padding to 4 characters that the model's character(4) gives",
        },
      ],
    },
    {
      name: 'char(2) in the model, char(4) in the database: a longer char(n): values read back padded further',
      expected: users(['amount', 'char(2)']),
      actual: usersInDb(['amount', 'char(4)']),
      findings: [
        {
          severity: 'error',
          table: 'users',
          column: 'amount',
          message:
            'users.amount is character(2) in User (typeorm) but character(4) in the database: shorter values read back padded with blanks to 4 characters',
        },
      ],
    },
    {
      name: 'bit varying(8) in the model, bit varying(4) in the database: a shorter bit varying: longer writes fail',
      expected: users(['amount', 'bit varying(8)']),
      actual: usersInDb(['amount', 'bit varying(4)']),
      findings: [
        {
          severity: 'error',
          table: 'users',
          column: 'amount',
          message:
            'users.amount is bit varying(8) in User (typeorm) but bit varying(4) in the database: writes of more than 4 bits fail (bit string too long for type bit varying(4))',
        },
      ],
    },
    {
      name: 'varchar(50)[] in the model, varchar(20)[] in the database: an array of a narrower varchar: writes of the longer elements fail',
      expected: users(['amount', 'varchar(50)[]']),
      actual: usersInDb(['amount', 'varchar(20)[]']),
      findings: [
        {
          severity: 'error',
          table: 'users',
          column: 'amount',
          message:
            'users.amount is character varying(50)[] in User (typeorm) but character varying(20)[] in the database: writes of elements of 21–50 characters fail (value too long for type character varying(20))',
        },
      ],
    },
    {
      name: 'text[] in the model, text in the database: a scalar for an array',
      expected: users(['amount', 'text[]']),
      actual: usersInDb(['amount', 'text']),
      findings: [
        {
          severity: 'error',
          table: 'users',
          column: 'amount',
          message:
            'users.amount is text[] in User (typeorm) but text in the database: the model reads and writes arrays where the database holds one value per row: an array written fails (malformed literal) or is stored as its text',
        },
      ],
    },
    {
      name: 'text in the model, text[] in the database: an array for a scalar',
      expected: users(['amount', 'text']),
      actual: usersInDb(['amount', 'text[]']),
      findings: [
        {
          severity: 'error',
          table: 'users',
          column: 'amount',
          message:
            'users.amount is text in User (typeorm) but text[] in the database: the database holds arrays where the model reads and writes one value: an array read back is no value of the model, and a value written fails (malformed array literal)',
        },
      ],
    },
    {
      name: 'uuid in the model, integer in the database',
      expected: users(['external_id', 'uuid']),
      actual: usersInDb(['external_id', 'int4']),
      findings: [{ severity: 'error', table: 'users', column: 'external_id', expected: { type: 'uuid' }, actual: { type: 'integer' } }],
    },
    {
      name: 'an array in the model, a scalar in the database',
      expected: users(['tags', 'text[]']),
      actual: usersInDb(['tags', 'text']),
      findings: [{ severity: 'error', table: 'users', column: 'tags', expected: { type: 'text[]' }, actual: { type: 'text' } }],
    },
    {
      name: 'timestamp in the model, timestamptz in the database',
      expected: users(['created_at', 'timestamp']),
      actual: usersInDb(['created_at', 'timestamptz']),
      findings: [
        {
          severity: 'error',
          table: 'users',
          column: 'created_at',
          expected: { type: 'timestamp without time zone' },
          actual: { type: 'timestamp with time zone' },
        },
      ],
    },
  ],
});

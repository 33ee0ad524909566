import { describe, expect, it } from 'vitest';
import { enumColumnType, formatColumnType, parseColumnType, sameColumnType } from '@ormdrift/core';

/** What format_type() prints for each spelling an ORM or the catalog may use; `[]` marks an array. */
const canonical: readonly (readonly [spelling: string, formatted: string])[] = [
  ['int4', 'integer'],
  ['integer', 'integer'],
  ['serial', 'integer'],
  ['int8', 'bigint'],
  ['bigserial', 'bigint'],
  ['int2', 'smallint'],
  ['float4', 'real'],
  ['float8', 'double precision'],
  ['float', 'double precision'],
  ['float(24)', 'real'],
  ['float(25)', 'double precision'],
  ['float(53)', 'double precision'],
  ['double precision', 'double precision'],
  ['bool', 'boolean'],
  ['decimal', 'numeric'],
  ['numeric', 'numeric'],
  ['numeric(12)', 'numeric(12,0)'],
  ['numeric(10, 2)', 'numeric(10,2)'],
  ['NUMERIC(10,2)', 'numeric(10,2)'],
  ['varchar', 'character varying'],
  ['varchar(255)', 'character varying(255)'],
  ['character varying(255)', 'character varying(255)'],
  ['VARCHAR(255)', 'character varying(255)'],
  ['char', 'character(1)'],
  ['character', 'character(1)'],
  ['char(2)', 'character(2)'],
  // The catalog's bpchar without a length is not character(1): it takes any length.
  ['bpchar', 'bpchar'],
  ['text', 'text'],
  ['uuid', 'uuid'],
  ['jsonb', 'jsonb'],
  ['timestamp', 'timestamp without time zone'],
  // 6 is the default precision: timestamp(6) is the same type as timestamp.
  ['timestamp(6)', 'timestamp without time zone'],
  ['timestamp(3)', 'timestamp(3) without time zone'],
  ['timestamptz', 'timestamp with time zone'],
  ['TIMESTAMP WITH TIME ZONE', 'timestamp with time zone'],
  ['timestamp(3) with time zone', 'timestamp(3) with time zone'],
  ['TIMESTAMP(3) WITH TIME ZONE', 'timestamp(3) with time zone'],
  ['time', 'time without time zone'],
  ['timetz', 'time with time zone'],
  ['text[]', 'text[]'],
  ['_text', 'text[]'],
  ['text array', 'text[]'],
  ['character varying(30)[]', 'character varying(30)[]'],
  ['_varchar', 'character varying[]'],
  ['bit', 'bit(1)'],
  ['varbit', 'bit varying'],
];

describe('parseColumnType / formatColumnType', () => {
  it.each(canonical)('%s is %s', (spelling, formatted) => {
    const type = parseColumnType(spelling);
    expect(type).toEqual({ raw: spelling, name: formatted.replace(/\[\]$/, ''), arrayDims: formatted.endsWith('[]') ? 1 : 0 });
    expect(formatColumnType(type)).toBe(formatted);
  });

  it('keeps the case of quoted parts, as PostgreSQL folds only unquoted identifiers', () => {
    expect(formatColumnType(parseColumnType('"Audit"."Email"'))).toBe('"Audit"."Email"');
    expect(formatColumnType(parseColumnType('"Audit"."Email Address"[]'))).toBe('"Audit"."Email Address"[]');
    expect(formatColumnType(parseColumnType('Audit.Email'))).toBe('audit.email');
    expect(sameColumnType(parseColumnType('"Audit"."Email"'), parseColumnType('audit.email'))).toBe(false);
    expect(formatColumnType(parseColumnType('CHARACTER  VARYING(30)'))).toBe('character varying(30)');
  });

  it('takes the number of array dimensions from the catalog when the spelling has none', () => {
    expect(formatColumnType(parseColumnType('text', { arrayDims: 1 }))).toBe('text[]');
  });

  it('prints a multi-dimensional array with one pair of brackets, as format_type() does', () => {
    const type = parseColumnType('int4[][]');
    expect(type.arrayDims).toBe(2);
    expect(formatColumnType(type)).toBe('integer[]');
  });

  it('ignores an array size, which PostgreSQL does not enforce (integer[3] is integer[])', () => {
    expect(formatColumnType(parseColumnType('integer[3]'))).toBe('integer[]');
  });
});

describe('sameColumnType', () => {
  /** Every spelling in a group is the same PostgreSQL type. */
  const sameType: readonly (readonly string[])[] = [
    ['int4', 'integer', 'int', 'serial', 'serial4'],
    ['int8', 'bigint', 'bigserial'],
    ['int2', 'smallint', 'smallserial'],
    ['float4', 'real', 'float(24)', 'float(1)'],
    ['float8', 'double precision', 'float', 'float(25)', 'float(53)'],
    ['bool', 'boolean'],
    ['decimal', 'numeric'],
    ['numeric(12)', 'numeric(12,0)', 'NUMERIC(12, 0)', 'decimal(12)'],
    ['numeric(10, 2)', 'NUMERIC(10,2)', 'decimal(10,2)'],
    ['varchar', 'character varying'],
    ['varchar(255)', 'character varying(255)', 'VARCHAR(255)'],
    ['char', 'character', 'char(1)', 'character(1)'],
    ['char(2)', 'character(2)', 'bpchar(2)'],
    ['timestamp', 'timestamp(6)', 'timestamp without time zone', 'TIMESTAMP WITHOUT TIME ZONE'],
    ['timestamptz', 'timestamp with time zone', 'TIMESTAMP WITH TIME ZONE', 'timestamptz(6)'],
    ['timestamp(3) with time zone', 'TIMESTAMP(3) WITH TIME ZONE', 'timestamptz(3)'],
    ['timestamp(3)', 'timestamp(3) without time zone'],
    ['time', 'time without time zone'],
    ['timetz', 'time with time zone'],
    // PostgreSQL does not enforce the number of dimensions.
    ['text[]', '_text', 'text array', 'text[][]'],
    ['character varying(30)[]', 'varchar(30)[]'],
    ['_varchar', 'varchar[]', 'character varying array'],
    ['bit', 'bit(1)'],
    ['varbit', 'bit varying'],
  ];
  const pairs = sameType.flatMap((group) => group.slice(1).map((other) => [group[0]!, other] as const));

  it.each(pairs)('%s = %s', (a, b) => {
    expect(sameColumnType(parseColumnType(a), parseColumnType(b))).toBe(true);
    expect(sameColumnType(parseColumnType(b), parseColumnType(a))).toBe(true);
  });

  const differentTypes: readonly (readonly [string, string])[] = [
    ['integer', 'bigint'],
    ['smallint', 'integer'],
    ['real', 'double precision'],
    ['numeric', 'numeric(10,2)'],
    ['numeric(10,2)', 'numeric(12,2)'],
    ['numeric(12)', 'numeric(12,2)'],
    ['varchar', 'varchar(255)'],
    ['varchar(255)', 'varchar(50)'],
    ['varchar(10)', 'text'],
    ['char', 'char(2)'],
    ['char', '"char"'],
    ['bpchar', 'char'],
    ['timestamp', 'timestamptz'],
    ['timestamp', 'timestamp(3)'],
    ['timestamptz', 'timestamp(3) with time zone'],
    ['time', 'timetz'],
    ['date', 'timestamp'],
    ['text', 'text[]'],
    ['_varchar', 'varchar'],
    ['_int4', 'int4'],
    ['json', 'jsonb'],
    ['uuid', 'text'],
    ['bit', 'varbit'],
  ];

  it.each(differentTypes)('%s ≠ %s', (a, b) => {
    expect(sameColumnType(parseColumnType(a), parseColumnType(b))).toBe(false);
    expect(sameColumnType(parseColumnType(b), parseColumnType(a))).toBe(false);
  });
});

describe('enumColumnType', () => {
  const publicRole = { schema: 'public', name: 'accounts_role_enum' };
  const auditStatus = { schema: 'audit', name: 'status' };

  it('names an enum type in public by its bare name', () => {
    const type = enumColumnType('accounts_role_enum', publicRole);
    expect(type).toEqual({ raw: 'accounts_role_enum', name: 'accounts_role_enum', arrayDims: 0, enum: publicRole });
    expect(formatColumnType(type)).toBe('accounts_role_enum');
  });

  it('qualifies an enum type in another schema', () => {
    const type = enumColumnType('status', auditStatus);
    expect(type).toEqual({ raw: 'status', name: 'audit.status', arrayDims: 0, enum: auditStatus });
    expect(formatColumnType(type)).toBe('audit.status');
  });

  it('prints an enum array with brackets', () => {
    expect(formatColumnType(enumColumnType('_status', auditStatus, 1))).toBe('audit.status[]');
    expect(formatColumnType(enumColumnType('_accounts_role_enum', publicRole, 1))).toBe('accounts_role_enum[]');
  });

  it.each([
    {
      pair: 'the same enum from the model and from the catalog',
      a: enumColumnType('accounts_role_enum', publicRole),
      b: enumColumnType('"accounts_role_enum"', publicRole),
      same: true,
    },
    {
      pair: 'enums of the same name in two schemas',
      a: enumColumnType('status', { schema: 'public', name: 'status' }),
      b: enumColumnType('status', auditStatus),
      same: false,
    },
    { pair: 'an enum and its array', a: enumColumnType('status', auditStatus), b: enumColumnType('_status', auditStatus, 1), same: false },
    { pair: 'an enum and text', a: enumColumnType('accounts_role_enum', publicRole), b: parseColumnType('text'), same: false },
    { pair: 'an enum and varchar', a: enumColumnType('accounts_role_enum', publicRole), b: parseColumnType('varchar'), same: false },
  ])('sameColumnType: $pair → $same', ({ a, b, same }) => {
    expect(sameColumnType(a, b)).toBe(same);
    expect(sameColumnType(b, a)).toBe(same);
  });
});

import { describe, expect, it } from 'vitest';
import { DataTypes, type ModelAttributeColumnOptions } from 'sequelize';
import { describeColumn, loadModel } from './load-model.ts';

/**
 * Each Sequelize type as the PostgreSQL type `sync()` creates (checked against a real
 * database by the oracle test), in `format_type()`'s spelling, as reports show it.
 */
const types: readonly (readonly [label: string, expected: string, type: ModelAttributeColumnOptions['type']])[] = [
  ['STRING', 'character varying(255)', DataTypes.STRING],
  ['STRING(40)', 'character varying(40)', DataTypes.STRING(40)],
  ['STRING.BINARY', 'bytea', (DataTypes.STRING as unknown as { BINARY: ModelAttributeColumnOptions['type'] }).BINARY],
  ['CHAR', 'character(255)', DataTypes.CHAR],
  ['CHAR(2)', 'character(2)', DataTypes.CHAR(2)],
  ['TEXT', 'text', DataTypes.TEXT],
  ["TEXT('long') (options dropped for PostgreSQL)", 'text', DataTypes.TEXT('long')],
  ['CITEXT', 'citext', DataTypes.CITEXT],
  ['INTEGER', 'integer', DataTypes.INTEGER],
  ['INTEGER(11) (length dropped)', 'integer', (DataTypes.INTEGER as unknown as (length: number) => ModelAttributeColumnOptions['type'])(11)],
  ['BIGINT', 'bigint', DataTypes.BIGINT],
  ['SMALLINT', 'smallint', DataTypes.SMALLINT],
  ['FLOAT', 'double precision', DataTypes.FLOAT],
  ['FLOAT(10)', 'real', DataTypes.FLOAT(10)],
  ['REAL', 'real', DataTypes.REAL],
  ['DOUBLE', 'double precision', DataTypes.DOUBLE],
  ['DECIMAL', 'numeric', DataTypes.DECIMAL],
  ['DECIMAL(10, 2)', 'numeric(10,2)', DataTypes.DECIMAL(10, 2)],
  ['DECIMAL(12)', 'numeric(12,0)', DataTypes.DECIMAL(12)],
  ['BOOLEAN (not TINYINT(1), as a standalone toSql() says)', 'boolean', DataTypes.BOOLEAN],
  ['DATE', 'timestamp with time zone', DataTypes.DATE],
  ['DATE(3) (precision dropped for PostgreSQL)', 'timestamp with time zone', DataTypes.DATE(3)],
  ['DATEONLY', 'date', DataTypes.DATEONLY],
  ['TIME', 'time without time zone', DataTypes.TIME],
  ['UUID', 'uuid', DataTypes.UUID],
  ['JSON', 'json', DataTypes.JSON],
  ['JSONB', 'jsonb', DataTypes.JSONB],
  ['BLOB', 'bytea', DataTypes.BLOB],
  ["BLOB('long')", 'bytea', DataTypes.BLOB('long')],
  ['INET', 'inet', DataTypes.INET],
  ['CIDR', 'cidr', DataTypes.CIDR],
  ['MACADDR', 'macaddr', DataTypes.MACADDR],
  ['TSVECTOR', 'tsvector', DataTypes.TSVECTOR],
  ['RANGE(INTEGER)', 'int4range', DataTypes.RANGE(DataTypes.INTEGER)],
  ['RANGE(DATE)', 'tstzrange', DataTypes.RANGE(DataTypes.DATE)],
  ['ARRAY(STRING(30))', 'character varying(30)[]', DataTypes.ARRAY(DataTypes.STRING(30))],
  ['ARRAY(INTEGER)', 'integer[]', DataTypes.ARRAY(DataTypes.INTEGER)],
  ['ARRAY(TEXT)', 'text[]', DataTypes.ARRAY(DataTypes.TEXT)],
  ['ARRAY(DECIMAL(6, 2))', 'numeric(6,2)[]', DataTypes.ARRAY(DataTypes.DECIMAL(6, 2))],
  ["'TIMESTAMP' (a string is sent verbatim)", 'timestamp without time zone', 'TIMESTAMP'],
  ["'TIMESTAMP WITH TIME ZONE'", 'timestamp with time zone', 'TIMESTAMP WITH TIME ZONE'],
  ["'VARCHAR(20)'", 'character varying(20)', 'VARCHAR(20)'],
  ["'int4'", 'integer', 'int4'],
];

describe('Sequelize data types as PostgreSQL types', () => {
  it.each(types)('%s → %s', async (_label, expected, type) => {
    const { table, problems } = await loadModel({ value: { type } });
    expect(describeColumn(table, 'value')?.type).toBe(expected);
    expect(problems).toEqual([]);
  });

  it('names an ENUM column type enum_<table>_<column>, in the table schema, with its values in order', async () => {
    const { table, schema } = await loadModel(
      { tier: { type: DataTypes.ENUM('gold', 'silver', 'bronze'), field: 'member_tier' } },
      { tableName: 'Members', schema: 'club' },
    );
    expect(describeColumn(table, 'member_tier')?.type).toBe('club.enum_Members_member_tier');
    expect(schema.enums.map(({ schema: enumSchema, name, values }) => ({ schema: enumSchema, name, values }))).toEqual([
      { schema: 'club', name: 'enum_Members_member_tier', values: ['gold', 'silver', 'bronze'] },
    ]);
  });

  it('reads ENUM values given as the values option', async () => {
    const { schema } = await loadModel({ tier: { type: DataTypes.ENUM, values: ['a', 'b'] } }, { tableName: 'members' });
    expect(schema.enums.map((declared) => [declared.name, declared.values])).toEqual([['enum_members_tier', ['a', 'b']]]);
  });

  it('makes ARRAY(ENUM) an array of the enum type Sequelize creates', async () => {
    const { table, schema } = await loadModel({ colors: DataTypes.ARRAY(DataTypes.ENUM('red', 'green')) }, { tableName: 'paints' });
    expect(describeColumn(table, 'colors')?.type).toBe('enum_paints_colors[]');
    expect(schema.enums.map((declared) => [declared.name, declared.values])).toEqual([['enum_paints_colors', ['red', 'green']]]);
  });

  it('cuts an enum type name to the 63 bytes PostgreSQL keeps', async () => {
    const { table, schema } = await loadModel({ deliveryChannelOverride: DataTypes.ENUM('email', 'sms') }, { tableName: 'user_notification_preferences' });
    const name = 'enum_user_notification_preferences_deliveryChannelOverride'.slice(0, 63);
    expect(schema.enums.map((declared) => declared.name)).toEqual([name]);
    expect(describeColumn(table, 'deliveryChannelOverride')?.type).toBe(name);
  });

  it('creates no column for a VIRTUAL attribute', async () => {
    const { table } = await loadModel({ name: DataTypes.STRING, label: { type: DataTypes.VIRTUAL, get: () => 'x' } });
    expect(table.columns.map((column) => column.name)).toEqual(['id', 'name']);
  });

  it.each([
    ['TINYINT', DataTypes.TINYINT],
    ['MEDIUMINT', DataTypes.MEDIUMINT],
    ['NUMBER', DataTypes.NUMBER],
  ] as const)('reports DataTypes.%s, which PostgreSQL rejects, as a problem and leaves the column out', async (key, type) => {
    const { table, problems } = await loadModel({ flag: { type } });
    expect(table.columns.map((column) => column.name)).toEqual(['id']);
    expect(problems).toEqual([
      { type: 'unsupported-type', ref: 'Thing.flag', message: expect.stringContaining(`DataTypes.${key} has no PostgreSQL equivalent`) },
    ]);
  });
});

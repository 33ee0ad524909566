import { describe, expect, it } from 'vitest';
import { DataTypes, Sequelize, type ModelAttributeColumnOptions } from 'sequelize';
import { describeColumn, loadModel } from './load-model.ts';

/** Defaults as Sequelize sends them in CREATE TABLE, rendered by its own query generator. */
const databaseDefaults: readonly (readonly [label: string, attribute: ModelAttributeColumnOptions, expected: string])[] = [
  ['a string', { type: DataTypes.STRING, defaultValue: 'active' }, `'active'`],
  ['a string with a quote', { type: DataTypes.STRING, defaultValue: "it's" }, `'it''s'`],
  ['an integer', { type: DataTypes.INTEGER, defaultValue: 0 }, '0'],
  ['a negative integer', { type: DataTypes.INTEGER, defaultValue: -1 }, '-1'],
  ['a float', { type: DataTypes.FLOAT, defaultValue: 1.5 }, `'1.5'`],
  ['a decimal string', { type: DataTypes.DECIMAL(10, 2), defaultValue: '1.50' }, `'1.50'`],
  ['a boolean', { type: DataTypes.BOOLEAN, defaultValue: false }, 'false'],
  ['an enum value', { type: DataTypes.ENUM('a', 'b'), defaultValue: 'b' }, `'b'`],
  ['a JSONB object', { type: DataTypes.JSONB, defaultValue: { a: 1 } }, `'{"a":1}'`],
  ['an empty array', { type: DataTypes.ARRAY(DataTypes.STRING(30)), defaultValue: [] }, 'ARRAY[]::VARCHAR(30)[]'],
  ['an integer array', { type: DataTypes.ARRAY(DataTypes.INTEGER), defaultValue: [7, 13] }, 'ARRAY[7,13]::INTEGER[]'],
  ['a DATEONLY string', { type: DataTypes.DATEONLY, defaultValue: '2020-01-31' }, `'2020-01-31'`],
  ["Sequelize.literal('CURRENT_TIMESTAMP')", { type: DataTypes.DATE, defaultValue: Sequelize.literal('CURRENT_TIMESTAMP') }, 'CURRENT_TIMESTAMP'],
  ["Sequelize.fn('now')", { type: DataTypes.DATE, defaultValue: Sequelize.fn('now') }, 'now()'],
];

/** Defaults Sequelize computes in JavaScript when it inserts: the database has none. */
const javascriptDefaults: readonly (readonly [label: string, attribute: ModelAttributeColumnOptions])[] = [
  ['DataTypes.UUIDV4', { type: DataTypes.UUID, defaultValue: DataTypes.UUIDV4 }],
  ['DataTypes.UUIDV1', { type: DataTypes.UUID, defaultValue: DataTypes.UUIDV1 }],
  ['DataTypes.NOW', { type: DataTypes.DATE, defaultValue: DataTypes.NOW }],
  ['new DataTypes.NOW()', { type: DataTypes.DATE, defaultValue: new DataTypes.NOW() }],
  ['a function', { type: DataTypes.STRING, defaultValue: () => 'computed' }],
  ['null', { type: DataTypes.STRING, defaultValue: null }],
  ['no defaultValue', { type: DataTypes.STRING }],
];

describe('Sequelize defaults', () => {
  it.each(databaseDefaults)('%s is a database default', async (_label, attribute, expected) => {
    const { table, problems } = await loadModel({ value: attribute });
    expect(describeColumn(table, 'value')?.default).toBe(expected);
    expect(problems).toEqual([]);
  });

  it.each(javascriptDefaults)('%s is not a database default', async (_label, attribute) => {
    const { table } = await loadModel({ value: attribute });
    expect(describeColumn(table, 'value')?.default).toBeNull();
  });

  it('makes autoIncrement a serial column: NOT NULL, numbered by its sequence', async () => {
    const { table } = await loadModel({ id: { type: DataTypes.BIGINT, autoIncrement: true, primaryKey: true } }, { tableName: 'Audit Log' });
    expect(describeColumn(table, 'id')).toEqual({ type: 'bigint', nullable: false, default: `nextval('"Audit Log_id_seq"'::regclass)`, identity: null });
  });

  it('gives the default id of a model without a primary key a serial default', async () => {
    const { table } = await loadModel({ name: DataTypes.STRING }, { tableName: 'things', schema: 'inventory' });
    expect(describeColumn(table, 'id')).toEqual({ type: 'integer', nullable: false, default: `nextval('inventory.things_id_seq'::regclass)`, identity: null });
  });

  it('makes autoIncrementIdentity an identity column with no default', async () => {
    const { table } = await loadModel({ id: { type: DataTypes.INTEGER, autoIncrement: true, autoIncrementIdentity: true, primaryKey: true } });
    expect(describeColumn(table, 'id')).toEqual({ type: 'integer', nullable: false, default: null, identity: 'by-default' });
  });

  it('reports a default Sequelize cannot render (sync() would throw too) and checks the rest of the column', async () => {
    const circular: Record<string, unknown> = {};
    circular['self'] = circular;
    const { table, problems } = await loadModel({ settings: { type: DataTypes.JSONB, allowNull: false, defaultValue: circular } });
    expect(describeColumn(table, 'settings')).toEqual({ type: 'jsonb', nullable: false, default: null, identity: null });
    expect(problems).toEqual([
      {
        type: 'unsupported-type',
        ref: 'Thing.settings',
        message: 'its defaultValue cannot be rendered as SQL (Converting circular structure to JSON); the default is not checked',
      },
    ]);
  });
});

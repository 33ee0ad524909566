import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresIdentifier } from '@ormdrift/core';
import { sequelizeSource } from '@ormdrift/sequelize';
import { createFieldSequelize } from './fixtures/sequelize/field-models.ts';
import { checkDatabase, summarize } from './support/check-database.ts';
import { checksEachMutation, type Mutation } from './support/mutations.ts';
import { createTestDatabase, type TestDatabase } from './support/test-database.ts';

const longTable = postgresIdentifier('quarterly_regional_distribution_center_inventory_reconciliation_items');

const mutations: Mutation[] = [
  {
    name: 'drop the default of a NOT NULL column whose defaultValue Sequelize sends itself',
    sql: 'alter table visitors alter column role drop default',
    findings: [{ code: 'default-mismatch', severity: 'warning', table: 'visitors', column: 'role' }],
  },
  {
    name: 'add a unique to a many-to-many through table kept non-unique',
    sql: 'alter table visits add constraint visits_pair_key unique ("visitorId", "visitedTeamId")',
    findings: [{ code: 'extra-constraint', severity: 'warning', table: 'visits' }],
  },
  {
    name: 'add a check no model declares (validate runs in JavaScript, no model has a check)',
    sql: `alter table visitors add constraint visitors_name_check check (name <> '')`,
    findings: [{ code: 'extra-constraint', severity: 'warning', table: 'visitors' }],
  },
  {
    name: 'drop a column only the wider model declares',
    sql: 'alter table articles drop column body',
    findings: [{ code: 'missing-column', severity: 'error', table: 'articles', column: 'body' }],
  },
  {
    name: 'change an interval default by value',
    sql: `alter table subscriptions alter column "gracePeriod" set default '1 hour 1 second'`,
    findings: [{ code: 'default-mismatch', severity: 'warning', table: 'subscriptions', column: 'gracePeriod' }],
  },
  {
    name: 'change the interval inside an expression default',
    sql: `alter table articles alter column "reviewBy" set default now() + interval '2 days'`,
    findings: [{ code: 'default-mismatch', severity: 'warning', table: 'articles', column: 'reviewBy' }],
  },
  {
    name: 'drop a column of a table whose name PostgreSQL cut',
    sql: `alter table ${longTable} drop column quantity`,
    findings: [{ code: 'missing-column', severity: 'error', table: longTable, column: 'quantity' }],
  },
];

describe('Sequelize field cases: a database built by sync()', () => {
  let synced: TestDatabase;
  const source = (order: 'article-first' | 'draft-first' = 'article-first') => sequelizeSource(createFieldSequelize(order), { name: 'field' });

  beforeAll(async () => {
    synced = await createTestDatabase();
    const sequelize = createFieldSequelize('article-only', synced.url);
    await sequelize.sync();
    await sequelize.close();
  });
  afterAll(() => synced?.drop());

  it.each(['article-first', 'draft-first'] as const)('checks with zero findings, with the models of one table in either order (%s)', async (order) => {
    const result = await checkDatabase(synced.url, [source(order)]);
    expect(summarize(result)).toEqual([]);
    expect(result.problems).toEqual([]);
  });

  it('reports a real contradiction between two models of one table, naming both, whatever their order', async () => {
    const messages: string[] = [];
    for (const order of ['article-first', 'draft-first'] as const) {
      const sequelize = createFieldSequelize(order);
      sequelize.define('Headline', { title: { type: 'VARCHAR(80)', allowNull: false } }, { tableName: 'articles', timestamps: false });
      const result = await checkDatabase(synced.url, [sequelizeSource(sequelize, { name: 'field' })]);
      expect(summarize(result)).toEqual([{ code: 'registry-conflict', severity: 'error', table: 'articles' }]);
      messages.push(result.findings[0]!.message);
    }
    expect(messages[0]).toBe(messages[1]);
    expect(messages[0]).toMatch(
      /declared differently by Article \(sequelize field\), Draft \(sequelize field\) and Headline \(sequelize field\): column title: character varying\(200\) not null vs character varying\(80\) not null/,
    );
  });

  checksEachMutation(mutations, { template: () => synced, sources: () => [source('draft-first')] });
});

import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drizzleSource } from '@ormdrift/drizzle';
import { sequelizeSource } from '@ormdrift/sequelize';
import { typeormSource } from '@ormdrift/typeorm';
import * as audit from './fixtures/mixed/audit.drizzle.ts';
import { AccountsDataSource } from './fixtures/mixed/accounts.typeorm.ts';
import { createOrdersSequelize, ordersSequelize } from './fixtures/mixed/orders.sequelize.ts';
import { drizzleKitSql } from './fixtures/drizzle/drizzle-kit-sql.ts';
import { checkDatabase, summarize } from './support/check-database.ts';
import { runCli } from './support/run-cli.ts';
import { createTestDatabase, type TestDatabase } from './support/test-database.ts';
import { synchronize } from './support/typeorm-sync.ts';

const fixtures = resolve(import.meta.dirname, 'fixtures/mixed');
const modules = ['accounts.typeorm.ts', 'orders.sequelize.ts', 'audit.drizzle.ts'];

describe('one database, its tables owned by TypeORM, Sequelize and Drizzle models', () => {
  let database: TestDatabase;
  const sources = () => [
    typeormSource(AccountsDataSource, { name: 'accounts' }),
    sequelizeSource(ordersSequelize, { name: 'orders' }),
    drizzleSource(audit, { name: 'audit' }),
  ];

  beforeAll(async () => {
    // each service builds its own tables with its own ORM's tooling
    database = await createTestDatabase();
    await synchronize(AccountsDataSource, database.url);
    const orders = createOrdersSequelize(database.url);
    await orders.sync();
    await orders.close();
    for (const statement of await drizzleKitSql(audit)) await database.query(statement);
  });
  afterAll(() => database?.drop());

  it('checks with zero findings, a foreign key crossing from Sequelize into TypeORM included', async () => {
    const result = await checkDatabase(database.url, sources());
    expect(result.findings).toEqual([]);
    expect(result.summary).toEqual({ errors: 0, warnings: 0, tables: 3 });
  });

  it('names the ORM, registry and model of each drifted table', async () => {
    const drifted = await createTestDatabase({ template: database });
    try {
      await drifted.query(`
        alter table accounts drop column created_at;
        alter table orders drop constraint orders_account_id_fkey;
        alter table audit_events alter column action drop not null`);
      const result = await checkDatabase(drifted.url, sources());
      expect(summarize(result)).toEqual([
        { code: 'missing-column', severity: 'error', table: 'accounts', column: 'created_at' },
        { code: 'nullability-mismatch', severity: 'warning', table: 'audit_events', column: 'action' },
        { code: 'missing-foreign-key', severity: 'warning', table: 'orders', column: 'account_id' },
      ]);
      expect(result.findings.map((finding) => finding.sources)).toEqual([
        [{ orm: 'typeorm', registry: 'accounts', model: 'Account' }],
        [{ orm: 'drizzle', registry: 'audit', model: 'auditEvents' }],
        [{ orm: 'sequelize', registry: 'orders', model: 'Order' }],
      ]);
    } finally {
      await drifted.drop();
    }
  });

  it('is found by the CLI in the three modules with no flag', async () => {
    const run = await runCli(['check', ...modules, '--db', database.url, '--format', 'json'], { cwd: fixtures });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).summary).toEqual({ errors: 0, warnings: 0, tables: 3 });
  });
});

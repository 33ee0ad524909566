import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sequelizeSource } from '@ormdrift/sequelize';
import { DataTypes, Sequelize } from 'sequelize';
import { checkDatabase, summarize } from './support/check-database.ts';
import { createTestDatabase, type TestDatabase } from './support/test-database.ts';

/** The app's main instance: the one its migrations (here, sync()) know about. */
function mainInstance(url?: string): Sequelize {
  const sequelize = url ? new Sequelize(url, { dialect: 'postgres', logging: false }) : new Sequelize({ dialect: 'postgres', logging: false });
  sequelize.define('User', { email: { type: DataTypes.STRING(320), allowNull: false, unique: true } }, { tableName: 'users', timestamps: false });
  return sequelize;
}

/**
 * Two registries in Sequelize: a second instance whose models no migration tool ever saw. Its code
 * says `user_id` is a UUID, while `users.id` is an integer; one of its tables was created by
 * hand with the right type, the other never.
 */
function billingInstance(): Sequelize {
  const sequelize = new Sequelize({ dialect: 'postgres', logging: false });
  const userKey = { type: DataTypes.UUID, allowNull: false, references: { model: 'users', key: 'id' } };
  sequelize.define(
    'Subscription',
    { userId: { ...userKey, field: 'user_id' }, plan: { type: DataTypes.STRING(40), allowNull: false } },
    { tableName: 'subscriptions', timestamps: false },
  );
  sequelize.define('FaqEntry', { approvedBy: { ...userKey, field: 'approved_by' }, question: DataTypes.TEXT }, { tableName: 'faq_entries', timestamps: false });
  return sequelize;
}

/** The second instance, fixed: the key type its table really has. */
function fixedBillingInstance(): Sequelize {
  const sequelize = new Sequelize({ dialect: 'postgres', logging: false });
  sequelize.define(
    'Subscription',
    {
      userId: { type: DataTypes.INTEGER, allowNull: false, field: 'user_id', references: { model: 'users', key: 'id' } },
      plan: { type: DataTypes.STRING(40), allowNull: false },
    },
    { tableName: 'subscriptions', timestamps: false },
  );
  return sequelize;
}

describe('several Sequelize instances in one check', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
    const sequelize = mainInstance(database.url);
    await sequelize.sync();
    await sequelize.close();
    await database.query(`create table subscriptions (id serial primary key, user_id integer not null references users (id), plan varchar(40) not null)`);
  });
  afterAll(() => database?.drop());

  it('finds the tables and key types of a registry no migration saw', async () => {
    const result = await checkDatabase(database.url, [
      sequelizeSource(mainInstance(), { name: 'main' }),
      sequelizeSource(billingInstance(), { name: 'billing' }),
    ]);
    expect(summarize(result)).toEqual([
      { code: 'missing-table', severity: 'error', table: 'faq_entries' },
      { code: 'fk-type-mismatch', severity: 'error', table: 'faq_entries', column: 'approved_by' },
      { code: 'column-type-mismatch', severity: 'error', table: 'subscriptions', column: 'user_id' },
      { code: 'fk-type-mismatch', severity: 'error', table: 'subscriptions', column: 'user_id' },
    ]);
    expect(result.findings.find((finding) => finding.table === 'subscriptions')?.sources).toEqual([
      { orm: 'sequelize', registry: 'billing', model: 'Subscription' },
    ]);
  });

  it('checks clean once the second registry matches the database', async () => {
    const result = await checkDatabase(database.url, [
      sequelizeSource(mainInstance(), { name: 'main' }),
      sequelizeSource(fixedBillingInstance(), { name: 'billing' }),
    ]);
    expect(result.findings).toEqual([]);
  });

  it('reports two instances that declare one table differently, naming both', async () => {
    const other = new Sequelize({ dialect: 'postgres', logging: false });
    other.define('Account', { email: { type: DataTypes.STRING(100), allowNull: false, unique: true } }, { tableName: 'users', timestamps: false });
    const sources = [
      sequelizeSource(mainInstance(), { name: 'main' }),
      sequelizeSource(fixedBillingInstance(), { name: 'billing' }),
      sequelizeSource(other, { name: 'admin' }),
    ];
    const result = await checkDatabase(database.url, sources);
    expect(summarize(result)).toEqual([{ code: 'registry-conflict', severity: 'error', table: 'users' }]);
    expect(result.findings[0]?.message).toBe(
      'users is declared differently by User (sequelize main) and Account (sequelize admin): column email: character varying(320) not null vs character varying(100) not null',
    );
  });
});

/** Models shared by the rule tables: small schemas that read like the DDL they stand for. */
import type { Provenance } from '@ormdrift/core';
import { column, dbEnum, dbTable, enumColumn, enumType, foreignKey, schema, source, table, type TableOptions } from './models.ts';
import type { DbTableOptions } from './rule-tester.ts';

export const User = source('User');
export const Post = source('Post');
export const UserSession = source('UserSession', 'sequelize');

export const id = column('id', 'integer', { default: `nextval('users_id_seq'::regclass)` });
export const email = column('email', 'varchar(255)');
export const users = (...columns: Parameters<typeof column>[]) =>
  schema([table('users', [id, ...columns.map((args) => column(...args))], { primaryKey: ['id'] })]);
export const usersInDb = (...columns: Parameters<typeof column>[]) =>
  schema([dbTable('users', [id, ...columns.map((args) => column(...args))], { primaryKey: ['id'] })]);

/** users(id) as the models declare it and posts(user_id → users.id); `userIdType` is the FK column's type. */
export const usersTable = (idType: string) => table('users', [column('id', idType)], { primaryKey: ['id'] });
export const usersDbTable = (idType: string) => dbTable('users', [column('id', idType)], { primaryKey: ['id'] });
export const postsTable = (userIdType: string, withForeignKey = true) =>
  table('posts', [column('id', 'integer'), column('user_id', userIdType)], {
    primaryKey: ['id'],
    foreignKeys: withForeignKey ? [foreignKey(['user_id'], 'users(id)')] : [],
    sources: [Post],
  });
export const postsDbTable = (userIdType: string, withForeignKey = true) =>
  dbTable('posts', [column('id', 'integer'), column('user_id', userIdType)], {
    primaryKey: ['id'],
    foreignKeys: withForeignKey ? [foreignKey(['user_id'], 'users(id)')] : [],
  });

/** The three places a foreign key's two types can be read from; each also drifts from the database. */
export const fkTypeVariants = {
  // The model says uuid user_id, the model's user.id is integer (the database, built by a migration, is right).
  models: { expected: schema([usersTable('integer'), postsTable('uuid')]), actual: schema([usersDbTable('integer'), postsDbTable('integer')]) },
  // The referenced table belongs to no registry: its type comes from the database.
  across: { expected: schema([postsTable('uuid')]), actual: schema([usersDbTable('integer'), postsDbTable('integer')]) },
  // The models agree with each other; the database's column drifted.
  database: { expected: schema([usersTable('integer'), postsTable('integer')]), actual: schema([usersDbTable('integer'), postsDbTable('bigint')]) },
};

export const roleColumn = enumColumn('role', 'user_role_enum');
export const withRole = (values: readonly string[]) => schema([table('users', [id, roleColumn])], [enumType('user_role_enum', values)]);
export const withRoleInDb = (values: readonly string[]) => schema([dbTable('users', [id, roleColumn])], [dbEnum('user_role_enum', values)]);

export const emailModel = (options: TableOptions = {}) =>
  schema([table('users', [id, email, column('org_id', 'integer')], { primaryKey: ['id'], ...options })]);
export const emailDb = (options: DbTableOptions = {}) =>
  schema([dbTable('users', [id, email, column('org_id', 'integer')], { primaryKey: ['id'], ...options })]);

/** posts(user_id → users(id)) with the foreign key declared as given, and the tables in the database with `dbForeignKeys`. */
export const postsWithForeignKey = (declared: ReturnType<typeof foreignKey>, dbForeignKeys: ReturnType<typeof foreignKey>[]) => ({
  expected: schema([
    usersTable('integer'),
    table('posts', [column('id', 'integer'), column('user_id', 'integer')], { primaryKey: ['id'], foreignKeys: [declared], sources: [Post] }),
  ]),
  actual: schema([
    usersDbTable('integer'),
    dbTable('accounts', [column('id', 'integer')], { primaryKey: ['id'] }),
    dbTable('posts', [column('id', 'integer'), column('user_id', 'integer')], { primaryKey: ['id'], foreignKeys: dbForeignKeys }),
  ]),
});
export const grants = (declared: ReturnType<typeof foreignKey>, dbForeignKeys: ReturnType<typeof foreignKey>[]) => ({
  expected: schema([table('grants', [column('org_id', 'integer'), column('user_id', 'integer')], { foreignKeys: [declared] })]),
  actual: schema([dbTable('grants', [column('org_id', 'integer'), column('user_id', 'integer')], { foreignKeys: dbForeignKeys })]),
});

export const importStaging = dbTable('import_staging', [id, column('payload', 'jsonb', { nullable: true })]);
/** The declared users table in the database, plus `others`. */
export const usersDbWith = (...others: ReturnType<typeof dbTable>[]) => schema([...usersInDb().tables, ...others]);
export const events = { schema: 'public', name: 'events' };

export const AppUser = source('User', 'typeorm', 'AppDataSource');
export const ReportUser = source('ReportUser', 'typeorm', 'ReportingDataSource');
export const Account = source('Account', 'sequelize');
/** users(id, email) as one registry declares it. */
export const usersDeclaredBy = (by: Provenance, emailColumn = email, options: TableOptions = {}) =>
  table('users', [id, emailColumn], { primaryKey: ['id'], ...options, sources: [by] });

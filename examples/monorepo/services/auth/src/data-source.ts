import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { AuthAuditLog } from './entity/auth-audit-log';
import { AuthSession } from './entity/auth-session';
import { AuthUser } from './entity/auth-user';
import { PasswordResetToken } from './entity/password-reset-token';

export const AuthDataSource = new DataSource({
  type: 'postgres',
  url: process.env.DATABASE_URL,
  // gen_random_uuid(), built into PostgreSQL 13+: no uuid-ossp extension to install
  uuidExtension: 'pgcrypto',
  entities: [AuthUser, AuthSession, AuthAuditLog, PasswordResetToken],
  migrations: ['src/migration/*.ts'],
});

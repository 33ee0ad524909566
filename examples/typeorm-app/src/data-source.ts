import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { Agent } from './entity/agent';
import { Message } from './entity/message';
import { User } from './entity/user';
import { UserSession } from './entity/user-session';

export const AppDataSource = new DataSource({
  type: 'postgres',
  url: process.env.DATABASE_URL,
  entities: [User, Agent, UserSession, Message],
  migrations: ['src/migration/*.ts'],
});

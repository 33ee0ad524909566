import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { Message } from './entity/message.js';
import { User } from './entity/user.js';

export const AppDataSource = new DataSource({
  type: 'postgres',
  url: process.env.DATABASE_URL,
  entities: [User, Message],
  // a database that never answers must not hang the start either
  connectTimeoutMS: Number(process.env.DATABASE_CONNECT_TIMEOUT_MS ?? 5_000),
});

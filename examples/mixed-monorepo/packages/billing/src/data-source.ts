import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { Invoice } from './entity/invoice';
import { Plan } from './entity/plan';
import { Subscription } from './entity/subscription';
import { User } from './entity/user';

// The only registry the deploy pipeline migrates (`typeorm migration:run -d src/data-source.ts`).
export const BillingDataSource = new DataSource({
  type: 'postgres',
  url: process.env.DATABASE_URL,
  entities: [User, Plan, Subscription, Invoice],
  migrations: ['src/migration/*.ts'],
});

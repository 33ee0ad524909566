import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { Agent } from './entity/agent';
import { User } from './entity/user';
import { UserSession } from './entity/user-session';
import { InitialSchema1735600000001 } from './migration/1735600000001-InitialSchema';
import { AddUserRoles1735600000002 } from './migration/1735600000002-AddUserRoles';
import { AddAgentsSessions1735600000003 } from './migration/1735600000003-AddAgentsSessions';
import { AddMessageCount1735600000004 } from './migration/1735600000004-AddMessageCount';
import { AddUserQueryCount1735600000005 } from './migration/1735600000005-AddUserQueryCount';

// The same five steps as migrations/*.sql, as TypeORM migrations: `ormdrift check src/data-source.ts
// --migrations src/data-source.ts` runs them with TypeORM's own runner.
export const AppDataSource = new DataSource({
  type: 'postgres',
  url: process.env.DATABASE_URL,
  entities: [User, Agent, UserSession],
  migrations: [
    InitialSchema1735600000001,
    AddUserRoles1735600000002,
    AddAgentsSessions1735600000003,
    AddMessageCount1735600000004,
    AddUserQueryCount1735600000005,
  ],
});

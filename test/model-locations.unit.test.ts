/**
 * Where each model is declared, found in the app's source files for the three ORMs, through the real
 * adapters: SARIF results and GitHub annotations point at these lines.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataSource } from 'typeorm';
import type { LoadedSource } from '@ormdrift/core';
import { drizzleSource } from '@ormdrift/drizzle';
import { sequelizeSource } from '@ormdrift/sequelize';
import { typeormSource } from '@ormdrift/typeorm';
import { ModelLocator } from '../packages/cli/src/load/model-locations.ts';
import * as drizzleSchema from './fixtures/parity/drizzle.ts';
import { paritySequelize } from './fixtures/parity/sequelize.ts';
import { parityDataSource } from './fixtures/parity/typeorm.ts';
import { AuditEntry } from './fixtures/locations/entity-schema.ts';

const root = resolve(import.meta.dirname, '..');
const entry = (file: string) => resolve(root, file);

/** Each table's first source as `table: file:line`. */
function located(loaded: LoadedSource): Record<string, string> {
  return Object.fromEntries(loaded.schema.tables.map((table) => [table.name, `${table.sources[0]?.file}:${table.sources[0]?.line}`]));
}

describe('model locations', () => {
  it('TypeORM: the line of the entity class decorator, in the file that declares it, reached through the imports', async () => {
    const { AppDataSource } = await import('../examples/typeorm-app/src/data-source.ts');
    const locator = new ModelLocator([entry('examples/typeorm-app/src/data-source.ts')], resolve(root, 'examples/typeorm-app'));
    const loaded = locator.locate(await typeormSource(AppDataSource, { name: 'AppDataSource', file: 'src/data-source.ts' }).load());
    expect(located(loaded)).toEqual({
      agents: 'src/entity/agent.ts:3',
      messages: 'src/entity/message.ts:4',
      user_sessions: 'src/entity/user-session.ts:5',
      users: 'src/entity/user.ts:10',
    });
  });

  it('TypeORM: an EntitySchema by its name, and decorated classes in the module given', async () => {
    const schemas = new DataSource({ type: 'postgres', entities: [AuditEntry] });
    const locator = new ModelLocator([entry('test/fixtures/locations/entity-schema.ts'), entry('test/fixtures/parity/typeorm.ts')], root);
    expect(located(locator.locate(await typeormSource(schemas, { name: 'audit' }).load()))).toEqual({
      audit_entries: 'test/fixtures/locations/entity-schema.ts:5',
    });
    expect(located(locator.locate(await typeormSource(parityDataSource(), { name: 'parity' }).load()))).toEqual({
      users: 'test/fixtures/parity/typeorm.ts:11',
      posts: 'test/fixtures/parity/typeorm.ts:38',
    });
  });

  it('Sequelize: the define call, or Model.init for a class', async () => {
    const locator = new ModelLocator([entry('test/fixtures/parity/sequelize.ts'), entry('examples/sequelize-app/src/db.ts')], root);
    expect(located(locator.locate(await sequelizeSource(paritySequelize(), { name: 'parity' }).load()))).toEqual({
      users: 'test/fixtures/parity/sequelize.ts:6',
      posts: 'test/fixtures/parity/sequelize.ts:20',
    });
    const { sequelize } = await import('../examples/sequelize-app/src/db.ts');
    const shop = located(locator.locate(await sequelizeSource(sequelize, { name: 'shop' }).load()));
    expect(shop).toMatchObject({ customers: 'examples/sequelize-app/src/db.ts:10', products: 'examples/sequelize-app/src/db.ts:43' });
  });

  it('Drizzle: the pgTable call of the exported name', async () => {
    const locator = new ModelLocator([entry('test/fixtures/parity/drizzle.ts')], root);
    expect(located(locator.locate(await drizzleSource(drizzleSchema, { name: 'parity' }).load()))).toEqual({
      users: 'test/fixtures/parity/drizzle.ts:6',
      posts: 'test/fixtures/parity/drizzle.ts:17',
    });
  });

  it('leaves a model it cannot find, or finds twice, without a line', () => {
    const locator = new ModelLocator([entry('test/fixtures/parity/drizzle.ts')], root);
    expect(locator.find({ orm: 'drizzle', registry: 'x', model: 'nowhere' })).toBeUndefined();
    expect(locator.find({ orm: 'typeorm', registry: 'x', model: 'users' })).toBeUndefined();
    expect(locator.find({ orm: 'drizzle', registry: 'x' })).toBeUndefined();
  });
});

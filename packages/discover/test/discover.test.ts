import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { pgEnum, pgTable, serial } from 'drizzle-orm/pg-core';
import { Sequelize } from 'sequelize';
import { DataSource, EntitySchema } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { exportedValues, ormOf } from '../src/index.ts';

const users = pgTable('users', { id: serial('id').primaryKey() });
const role = pgEnum('role', ['admin', 'member']);

describe('ormOf: which ORM made a value, from its brand or shape', () => {
  it.each([
    ['a TypeORM DataSource', new DataSource({ type: 'postgres', entities: [] }), 'typeorm'],
    ['a TypeORM EntitySchema', new EntitySchema({ name: 'tag', columns: { id: { type: Number, primary: true } } }), 'typeorm'],
    ['a Drizzle table', users, 'drizzle'],
    ['a Drizzle enum', role, 'drizzle'],
    ['a Sequelize instance', new Sequelize({ dialect: 'postgres', logging: false }), 'sequelize'],
    ['a plain object', { users: 1 }, undefined],
    ['a class no ORM decorated', class Plain {}, undefined],
    ['a string', 'users', undefined],
  ])('%s', (_, value, orm) => {
    expect(ormOf(value)).toBe(orm);
  });
});

describe('exportedValues: every export shape apps use', () => {
  const names = (exports: Record<string, unknown>) => exportedValues(exports).map(({ name, value }) => [name, value]);

  it('opens arrays, plain objects, namespaces and a CommonJS default, naming each value by its key or place', () => {
    const namespace = Object.freeze(Object.assign(Object.create(null), { [Symbol.toStringTag]: 'Module', users }));
    expect(names({ entities: [users, role] })).toEqual([
      ['entities[0]', users],
      ['entities[1]', role],
    ]);
    expect(names({ schema: { users, role } })).toEqual([
      ['users', users],
      ['role', role],
    ]);
    expect(names({ schema: namespace })).toEqual([['users', users]]);
    expect(names({ default: { users }, users })).toEqual([['users', users]]);
  });

  it('lists a value once, and never opens class instances or functions', () => {
    const dataSource = new DataSource({ type: 'postgres', entities: [] });
    expect(names({ dataSource, again: dataSource, list: [dataSource] })).toEqual([['dataSource', dataSource]]);
  });

  it('opens three levels of containers, no deeper', () => {
    expect(names({ a: { b: { c: { users } } } })).toEqual([['users', users]]);
    expect(names({ a: { b: { c: { d: { users } } } } })).toEqual([['d', { users }]]);
  });
});

describe('findSources imports only the adapters of the ORMs among the exports', () => {
  const root = resolve(import.meta.dirname, '../../..');
  /** The ORM packages and ormdrift adapters a check of `app` imports, each once, in order. */
  function ormImports(app: string, module: string): string[] {
    const run = spawnSync(
      process.execPath,
      [
        '--import',
        resolve(root, 'test/support/trace-orm-imports.mjs'),
        resolve(root, 'packages/cli/bundle/bin.js'),
        'check',
        module,
        '--db',
        'postgres://app@127.0.0.1:1/app',
      ],
      { cwd: resolve(root, 'examples', app), encoding: 'utf8' },
    );
    expect(run.stderr).toMatch(/cannot connect/);
    return [...new Set(run.stderr.match(/^imported .*$/gm) ?? [])];
  }

  it('a TypeORM app loads neither drizzle-orm nor sequelize', () => {
    expect(ormImports('typeorm-app', 'src/data-source.ts')).toEqual(['imported @ormdrift/typeorm']);
  }, 60_000);

  it('a Drizzle app loads the Drizzle adapter and neither sequelize nor typeorm', () => {
    expect(ormImports('drizzle-app', 'src/db/schema.ts').filter((line) => !line.startsWith('imported drizzle-orm'))).toEqual(['imported @ormdrift/drizzle']);
  }, 60_000);
});

/** When an ES module app is imported without the import() hooks: only when Node can import it as it is. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { esmHooksNeeded, typeormGlobsNeedHooks } from '../src/load/esm-hooks-needed.ts';

const root = mkdtempSync(join(tmpdir(), 'ormdrift-esm-hooks-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** An ES module project (`"type": "module"`) with these files; returns its directory. */
function project(name: string, files: Record<string, string>): string {
  const directory = join(root, name);
  for (const [file, content] of Object.entries({ 'package.json': '{ "type": "module" }', ...files })) {
    mkdirSync(join(directory, file, '..'), { recursive: true });
    writeFileSync(join(directory, file), content);
  }
  return directory;
}

describe('esmHooksNeeded', () => {
  it('is false for JavaScript Node imports as it is: full relative paths, packages, built-ins, JSON', () => {
    const directory = project('plain', {
      'src/db.js':
        "import { readFileSync } from 'node:fs';\nimport path from 'path';\nimport { users } from './users.js';\nimport config from './config.json' with { type: 'json' };\nexport { users };\n",
      'src/users.js': "import { table } from 'some-orm';\nimport { column } from 'some-orm/column.js';\nexport const users = await import('./lazy.mjs');\n",
      'node_modules/some-orm/package.json': '{ "name": "some-orm", "main": "index.js" }',
      'node_modules/some-orm/index.js': 'export const table = 1;\n',
      'node_modules/some-orm/column.js': 'export const column = 1;\n',
      'src/lazy.mjs': 'export const lazy = import.meta.url;\n',
      'src/config.json': '{}',
    });
    expect(esmHooksNeeded(join(directory, 'src/db.js'))).toBe(false);
  });

  it('is false for subpaths a package maps in "exports", under the conditions import() uses (drizzle-orm/pg-core)', () => {
    const directory = project('exports', {
      'schema.js': "import { pgTable } from 'an-orm/pg-core';\nimport { esmOnly } from 'esm-only';\nexport const users = pgTable;\n",
      'node_modules/an-orm/package.json':
        '{ "name": "an-orm", "exports": { "./pg-core": { "import": "./pg-core/index.js", "require": "./pg-core/index.cjs" } } }',
      'node_modules/an-orm/pg-core/index.js': 'export const pgTable = 1;\n',
      'node_modules/an-orm/pg-core/index.cjs': 'exports.pgTable = 1;\n',
      'node_modules/esm-only/package.json': '{ "name": "esm-only", "exports": { ".": { "import": "./index.mjs" } } }',
      'node_modules/esm-only/index.mjs': 'export const esmOnly = 1;\n',
    });
    expect(esmHooksNeeded(join(directory, 'schema.js'))).toBe(false);
  });

  it('is true for a subpath a package\'s "exports" does not map', () => {
    const directory = project('exports-unmapped', {
      'schema.js': "import { column } from 'an-orm/internal/column.js';\n",
      'node_modules/an-orm/package.json': '{ "name": "an-orm", "exports": { ".": "./index.js" } }',
      'node_modules/an-orm/index.js': 'export const table = 1;\n',
      'node_modules/an-orm/internal/column.js': 'export const column = 1;\n',
    });
    expect(esmHooksNeeded(join(directory, 'schema.js'))).toBe(true);
  });

  it('is true for a TypeScript entry', () => {
    const directory = project('typescript-entry', { 'db.ts': 'export const x: number = 1;\n' });
    expect(esmHooksNeeded(join(directory, 'db.ts'))).toBe(true);
  });

  it('is true when a file imported further down is TypeScript or JSX', () => {
    const directory = project('typescript-deep', {
      'db.js': "export * from './models/index.js';\n",
      'models/index.js': "export { User } from './user.jsx';\n",
      'models/user.jsx': 'export const User = () => <div />;\n',
    });
    expect(esmHooksNeeded(join(directory, 'db.js'))).toBe(true);
  });

  it.each([
    ['an extensionless relative import', "import { users } from './users';\n"],
    ['a directory import', "import { users } from './models';\n"],
    ['a tsconfig paths alias', "import { users } from '@/db/users.js';\n"],
    ['an extensionless subpath of a package', "import { column } from 'some-orm/column';\n"],
    ['a package found only through NODE_PATH, which ESM resolution does not read', "import { expect } from 'vitest';\n"],
    ['an import() of a computed specifier', "const name = 'users';\nexport const users = await import('./' + name + '.js');\n"],
  ])('is true for %s', (_, code) => {
    const directory = project(`unresolved-${code.length}`, {
      'db.js': code,
      'users.js': 'export const users = 1;\n',
      'models/index.js': '',
      'node_modules/some-orm/package.json': '{ "name": "some-orm", "main": "index.js" }',
      'node_modules/some-orm/column.js': 'export const column = 1;\n',
    });
    expect(esmHooksNeeded(join(directory, 'db.js'))).toBe(true);
  });

  it('does not read a CommonJS file (its require() calls go through the require hooks)', () => {
    const directory = project('commonjs', {
      'db.js': "import models from './models.cjs';\nexport default models;\n",
      'models.cjs': "module.exports = require('./user');\n",
    });
    expect(esmHooksNeeded(join(directory, 'db.js'))).toBe(false);
  });
});

describe('typeormGlobsNeedHooks', () => {
  const dataSource = (entities: unknown) => ({ AppDataSource: { options: { type: 'postgres', entities } } });

  it('is false for entity classes and for globs that match JavaScript only', () => {
    expect(typeormGlobsNeedHooks(dataSource([class User {}]))).toBe(false);
    expect(typeormGlobsNeedHooks(dataSource(['dist/**/*.entity.js', 'dist/legacy/*.cjs']))).toBe(false);
    expect(typeormGlobsNeedHooks({ x: 1, y: null, z: 'src/*.ts' })).toBe(false);
  });

  it('is true for a glob that may match TypeScript, on a DataSource or on its exported options', () => {
    expect(typeormGlobsNeedHooks(dataSource(['src/**/*.entity{.ts,.js}']))).toBe(true);
    expect(typeormGlobsNeedHooks(dataSource(['src/entity/*']))).toBe(true);
    expect(typeormGlobsNeedHooks({ options: { migrations: ['src/migrations/*.ts'] } })).toBe(true);
    expect(typeormGlobsNeedHooks({ AppDataSource: { options: { subscribers: { audit: 'src/subscribers/*.ts' } } } })).toBe(true);
  });
});

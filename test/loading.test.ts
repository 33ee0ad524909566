import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './support/run-cli.ts';
import { createTestDatabase, type TestDatabase } from './support/test-database.ts';

const monorepos = resolve(import.meta.dirname, 'fixtures/monorepos');
const cliFixtures = resolve(import.meta.dirname, 'fixtures/cli');
const buildWithOrm = resolve(import.meta.dirname, 'support/build-with-orm.mjs');

/** A database built by the ORM's own tooling from the app's module. */
async function ormBuiltDatabase(app: string, module: string): Promise<TestDatabase> {
  const database = await createTestDatabase();
  execFileSync(process.execPath, [buildWithOrm, module, database.url], { cwd: app, stdio: ['ignore', 'ignore', 'inherit'] });
  return database;
}

/** As in a fresh clone: no transpile cache, no build output of the workspace packages. */
const freshClone = (app: string) => rmSync(join(app, 'node_modules/.cache/ormdrift'), { recursive: true, force: true });

describe.each([
  {
    orm: 'TypeORM',
    app: join(monorepos, 'typeorm/apps/api'),
    module: 'src/data-source.ts',
    registry: 'typeorm:AppDataSource in src/data-source.ts',
    drop: 'alter table tickets drop column state',
    column: 'state',
  },
  {
    orm: 'Sequelize',
    app: join(monorepos, 'sequelize/apps/api'),
    module: 'src/db.ts',
    registry: 'sequelize:sequelize in src/db.ts',
    drop: 'alter table collections drop column visibility',
    column: 'visibility',
  },
  {
    orm: 'Drizzle',
    app: join(monorepos, 'drizzle/apps/web'),
    module: 'src/db/schema.ts',
    registry: 'drizzle:src/db/schema.ts',
    drop: 'alter table workspaces drop column plan',
    column: 'plan',
  },
])(
  'a $orm monorepo with path aliases, #imports, directory imports, .tsx, a CommonJS package and a workspace package',
  ({ app, module, registry, drop, column }) => {
    let built: TestDatabase;
    beforeAll(async () => {
      built = await ormBuiltDatabase(app, module);
    }, 120_000);
    afterAll(() => built?.drop());

    it('loads from a fresh clone, lists its registry under --verbose and checks clean against the database its ORM built', async () => {
      freshClone(app);
      const run = await runCli(['check', module, '--db', built.url, '--verbose'], { cwd: app });
      expect(run.stderr).toBe(`ormdrift: found ${registry}\n`);
      expect(run.stdout).toBe('✔ no drift: 2 declared tables match the database\n');
      expect(run.code).toBe(0);
    });

    it('loads the same from its transpile cache, and catches a dropped column', async () => {
      const drifted = await createTestDatabase({ template: built });
      try {
        await drifted.query(drop);
        const run = await runCli(['check', module, '--db', drifted.url, '--format', 'json'], { cwd: app });
        expect(run.code).toBe(1);
        expect(JSON.parse(run.stdout).findings.map((finding: { code: string; column?: string }) => [finding.code, finding.column])).toEqual([
          ['missing-column', column],
        ]);
      } finally {
        await drifted.drop();
      }
    });
  },
);

describe('every export shape of models', () => {
  let boards: TestDatabase;
  beforeAll(async () => {
    boards = await createTestDatabase();
    await boards.query(
      'create table boards (id serial primary key); create table cards (id serial primary key, board_id integer not null references boards (id))',
    );
  });
  afterAll(() => boards?.drop());

  it.each([
    ['a plain object of tables', 'shapes/plain-object.ts'],
    ['a default export of an array of tables', 'shapes/default-array.ts'],
    ['a namespace re-exported with export * as schema', 'shapes/namespace.ts'],
    ['a CommonJS module.exports object', 'shapes/commonjs-object.cts'],
  ])('%s is a Drizzle schema module', async (_, module) => {
    const run = await runCli(['check', module, '--db', boards.url, '--verbose'], { cwd: cliFixtures });
    expect(run.stderr).toBe(`ormdrift: found drizzle:${module}\n`);
    expect(run.stdout).toBe('✔ no drift: 2 declared tables match the database\n');
    expect(run.code).toBe(0);
  });

  it('an exported array of TypeORM entities is a registry', async () => {
    const run = await runCli(['check', 'shapes/typeorm-entities-array.ts', '--db', boards.url, '--format', 'json'], { cwd: cliFixtures });
    expect(JSON.parse(run.stdout).findings.map((finding: { code: string; table: string }) => [finding.code, finding.table])).toEqual([
      ['missing-column', 'boards'],
      ['orphan-table', 'cards'],
    ]);
  });

  it('a directory: every module under it, each registry once', async () => {
    const run = await runCli(['check', 'src/db/', '--db', boards.url, '--verbose', '--format', 'json'], { cwd: join(monorepos, 'drizzle/apps/web') });
    expect(run.stderr).toBe('ormdrift: found drizzle:src/db/default-export.ts\n');
    expect(JSON.parse(run.stdout).summary.tables).toBe(2);
  });

  it('a glob: TypeORM entities from several files are one registry, as TypeORM reads an entities glob', async () => {
    const run = await runCli(['check', 'src/entities/{agent,ticket}.ts', '--db', boards.url, '--verbose', '--format', 'json'], {
      cwd: join(monorepos, 'typeorm/apps/api'),
    });
    expect(run.stderr).toBe('ormdrift: found typeorm:entities of src/entities/agent.ts and 1 more modules\n');
    expect(JSON.parse(run.stdout).summary.tables).toBe(2);
  });
});

describe('--env-file', () => {
  it("loads the variables a module reads at import time, with Node's own parser", async () => {
    const database = await createTestDatabase();
    try {
      await database.query('create table notes_eu (id serial primary key, body text not null)');
      const run = await runCli(['check', 'needs-env.ts', '--env-file', 'notes.env', '--db', database.url], {
        cwd: cliFixtures,
        env: { NOTES_REGION: undefined },
      });
      expect(run).toMatchObject({ code: 0, stderr: '', stdout: '✔ no drift: 1 declared table matches the database\n' });
    } finally {
      await database.drop();
    }
  });
});

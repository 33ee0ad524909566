/** The config file: found upward to the repository root, checked strictly, merged under the flags. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findConfigFile } from '../src/config/find-config.ts';
import { loadConfig } from '../src/config/load-config.ts';
import { resolveCheckInput } from '../src/config/check-input.ts';
import { runCli } from '../src/cli.ts';

const root = mkdtempSync(join(tmpdir(), 'ormdrift-config-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A project directory with the given files (objects are written as JSON); a `.git` marks it as the repository root. */
function project(name: string, files: Record<string, unknown>): string {
  const directory = join(root, name);
  mkdirSync(join(directory, '.git'), { recursive: true });
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(join(directory, file, '..'), { recursive: true });
    writeFileSync(join(directory, file), typeof content === 'string' ? content : JSON.stringify(content));
  }
  return directory;
}

/** `ormdrift check` in-process, as the bin runs it: the exit code and what it printed. */
async function check(cwd: string, args: string[] = []) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['check', ...args], {
    cwd,
    env: {},
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  });
  return { code, stdout, stderr };
}

describe('a config error is exit 2 and one line naming the file and the key', () => {
  const schema = 'export const x = 1;\n';
  it.each([
    [
      'an unknown key',
      { owner: 'auth' },
      'ormdrift: ormdrift.config.json: unknown key "owner": the keys are name, sources, database, schemas, ignore, owns, rules, migrations, baseline, drizzle, workspace',
    ],
    ['a wrong type', { schemas: 'public' }, 'ormdrift: ormdrift.config.json: "schemas" must be an array of schema names'],
    [
      'a missing source file',
      { sources: ['src/schema.ts', 'src/missing.ts'] },
      `ormdrift: ormdrift.config.json: "sources" names src/missing.ts, which does not exist (relative to ${join(root, 'missing source file')})`,
    ],
    [
      'a bad glob',
      { owns: ['auth_*', 'auth_[users'] },
      'ormdrift: ormdrift.config.json: "owns[1]" is a bad glob "auth_[users": Missing closing: "]" - use "\\\\]" to match literal characters',
    ],
    ['a bad source glob', { sources: 'src/{a,b.ts' }, /^ormdrift: ormdrift\.config\.json: "sources" is a bad glob "src\/\{a,b\.ts": Missing closing: "\}"/],
    [
      'an unknown finding code',
      { rules: { 'orphan-tables': 'off' } },
      /^ormdrift: ormdrift\.config\.json: unknown finding code "orphan-tables" in "rules": the codes are registry-conflict, /,
    ],
    [
      'a bad severity',
      { rules: { 'orphan-table': 'warning' } },
      `ormdrift: ormdrift.config.json: "rules.orphan-table" must be 'off', 'warn', 'error' or [severity, options]`,
    ],
    [
      'an option its rule does not take',
      { rules: { 'orphan-table': ['warn', { ignroe: ['legacy_*'] }] } },
      'ormdrift: ormdrift.config.json: "rules": rule "orphan-table": unknown option "ignroe": the options are ignore',
    ],
    [
      'an empty sources',
      { sources: [] },
      `ormdrift: ormdrift.config.json: "sources" must be a module path, directory or glob, or a non-empty array of them (leave it out to let ormdrift find the ORM's own config)`,
    ],
    ['a bad drizzle casing', { drizzle: { casing: 'snake' } }, `ormdrift: ormdrift.config.json: "drizzle.casing" must be 'snake_case' or 'camelCase'`],
    [
      'a workspace owns that is a list',
      { workspace: { owns: ['auth_*'] } },
      `ormdrift: ormdrift.config.json: "workspace.owns" must be an object of service names to arrays of table globs, e.g. { auth: ['auth_*', 'sessions'] }`,
    ],
    [
      "a workspace owns service's globs that are a string",
      { workspace: { owns: { auth: 'auth_*' } } },
      'ormdrift: ormdrift.config.json: "workspace.owns.auth" must be an array of table globs',
    ],
    [
      'a workspace owns glob that is a number',
      { workspace: { owns: { auth: [1] } } },
      'ormdrift: ormdrift.config.json: "workspace.owns.auth[0]" must be a table glob',
    ],
    [
      'a workspace loadServices that is a string',
      { workspace: { loadServices: 'yes' } },
      'ormdrift: ormdrift.config.json: "workspace.loadServices" must be true or false',
    ],
  ])('%s', async (name, config, expected) => {
    const cwd = project(name.replace(/^an? /, ''), { 'ormdrift.config.json': config, 'src/schema.ts': schema });
    const run = await check(cwd, ['--db', 'postgres://ormdrift:s3cret@127.0.0.1:1/none']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    if (typeof expected === 'string') expect(lines[0]).toBe(expected);
    else expect(lines[0]).toMatch(expected);
  });

  it('a wrong type of database names the key, never the value', async () => {
    const cwd = project('database type', { 'ormdrift.config.json': { database: ['postgres://ormdrift:s3cret@db/app'] } });
    const run = await check(cwd);
    expect(run.stderr).toBe('ormdrift: ormdrift.config.json: "database" must be a connection string (postgres://...)\n');
  });

  it('--config names a file that does not exist', async () => {
    const run = await check(project('no config', {}), ['--config', 'ormdrift.prod.json']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^ormdrift: cannot find the config file ormdrift\.prod\.json: check --config \(relative to .*\)\n$/);
  });

  it('two config files in one directory', async () => {
    const cwd = project('two files', { 'ormdrift.config.json': {}, 'ormdrift.config.mjs': 'export default {};' });
    const run = await check(cwd);
    expect(run.stderr).toBe(`ormdrift: ${cwd} holds ormdrift.config.mjs and ormdrift.config.json: keep one ormdrift config file\n`);
  });
});

describe('workspace.owns of a root config', () => {
  /** A workspace of two services, api (config name "api-service") and auth (package name only), checked from api. */
  function workspace(name: string, owns: Record<string, string[]>): string {
    const directory = project(name, {
      'package.json': { workspaces: ['packages/*'] },
      'ormdrift.config.json': { workspace: { owns } },
      'packages/api/package.json': { name: 'api' },
      'packages/api/ormdrift.config.json': { name: 'api-service', sources: ['src/schema.ts'] },
      'packages/api/src/schema.ts': 'export const x = 1;\n',
      'packages/auth/package.json': { name: 'auth' },
      'packages/auth/drizzle.config.json': {},
      'packages/auth/drizzle.config.ts': 'export default {};\n',
    });
    return join(directory, 'packages/api');
  }

  it('naming a service the workspace does not have: exit 2, one line naming it and the services there are', async () => {
    const run = await check(workspace('owns unknown service', { autth: ['auth_*'], auth: ['sessions'] }), ['--db', 'postgres://app@127.0.0.1:1/app']);
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'ormdrift: ../../ormdrift.config.json: "workspace.owns" names "autth", which is not a service of the workspace: the services are api-service, auth\n',
    });
  });
});

describe('finding the config file', () => {
  it('from the working directory upward, stopping at the repository root', () => {
    const repository = project('found upward', { 'ormdrift.config.json': {}, 'packages/api/src/index.ts': '' });
    expect(findConfigFile(join(repository, 'packages/api/src'))).toBe(join(repository, 'ormdrift.config.json'));
    // a workspace's service is checked with its own config only
    expect(findConfigFile(join(repository, 'packages/api/src'), { upward: false })).toBeUndefined();
    // a config above the repository root is not this project's
    const inner = project('found upward/nested', { 'src/index.ts': '' });
    expect(findConfigFile(join(inner, 'src'))).toBeUndefined();
  });

  it('stops at a workspace root (package.json "workspaces") too', () => {
    const outer = project('workspace root', { 'ormdrift.config.json': {} });
    const workspace = join(outer, 'repo');
    mkdirSync(join(workspace, 'packages/api'), { recursive: true });
    writeFileSync(join(workspace, 'package.json'), JSON.stringify({ workspaces: ['packages/*'] }));
    expect(findConfigFile(join(workspace, 'packages/api'))).toBeUndefined();
  });
});

describe('loading a config', () => {
  it('resolves paths against the config file, keeps rule options as written, names the service', async () => {
    const repository = project('paths', {
      'package.json': { name: '@acme/auth' },
      'ormdrift.config.json': {
        sources: ['src/db.ts', 'src/models/*.ts'],
        migrations: { path: 'migrations', kind: 'sql' },
        baseline: '.ormdrift-baseline.json',
        rules: { 'orphan-table': 'off', 'extra-column': ['warn', { ignore: ['legacy_*'] }] },
        owns: ['auth_*'],
      },
      'src/db.ts': '',
    });
    const config = await loadConfig('../ormdrift.config.json', join(repository, 'src'));
    expect(config).toEqual({
      file: '../ormdrift.config.json',
      name: '@acme/auth',
      sources: ['db.ts', '../src/models/*.ts'],
      owns: ['auth_*'],
      rules: { 'orphan-table': 'off', 'extra-column': ['warn', { ignore: ['legacy_*'] }] },
      migrations: { path: '../migrations', kind: 'sql' },
      baseline: '../.ormdrift-baseline.json',
      directory: repository,
    });
  });

  it('flags override the file: --db, --schema, --migrations, --baseline, and --rule per code', async () => {
    const cwd = project('flags', {
      'ormdrift.config.json': {
        name: 'billing',
        sources: 'src/db.ts',
        database: 'postgres://config/db',
        schemas: ['billing'],
        migrations: { path: 'migrations', kind: 'sql' },
        rules: { 'orphan-table': 'off', 'extra-column': 'error' },
        drizzle: { casing: 'snake_case' },
      },
      'src/db.ts': '',
      'other.ts': '',
    });
    const fromFile = await resolveCheckInput({ modules: [], rules: {} }, { cwd });
    expect(fromFile).toMatchObject({
      modules: ['src/db.ts'],
      db: 'postgres://config/db',
      schemas: ['billing'],
      migrations: 'migrations',
      migrationsKind: 'sql',
      service: 'billing',
      drizzleCasing: 'snake_case',
    });
    const flagged = await resolveCheckInput(
      { modules: ['other.ts'], db: 'postgres://flag/db', schemas: ['public'], migrations: 'db/migrations', rules: { 'extra-column': 'off' } },
      { cwd },
    );
    expect(flagged).toMatchObject({ modules: ['other.ts'], db: 'postgres://flag/db', schemas: ['public'], migrations: 'db/migrations' });
    // the file's kind was about the file's migrations, not about the ones the flag names
    expect(flagged.migrationsKind).toBeUndefined();
    expect(flagged.rules).toEqual({ 'orphan-table': 'off', 'extra-column': 'off' });
  });

  it('a config without sources: the line on what zero-config found names the config, not its absence', async () => {
    const cwd = project('config without sources', {
      'ormdrift.config.json': { database: 'postgres://config/db' },
      'src/data-source.ts': "import { DataSource } from 'typeorm';\nexport const AppDataSource = new DataSource({ type: 'postgres', entities: [] });\n",
    });
    const input = await resolveCheckInput({ modules: [], rules: {} }, { cwd });
    expect(input.detected).toBe('no modules given and no "sources" in ormdrift.config.json: checking src/data-source.ts (a TypeORM data source)');
  });

  it('--rule sets the severity and keeps the options the file gives that rule', async () => {
    const cwd = project('flag over options', {
      'ormdrift.config.json': { sources: 'src/db.ts', rules: { 'orphan-table': ['warn', { ignore: ['legacy_*'] }] } },
      'src/db.ts': '',
    });
    const input = await resolveCheckInput({ modules: [], rules: { 'orphan-table': 'error' } }, { cwd });
    expect(input.rules).toEqual({ 'orphan-table': ['error', { ignore: ['legacy_*'] }] });
  });
});

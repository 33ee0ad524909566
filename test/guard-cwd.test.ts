/**
 * The guard and the matchers given an app's entity classes, in a process started from a folder that holds no
 * node_modules (a monorepo root, a process manager's working directory): they read the models with the TypeORM the
 * app loaded, not one resolved from the current directory. The app is examples/guard-app (an ES module app, as
 * TypeScript builds it), the guard and the matchers their built packages, all loaded by absolute path.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './support/test-database.ts';

const root = resolve(import.meta.dirname, '..');
const app = join(root, 'examples/guard-app');

let build: string;
let cwd: string;
const databases: TestDatabase[] = [];

async function databaseFrom(file: string): Promise<TestDatabase> {
  const database = await createTestDatabase();
  databases.push(database);
  await database.query(await readFile(join(app, 'db', file), 'utf8'));
  return database;
}

/** What the process printed: the guard's outcome and the matcher's verdict on one database. */
interface Run {
  readonly guard: { readonly status?: string; readonly error?: string; readonly message?: string; readonly codes?: string[] };
  readonly matcher: { readonly pass?: boolean; readonly message?: string; readonly error?: string };
  /** The guard in warn mode: what it logged, and its outcome's status. */
  readonly warn?: { readonly lines: string[]; readonly status: string };
}

const script = `
const [guardUrl, matchersUrl, entities, db] = process.argv.slice(2);
const { guardSchema } = await import(guardUrl);
const { ormdriftMatchers } = await import(matchersUrl);
const { User } = await import(entities + '/user.js');
const { Message } = await import(entities + '/message.js');
const out = {};
try {
  const outcome = await guardSchema({ sources: [User, Message], db, timeoutMs: 60000 });
  out.guard = { status: outcome.status };
} catch (error) {
  out.guard = { error: error.constructor.name, message: error.message, codes: error.findings?.map((finding) => finding.code) };
}
try {
  const verdict = await ormdriftMatchers.toMatchDatabase.call({}, [User, Message], db);
  out.matcher = { pass: verdict.pass, message: verdict.message() };
} catch (error) {
  out.matcher = { error: error.message };
}
console.log(JSON.stringify(out));
`;

// TypeORM's modules taken out of the module cache once the entities are decorated: as in an app bundled into one file,
// no loaded module tells which typeorm made them, and none resolves from the working directory
const unfindable = `
import { createRequire } from 'node:module';
const [guardUrl, , entities, db] = process.argv.slice(2);
const { guardSchema } = await import(guardUrl);
const { User } = await import(entities + '/user.js');
const cache = createRequire(import.meta.url).cache;
for (const file of Object.keys(cache)) if (file.includes('/typeorm/')) delete cache[file];
const out = {};
try {
  out.guard = { status: (await guardSchema({ sources: [User], db, timeoutMs: 60000 })).status };
} catch (error) {
  out.guard = { error: error.constructor.name, message: error.message };
}
const lines = [];
const outcome = await guardSchema({ sources: [User], db, timeoutMs: 60000, mode: 'warn', logger: { warn: (line) => lines.push(line) } });
out.warn = { lines, status: outcome.status };
console.log(JSON.stringify(out));
`;

function run(db: string, file = 'guard.mjs'): Promise<Run & { code: number | null; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(
      process.execPath,
      [
        join(cwd, file),
        pathToFileURL(join(root, 'packages/guard/dist/index.js')).href,
        pathToFileURL(join(root, 'packages/vitest/dist/index.mjs')).href,
        pathToFileURL(join(build, 'entity')).href,
        db,
      ],
      { cwd, env: { ...process.env, NODE_PATH: '' } },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    child.on('exit', (code) => {
      const line = stdout.trim().split('\n').at(-1) ?? '{}';
      done({ code, stderr, ...(JSON.parse(line.startsWith('{') ? line : '{}') as Run) });
    });
  });
}

beforeAll(async () => {
  // the app's own build, in a folder of its own (another test file builds its dist): inside the app's node_modules,
  // so that its modules import the app's typeorm as they do from dist, and under the app's package.json (an ES module app)
  build = await mkdtemp(join(app, 'node_modules/.ormdrift-cwd-'));
  const tsc = join(root, 'node_modules/typescript/bin/tsc');
  const emitted = await new Promise<{ code: number | null; output: string }>((done) => {
    const child = spawn(process.execPath, [tsc, '-p', 'tsconfig.json', '--noCheck', '--outDir', build], { cwd: app });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk));
    child.on('exit', (code) => done({ code, output }));
  });
  expect(emitted.code, emitted.output).toBe(0);
  // a working directory with no node_modules above it
  cwd = await mkdtemp(join(tmpdir(), 'ormdrift-cwd-'));
  await writeFile(join(cwd, 'guard.mjs'), script);
  await writeFile(join(cwd, 'unfindable.mjs'), unfindable);
}, 120_000);

afterAll(async () => {
  await Promise.all(databases.map((database) => database.drop()));
  if (build) await rm(build, { recursive: true, force: true });
  if (cwd) await rm(cwd, { recursive: true, force: true });
});

it('from a folder with no node_modules: a clean database passes the guard and the matcher', async () => {
  const clean = await databaseFrom('schema.sql');
  const result = await run(clean.url);
  expect(result.stderr).toBe('');
  expect(result.guard).toEqual({ status: 'clean' });
  expect(result.matcher).toMatchObject({ pass: true });
}, 60_000);

it('from a folder with no node_modules: a drifted database is a SchemaDriftError with its findings, and fails the matcher', async () => {
  const drifted = await databaseFrom('production.sql');
  const result = await run(drifted.url);
  expect(result.stderr).toBe('');
  expect(result.guard).toMatchObject({ error: 'SchemaDriftError', codes: ['missing-column'] });
  expect(result.guard.message).toContain('messages."readCount" is declared by Message (typeorm) but the table has no such column');
  expect(result.matcher.pass).toBe(false);
  expect(result.matcher.message).toContain('messages."readCount" is declared by Message (typeorm)');
}, 60_000);

it('when no loaded module made the entities, one line names typeorm, where it looked and what to pass; warn mode says the check did NOT run', async () => {
  const clean = await databaseFrom('schema.sql');
  const result = await run(clean.url, 'unfindable.mjs');
  expect(result.stderr).toBe('');
  const line =
    "the typeorm package that declared the entities User was not found: it is in no module the process loaded; pass the app's DataSource, which holds its entities, instead of the entity classes, or install typeorm where the entities' modules import it";
  expect(result.guard).toEqual({ error: 'Error', message: line });
  expect(result.warn).toEqual({ lines: [`⚠ ormdrift: the schema check did NOT run, the app starts unchecked: ${line}`], status: 'failed' });
}, 60_000);

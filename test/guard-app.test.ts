/**
 * examples/guard-app, built with tsc and started as its users start it (`node dist/server.js`): it serves against
 * the database its migrations build, and refuses to start against a drifted one, a catalog that does not answer in
 * time, or a server that accepts TCP and never answers.
 */
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './support/test-database.ts';

const directory = resolve(import.meta.dirname, '../examples/guard-app');

interface AppRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** What GET /messages answered, when the app got as far as listening. */
  readonly messages?: { status: number; body: unknown };
  readonly ms: number;
}

/** Starts the app; once it listens, asks it for /messages and stops it. Resolves when the process has exited. */
function startApp(env: Record<string, string>): Promise<AppRun> {
  return new Promise((done) => {
    const started = performance.now();
    // a patient deadline unless a test sets one: a loaded test machine must not trip the default 5 s
    const app = spawn(process.execPath, ['dist/server.js'], { cwd: directory, env: { ...process.env, PORT: '0', ORMDRIFT_TIMEOUT_MS: '60000', ...env } });
    let stdout = '';
    let stderr = '';
    let messages: AppRun['messages'];
    app.stdout.on('data', async (chunk: Buffer) => {
      stdout += chunk;
      const listening = /listening on (\S+)/.exec(stdout);
      if (!listening || messages) return;
      messages = { status: 0, body: undefined };
      const response = await fetch(`${listening[1]}/messages`);
      messages = { status: response.status, body: await response.json() };
      app.kill('SIGTERM');
    });
    app.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    app.on('exit', (code) => done({ code, stdout, stderr, ms: performance.now() - started, ...(messages ? { messages } : {}) }));
  });
}

const databases: TestDatabase[] = [];
async function databaseFrom(file: string): Promise<TestDatabase> {
  const database = await createTestDatabase();
  databases.push(database);
  await database.query(await readFile(join(directory, 'db', file), 'utf8'));
  return database;
}

beforeAll(async () => {
  // emit only (--noCheck): the behaviour is under test here; `pnpm demo:guard` builds it with the type check
  const tsc = resolve(import.meta.dirname, '../node_modules/typescript/bin/tsc');
  const build = spawn(process.execPath, [tsc, '-p', 'tsconfig.json', '--noCheck'], { cwd: directory });
  let output = '';
  build.stdout.on('data', (chunk: Buffer) => (output += chunk));
  build.stderr.on('data', (chunk: Buffer) => (output += chunk));
  const code = await new Promise<number | null>((exited) => build.on('exit', exited));
  expect(output).toBe('');
  expect(code).toBe(0);
}, 300_000);
afterAll(() => Promise.all(databases.map((database) => database.drop())));

describe('examples/guard-app', () => {
  it('starts and serves against the database its migrations build', async () => {
    const clean = await databaseFrom('schema.sql');
    const run = await startApp({ DATABASE_URL: clean.url });
    expect(run.stderr).toBe('');
    expect(run.messages).toEqual({ status: 200, body: [{ id: 1, body: 'hello', readCount: 0 }] });
    expect(run.code).toBe(0);
  });

  it('refuses to start against production, where a migration never ran, printing the report', async () => {
    const production = await databaseFrom('production.sql');
    const run = await startApp({ DATABASE_URL: production.url });
    expect(run.code).toBe(1);
    expect(run.messages).toBeUndefined();
    expect(run.stdout).not.toContain('listening');
    expect(run.stderr).toContain('ormdrift: the database does not match the models');
    expect(run.stderr).toContain('messages."readCount" is declared by Message (typeorm) but the table has no such column  missing-column');
    expect(run.stderr).toContain('✖ 1 error, 0 warnings in 2 declared tables');
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('starts against production with ORMDRIFT_SKIP=1, warning that the check was skipped', async () => {
    const production = await databaseFrom('production.sql');
    const run = await startApp({ DATABASE_URL: production.url, ORMDRIFT_SKIP: '1' });
    expect(run.stderr.split('\n')[0]).toMatch(/SCHEMA CHECK SKIPPED because ORMDRIFT_SKIP=1 is set/);
    expect(run.messages?.status).toBe(500); // the drift the guard would have caught, met by a user
  });

  it('refuses to start when the catalog does not answer within the timeout, saying it timed out', async () => {
    const clean = await databaseFrom('schema.sql');
    const holder = new pg.Client({ connectionString: clean.url });
    await holder.connect();
    await holder.query('begin');
    await holder.query('lock table pg_catalog.pg_enum in access exclusive mode');
    try {
      const run = await startApp({ DATABASE_URL: clean.url, ORMDRIFT_TIMEOUT_MS: '1000' });
      expect(run.code).toBe(1);
      expect(run.stderr.trim()).toMatch(/^ormdrift: the schema check timed out after 1 s and was stopped/);
    } finally {
      await holder.query('rollback');
      await holder.end();
    }
  });

  describe('against a server that accepts TCP and never answers', () => {
    let silent: Server;
    beforeAll(async () => {
      silent = createServer((socket) => {
        socket.on('error', () => {});
        socket.resume();
      });
      await new Promise<void>((listening) => silent.listen(0, '127.0.0.1', listening));
    });
    afterAll(() => new Promise<void>((closed) => silent.close(() => closed())));

    it('exits with a one-line error instead of hanging', async () => {
      const port = (silent.address() as { port: number }).port;
      const run = await startApp({ DATABASE_URL: `postgres://app:secret@127.0.0.1:${port}/app`, DATABASE_CONNECT_TIMEOUT_MS: '1000' });
      expect(run.code).toBe(1);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).not.toContain('secret');
      // the guard gives up after its own timeouts (1 s to connect, 5 s in all); the bound leaves room for a busy machine
      expect(run.ms).toBeLessThan(30_000);
    });
  });
});

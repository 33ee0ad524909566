/**
 * The startup guard on a real server: each way to name the database (a URL, a pg Client or Pool, an open TypeORM,
 * Sequelize or Drizzle connection), both modes, ORMDRIFT_SKIP, and the deadline against a server that accepts TCP
 * and never answers and against a catalog read that waits on a lock.
 */
import { inspect } from 'node:util';
import { spawn } from 'node:child_process';
import { createServer, type Server, type Socket } from 'node:net';
import { pgTable, serial, text } from 'drizzle-orm/pg-core';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { DataTypes, Sequelize } from 'sequelize';
import { DataSource, EntitySchema } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guardDataSource, guardDrizzle, guardSchema, guardSequelize, SchemaCheckTimeoutError, SchemaDriftError } from '@ormdrift/guard';
import { createTestDatabase, type TestDatabase } from './support/test-database.ts';

const Note = new EntitySchema<{ id: number; title: string }>({
  name: 'Note',
  tableName: 'notes',
  columns: { id: { type: Number, primary: true, generated: 'increment' }, title: { type: 'text' } },
});
const notesTable = 'create table notes (id serial primary key, title text not null)';

let clean: TestDatabase;
let drifted: TestDatabase;
beforeAll(async () => {
  clean = await createTestDatabase();
  await clean.query(notesTable);
  drifted = await createTestDatabase();
  await drifted.query('create table notes (id serial primary key, title varchar(20))');
});
afterAll(async () => {
  await clean?.drop();
  await drifted?.drop();
});

function dataSource(url: string): DataSource {
  return new DataSource({ type: 'postgres', url, entities: [Note], logging: false });
}

/** The default 5 s deadline is the subject of its own tests: elsewhere a loaded test machine must not trip it. */
const patient = { timeoutMs: 60_000 } as const;

function recorder(): { warn(message: string): void; lines: string[] } {
  const lines: string[] = [];
  return { lines, warn: (message: string) => void lines.push(message) };
}

/** Sessions on the database that are not this query's: what the guard may have left behind. */
async function sessions(database: TestDatabase): Promise<{ pid: number; application_name: string; state: string; wait_event_type: string | null }[]> {
  return database.query(
    `select pid, application_name, state, wait_event_type from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`,
  );
}

/** The sessions waiting on a lock: a catalog read blocked by the test's ACCESS EXCLUSIVE lock. */
async function waitingOnLock(database: TestDatabase): Promise<number[]> {
  return (await sessions(database)).filter((session) => session.wait_event_type === 'Lock').map((session) => session.pid);
}

describe('guardSchema', () => {
  it('resolves clean for models that match, and leaves no session behind when given a URL', async () => {
    const outcome = await guardSchema({ ...patient, sources: dataSource(clean.url), db: clean.url });
    expect(outcome).toMatchObject({ status: 'clean', result: { summary: { errors: 0, warnings: 0, tables: 1 } } });
    await expect.poll(() => sessions(clean)).toEqual([]);
  });

  it('throw mode: rejects with a SchemaDriftError carrying the findings and the text report', async () => {
    const error = await guardSchema({ ...patient, sources: dataSource(drifted.url), db: drifted.url }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SchemaDriftError);
    const drift = error as SchemaDriftError;
    expect(drift.findings.map((finding) => [finding.code, finding.column])).toEqual([
      ['column-type-mismatch', 'title'],
      ['nullability-mismatch', 'title'],
    ]);
    expect(drift.message).toContain('ormdrift: the database does not match the models');
    expect(drift.message).toMatch(/^notes$/m);
    expect(drift.message).toMatch(/expected .*text/);
    expect(drift.message).toMatch(/actual +.*character varying\(20\)/);
    expect(drift.message).not.toContain('\u001b[');
    // what Node prints for it uncaught (util.inspect): the stack, whose first lines are the report, and nothing more
    expect(inspect(drift)).toBe(drift.stack);
    expect(drift.result.findings).toBe(drift.findings);
  });

  it('warn mode: logs the report through the logger and resolves', async () => {
    const logger = recorder();
    const outcome = await guardSchema({ ...patient, sources: dataSource(drifted.url), db: drifted.url, mode: 'warn', logger });
    expect(outcome.status).toBe('drift');
    expect(logger.lines).toHaveLength(1);
    expect(logger.lines[0]).toContain('column-type-mismatch');
  });

  it('allow accepts findings by code, or by code on one table', async () => {
    const byCode = await guardSchema({
      ...patient,
      sources: dataSource(drifted.url),
      db: drifted.url,
      allow: ['column-type-mismatch', 'nullability-mismatch'],
    });
    expect(byCode.status).toBe('clean');
    const otherTable = await guardSchema({
      ...patient,
      sources: dataSource(drifted.url),
      db: drifted.url,
      mode: 'warn',
      logger: recorder(),
      allow: [
        { code: 'column-type-mismatch', table: 'public.notes' },
        { code: 'nullability-mismatch', table: 'users' },
      ],
    });
    expect(otherTable.result?.findings.map((finding) => finding.code)).toEqual(['nullability-mismatch']);
  });

  it('ORMDRIFT_SKIP=1 skips the check with one warning line naming the variable', async () => {
    const logger = recorder();
    const outcome = await guardSchema({ ...patient, sources: dataSource(drifted.url), db: drifted.url, logger, env: { ORMDRIFT_SKIP: '1' } });
    expect(outcome.status).toBe('skipped');
    expect(logger.lines).toHaveLength(1);
    expect(logger.lines[0]).toMatch(/SKIPPED.*ORMDRIFT_SKIP=1/);
  });

  it('never says clean when the models declare no table', async () => {
    const error = await guardSchema({ ...patient, sources: new DataSource({ type: 'postgres', entities: [] }), db: clean.url }).catch(
      (caught: unknown) => caught,
    );
    expect(String(error)).toMatch(/declares no table: nothing was compared/);
  });

  it('refuses a db it cannot read, saying what to pass', async () => {
    await expect(guardSchema({ ...patient, sources: dataSource(clean.url), db: { hello: 1 } })).rejects.toThrow(
      /pass a postgres:\/\/ URL, a pg Client or Pool/,
    );
    await expect(guardSchema({ ...patient, sources: dataSource(clean.url), db: dataSource(clean.url) })).rejects.toThrow(/DataSource is not initialized/);
  });

  it('borrows a pg Client without ending it or leaving it in a transaction', async () => {
    const client = new pg.Client({ connectionString: clean.url, application_name: 'the-app' });
    await client.connect();
    try {
      expect((await guardSchema({ ...patient, sources: [Note], db: client })).status).toBe('clean');
      // not inside the read-only transaction any more, and its settings are gone with it
      const [row] = (await client.query(`select current_setting('transaction_read_only') as read_only, current_setting('application_name') as name`)).rows;
      expect(row).toEqual({ read_only: 'off', name: 'the-app' });
    } finally {
      await client.end();
    }
  });
});

describe('guardDataSource, guardSequelize, guardDrizzle: the app connection, borrowed', () => {
  it('TypeORM: checks an initialized DataSource through its driver pool, which stays open and usable', async () => {
    const source = dataSource(drifted.url);
    await source.initialize();
    try {
      const error = await guardDataSource(source, patient).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(SchemaDriftError);
      expect(source.isInitialized).toBe(true);
      expect(await source.query('select 1 as one')).toEqual([{ one: 1 }]);
      expect(await sessions(drifted)).not.toContainEqual(expect.objectContaining({ application_name: 'ormdrift' }));
    } finally {
      await source.destroy();
    }
  });

  it('Sequelize: checks through its connection manager', async () => {
    const sequelize = new Sequelize(clean.url, { logging: false });
    sequelize.define(
      'Note',
      { id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true }, title: { type: DataTypes.TEXT, allowNull: false } },
      {
        tableName: 'notes',
        timestamps: false,
      },
    );
    try {
      expect((await guardSequelize(sequelize, patient)).status).toBe('clean');
      expect(await sequelize.query('select 1 as one', { plain: true })).toEqual({ one: 1 });
    } finally {
      await sequelize.close();
    }
  });

  it('Drizzle: checks the schema module through the database client', async () => {
    const pool = new pg.Pool({ connectionString: drifted.url });
    const schema = { notes: pgTable('notes', { id: serial('id').primaryKey(), title: text('title').notNull() }) };
    try {
      const outcome = await guardDrizzle(drizzle(pool), schema, { ...patient, mode: 'warn', logger: recorder() });
      expect(outcome.result?.findings.map((finding) => finding.code)).toEqual(['column-type-mismatch', 'nullability-mismatch']);
      expect(pool.totalCount).toBe(1); // the pool's own client served the reads, and is back in the pool
      expect(pool.idleCount).toBe(1);
    } finally {
      await pool.end();
    }
  });
});

describe('the deadline', () => {
  let silent: Server;
  let silentUrl: string;
  const sockets = new Set<Socket>();
  beforeAll(async () => {
    // accepts TCP connections and never says a word: a frozen host, a black-holing proxy
    silent = createServer((socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => {});
      socket.resume(); // read (and drop) what the client sends, so that its hang-up is seen
    });
    await new Promise<void>((listening) => silent.listen(0, '127.0.0.1', listening));
    silentUrl = `postgres://app:secret@127.0.0.1:${(silent.address() as { port: number }).port}/app`;
  });
  afterAll(() => new Promise<void>((closed) => silent.close(() => closed())));

  it('throw mode: rejects after timeoutMs saying it timed out, and drops the connection', async () => {
    const started = performance.now();
    const error = await guardSchema({ sources: [Note], db: silentUrl, timeoutMs: 500 }).catch((caught: unknown) => caught);
    const waited = performance.now() - started;
    expect(error).toBeInstanceOf(SchemaCheckTimeoutError);
    expect((error as Error).message).toMatch(/timed out after 500 ms/);
    expect((error as Error).message).not.toContain('secret');
    expect(waited).toBeGreaterThanOrEqual(490);
    expect(waited).toBeLessThan(1_500);
    await expect.poll(() => sockets.size, { timeout: 2_000 }).toBe(0);
  });

  it('warn mode: logs, as every check that could not run, that the app starts unchecked because it timed out, and resolves', async () => {
    const logger = recorder();
    const outcome = await guardSchema({ sources: [Note], db: silentUrl, timeoutMs: 300, mode: 'warn', logger });
    expect(outcome.status).toBe('timed-out');
    expect(logger.lines).toEqual([
      expect.stringMatching(/^⚠ ormdrift: the schema check did NOT run, the app starts unchecked: the schema check timed out after 300 ms and was stopped: /),
    ]);
  });

  it('leaves no timer or socket behind: a process that timed out exits at once', async () => {
    const script = `
      import { guardSchema } from '@ormdrift/guard';
      const outcome = await guardSchema({ sources: { name: 'notes', load: async () => ({ schema: { tables: [], enums: [] }, problems: [] }) }, db: process.argv[1], timeoutMs: 400, mode: 'warn' });
      console.log('guard:', outcome.status);
      const settled = performance.now();
      process.on('exit', () => console.log('exited after', Math.round(performance.now() - settled), 'ms'));
    `;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script, silentUrl], { cwd: process.cwd() });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk));
    const code = await new Promise<number | null>((exited, failed) => {
      child.on('exit', exited);
      child.on('error', failed); // a child that could not start fails the test, not the run
    });
    expect(output).toContain('guard: timed-out');
    expect(code).toBe(0);
    // a socket left to the driver's 10 s connect timeout would hold the process ~10 s after the guard gave up
    expect(Number(/exited after (\d+) ms/.exec(output)?.[1])).toBeLessThan(1_000);
  });

  /** Runs `script` as an ES module in a child process given `silentUrl`; killed after 10 s (code null) if it does not exit. */
  async function runScript(script: string): Promise<{ code: number | null; output: string; exitedAfterMs: number }> {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script, silentUrl], { cwd: process.cwd() });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk));
    const killer = setTimeout(() => child.kill(), 10_000);
    const code = await new Promise<number | null>((exited, failed) => {
      child.on('exit', exited);
      child.on('error', failed);
    }).finally(() => clearTimeout(killer));
    return { code, output, exitedAfterMs: Number(/exited after (\d+) ms/.exec(output)?.[1]) };
  }

  it("the app's own pg Pool with no connect timeout: the connect the guard started is dropped, the pool holds no connection and ends", async () => {
    const pool = new pg.Pool({ connectionString: silentUrl });
    const error = await guardSchema({ sources: [Note], db: pool, timeoutMs: 300 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SchemaCheckTimeoutError);
    // the pool would otherwise wait on that connection forever: its socket open, pool.end() never resolving
    await expect.poll(() => pool.totalCount, { timeout: 1_000 }).toBe(0);
    await expect.poll(() => sockets.size, { timeout: 1_000 }).toBe(0);
    await pool.end();
  });

  it('a Drizzle app whose pool has no connect timeout exits at once after the guard timed out, and pool.end() resolves', async () => {
    const run = await runScript(`
      import { guardDrizzle } from '@ormdrift/guard';
      import { pgTable, serial } from 'drizzle-orm/pg-core';
      import { drizzle } from 'drizzle-orm/node-postgres';
      import pg from 'pg';
      const pool = new pg.Pool({ connectionString: process.argv[1] });
      const users = pgTable('users', { id: serial('id').primaryKey() });
      const outcome = await guardDrizzle(drizzle(pool), { users }, { timeoutMs: 400, mode: 'warn', logger: { warn() {} } });
      console.log('guard:', outcome.status);
      const settled = performance.now();
      process.on('exit', () => console.log('exited after', Math.round(performance.now() - settled), 'ms'));
      await pool.end();
      console.log('pool ended');
    `);
    expect(run.output).toContain('guard: timed-out');
    expect(run.output).toContain('pool ended');
    expect(run.code).toBe(0);
    expect(run.exitedAfterMs).toBeLessThan(1_000);
  });

  it('a Sequelize app exits after the guard timed out once dialectOptions.connectionTimeoutMillis bounds the connect it started', async () => {
    // Sequelize gives no hold on a connection it is opening: its own connect timeout is what ends it (as the README says)
    const run = await runScript(`
      import { guardSequelize } from '@ormdrift/guard';
      import { DataTypes, Sequelize } from 'sequelize';
      const sequelize = new Sequelize(process.argv[1], { dialect: 'postgres', logging: false, dialectOptions: { connectionTimeoutMillis: 1500 } });
      sequelize.define('User', { email: DataTypes.STRING }, { tableName: 'users' });
      const outcome = await guardSequelize(sequelize, { timeoutMs: 400, mode: 'warn', logger: { warn() {} } });
      console.log('guard:', outcome.status);
      const settled = performance.now();
      process.on('exit', () => console.log('exited after', Math.round(performance.now() - settled), 'ms'));
      await sequelize.close();
      console.log('closed');
    `);
    expect(run.output).toContain('guard: timed-out');
    expect(run.output).toContain('closed');
    expect(run.code).toBe(0);
    expect(run.exitedAfterMs).toBeLessThan(3_000);
  });

  it('a catalog read that waits on a lock: stopped at the deadline, cancelled on the server, the borrowed pool client rolled back', async () => {
    const pool = new pg.Pool({ connectionString: clean.url, application_name: 'the-app' });
    const holder = new pg.Client({ connectionString: clean.url });
    await holder.connect();
    await holder.query('begin');
    await holder.query('lock table pg_catalog.pg_enum in access exclusive mode');
    try {
      const started = performance.now();
      const error = await guardSchema({ sources: [Note], db: pool, timeoutMs: 1_000 }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(SchemaCheckTimeoutError);
      expect(performance.now() - started).toBeLessThan(1_500);
      // the waiting read is cancelled on the server: no session stays waiting on the lock
      await expect.poll(() => waitingOnLock(clean), { timeout: 5_000 }).toEqual([]);
      await holder.query('rollback');
      // the pool is still the app's, and works
      expect((await pool.query('select 1 as one')).rows).toEqual([{ one: 1 }]);
    } finally {
      await holder.end();
      await pool.end();
    }
  });

  it('a borrowed pool client whose session the server ends mid-read: the read fails, the app does not crash', async () => {
    const pool = new pg.Pool({ connectionString: clean.url, application_name: 'the-app' });
    pool.on('error', () => {}); // what a pg app does for its idle clients; a lent client has no pool listener
    const holder = new pg.Client({ connectionString: clean.url });
    await holder.connect();
    await holder.query('begin');
    await holder.query('lock table pg_catalog.pg_enum in access exclusive mode');
    // node-postgres throws an 'error' event nobody listens to: here it lands, and the app would have crashed
    const uncaught: unknown[] = [];
    const record = (error: unknown) => void uncaught.push(error);
    process.on('uncaughtException', record);
    try {
      const logger = recorder();
      const guarding = guardSchema({ ...patient, sources: [Note], db: pool, mode: 'warn', logger });
      await expect.poll(() => waitingOnLock(clean), { timeout: 30_000 }).toHaveLength(1);
      await clean.query('select pg_terminate_backend($1)', await waitingOnLock(clean));
      const outcome = await guarding;
      expect(outcome.status).toBe('failed');
      expect(logger.lines).toEqual([expect.stringMatching(/^⚠ ormdrift: the schema check did NOT run, the app starts unchecked: .*terminat/)]);
      expect(uncaught).toEqual([]);
      await holder.query('rollback');
      // the pool dropped the dead client and lends a new one
      expect((await pool.query('select 1 as one')).rows).toEqual([{ one: 1 }]);
    } finally {
      process.off('uncaughtException', record);
      await holder.end();
      await pool.end();
    }
  });
});

/**
 * A check never says "no drift" when it compared nothing, never hangs, and no untrusted input (a name in the
 * database, a user module, a connection string) changes its outcome or controls the reader's terminal. The built
 * CLI runs as a user runs it, against real PostgreSQL.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { TLSSocket } from 'node:tls';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cliBin, expectOneLineError, runCli } from './support/run-cli.ts';
import { expectInterruptedWhileLocked, lockTable } from './support/lock-table.ts';
import { hasOpenssl, selfSignedCertificate } from './support/self-signed-certificate.ts';
import { createTestDatabase, type TestDatabase } from './support/test-database.ts';

const fixtures = resolve(import.meta.dirname, 'fixtures/reliability');
const check = (args: string[], options: { cwd?: string; env?: Record<string, string | undefined> } = {}) =>
  runCli(['check', ...args], { cwd: options.cwd ?? fixtures, ...(options.env ? { env: options.env } : {}) });

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  await database.query('create table notes (id serial primary key, title text not null, views integer)');
});
afterAll(() => database?.drop());

describe('nothing compared never passes', () => {
  it('a DataSource whose relative entities glob matches nothing from the current directory', async () => {
    const run = await check(['reliability/glob-app/data-source.ts', '--db', database.url], { cwd: resolve(fixtures, '..') });
    expectOneLineError(
      run,
      /^ormdrift: cannot load typeorm:(\w+): the entities glob "entities\/\*\.ts" of \1 matched no entity from \S+\/test\/fixtures \(TypeORM resolves relative globs from the current directory\)/,
    );
    // the data source is an ES module (the package's type is module): no __dirname there
    expect(run.stderr).toContain(
      "or build the glob from the file's own directory (path.join(import.meta.dirname, ...), or fileURLToPath(new URL('.', import.meta.url)) before Node 20.11)",
    );
  });

  it('the same DataSource, run from the directory the app runs from, checks clean', async () => {
    const run = await check(['data-source.ts', '--db', database.url], { cwd: join(fixtures, 'glob-app') });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toBe('✔ no drift: 1 declared table matches the database\n');
  });

  it('an absolute entities glob works from any directory, and one that matches nothing is not told to change directory', async () => {
    const works = await check(['reliability/glob-app/absolute-data-source.ts', '--db', database.url], { cwd: resolve(fixtures, '..') });
    expect(works).toMatchObject({ code: 0, stderr: '' });
    const nothing = await check(['reliability/glob-app/absolute-nothing.ts', '--db', database.url], { cwd: resolve(fixtures, '..') });
    expectOneLineError(
      nothing,
      /^ormdrift: cannot load typeorm:\w+: the entities glob "\/\S+\/glob-app\/dist\/entities\/\*\.js" of \w+ matched no entity: no file there exports one; check the path and the extension/,
    );
    expect(nothing.stderr).not.toMatch(/__dirname|current directory/);
  });

  it('a Sequelize instance with no model', async () => {
    const run = await check(['empty-sequelize.ts', '--db', database.url]);
    expectOneLineError(run, /^ormdrift: sequelize:\S+ declares no table: give it its entities or models/);
  });

  it('a Drizzle schema module with an enum and no table', async () => {
    const run = await check(['no-tables.ts', '--db', database.url]);
    expectOneLineError(run, /^ormdrift: drizzle:\S+ declares no table/);
  });

  it('--schema naming a schema the database lacks lists the ones it has', async () => {
    await database.query('create schema if not exists audit');
    const run = await check(['notes.ts', '--db', database.url, '--schema', 'pubilc']);
    expectOneLineError(run, /^ormdrift: the database has no schema "pubilc"; its schemas are "audit", "public": check --schema$/);
  });

  it('--schema naming a schema that exists but holds no declared table', async () => {
    await database.query('create schema if not exists audit');
    const run = await check(['notes.ts', '--db', database.url, '--schema', 'audit']);
    expectOneLineError(run, /^ormdrift: nothing to compare: no declared table is in schema "audit": check --schema$/);
  });

  it('--schema naming the schema the models use still checks', async () => {
    const run = await check(['notes.ts', '--db', database.url, '--schema', 'public']);
    expect(run).toMatchObject({ code: 0, stdout: '✔ no drift: 1 declared table matches the database\n', stderr: '' });
  });
});

describe('every wait has a deadline', () => {
  let silent: Server;
  let silentPort: number;
  const sockets = new Set<Socket>();
  const stopped = new Set<number>();
  beforeAll(async () => {
    silent = createServer((socket) => sockets.add(socket)); // accepts, never answers
    await new Promise<void>((done) => silent.listen(0, '127.0.0.1', done));
    silentPort = (silent.address() as { port: number }).port;
  });
  afterEach(() => {
    for (const pid of stopped) process.kill(pid, 'SIGCONT');
    stopped.clear();
  });
  afterAll(() => {
    for (const socket of sockets) socket.destroy();
    return new Promise<void>((done) => silent.close(() => done()));
  });

  /**
   * Holds an ACCESS EXCLUSIVE lock on pg_enum (the last catalog the introspector reads) until released, and calls
   * `onWaiting` with the pid of ormdrift's backend once it waits on that lock.
   */
  const lockPgEnum = (onWaiting: (pid: number) => Promise<void> | void) => lockTable(database, 'pg_catalog.pg_enum', onWaiting);

  it('a backend that stops answering mid-check (SIGSTOP): exit 2 naming the catalog read, soon after the deadline', async () => {
    const lock = await lockPgEnum((pid) => {
      process.kill(pid, 'SIGSTOP'); // a frozen host: the server's own statement timeout cannot fire
      stopped.add(pid);
    });
    try {
      const running = check(['notes.ts', '--db', database.url, '--statement-timeout', '2s']);
      await lock.seen;
      await lock.release();
      const run = await running;
      expectOneLineError(
        run,
        /^ormdrift: the database stopped answering while reading pg_enum \(no answer within 4 s\): check the server and the network, or raise --statement-timeout$/,
      );
      expect(run.ms).toBeLessThan(25_000);
    } finally {
      await lock.release();
    }
  }, 60_000);

  it('a catalog locked by another session: the server-side statement timeout ends the read', async () => {
    const lock = await lockPgEnum(() => {});
    try {
      const run = await check(['notes.ts', '--db', database.url, '--statement-timeout', '1s']);
      expectOneLineError(
        run,
        /^ormdrift: could not read the database schema \(reading pg_enum: canceling statement due to statement timeout\): pg_catalog\.pg_enum is locked \(AccessExclusiveLock\) by backend \d+ \(\w+, in a transaction open for \d+ s\): wait for it to end, or raise --statement-timeout$/,
      );
      expect(run.ms).toBeLessThan(20_000);
    } finally {
      await lock.release();
    }
  }, 120_000);

  it.each(['SIGINT', 'SIGTERM'] as const)(
    '%s while a catalog read waits on a lock: the query is cancelled on the server, exit at once',
    (signal) => expectInterruptedWhileLocked(database, 'pg_catalog.pg_enum', ['check', 'notes.ts', '--db', database.url], fixtures, signal),
    120_000,
  );

  it('a server that accepts the connection and never answers: --connect-timeout', async () => {
    const run = await check(['notes.ts', '--db', `postgres://app:s3cret@127.0.0.1:${silentPort}/app`, '--connect-timeout', '1s']);
    expectOneLineError(run, /^ormdrift: cannot connect to postgres:\/\/app@127\.0\.0\.1:\d+\/app: no answer within 1 s/);
    expect(run.stderr).not.toContain('s3cret');
    expect(run.ms).toBeLessThan(15_000);
  }, 30_000);

  it('a module that leaves a timer and a connected pg.Pool open: the report prints and the process ends', async () => {
    const run = await check(['leaves-handles.ts', '--db', database.url], { env: { APP_DATABASE_URL: database.url } });
    expect(run).toMatchObject({ code: 0, stdout: '✔ no drift: 1 declared table matches the database\n', stderr: '' });
    expect(run.ms).toBeLessThan(20_000);
  }, 30_000);

  it('the same module against a drifted database ends with exit 1', async () => {
    const drifted = await createTestDatabase();
    try {
      await drifted.query('create table notes (id serial primary key, title varchar(20) not null, views integer)');
      const run = await check(['leaves-handles.ts', '--db', drifted.url], { env: { APP_DATABASE_URL: drifted.url } });
      expect(run.code).toBe(1);
      expect(run.stdout).toContain('column-type-mismatch');
      expect(run.ms).toBeLessThan(20_000);
    } finally {
      await drifted.drop();
    }
  }, 30_000);

  it('a module whose top-level await never settles: exit 2 naming it after --import-timeout', async () => {
    const run = await check(['never-settles.ts', '--db', database.url, '--import-timeout', '1s']);
    expectOneLineError(run, /^ormdrift: never-settles\.ts did not finish loading within 1 s \(a top-level await that never settles\?\)/);
    expect(run.ms).toBeLessThan(15_000);
  }, 30_000);

  it.each([
    // a CommonJS module runs inside require(), at once: the loop is what the deadline meets
    ['busy-loop.cjs', 'a loop that never yields'],
    // a TypeScript module is transformed first, which may itself outlast a 1 s deadline on a busy machine
    ['busy-loop.ts', '(a loop that never yields|a top-level await that never settles)'],
  ])(
    'a module that loops at its top level and never yields (%s): exit 2 naming it, the deadline holds',
    async (module, cause) => {
      const run = await check([module, '--db', database.url, '--import-timeout', '1s']);
      const name = module.replace('.', '\\.');
      expectOneLineError(
        run,
        new RegExp(
          `^ormdrift: ${name} did not finish loading within 1 s \\(${cause}\\?\\): make the module declare its models without waiting on a service, or raise --import-timeout$`,
        ),
      );
      expect(run.ms).toBeLessThan(30_000);
    },
    60_000,
  );

  it('SIGTERM while waiting on the database: "interrupted", exit 143', async () => {
    const before = sockets.size;
    const child = spawn(process.execPath, [cliBin, 'check', 'notes.ts', '--db', `postgres://app@127.0.0.1:${silentPort}/app`, '--connect-timeout', '60s'], {
      cwd: fixtures,
      env: { ...process.env, DATABASE_URL: undefined },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const closed = new Promise<number | null>((done) => child.on('close', done));
    // connected to the silent server: the check waits on it
    for (let waited = 0; sockets.size === before && waited < 30_000; waited += 50) await new Promise((done) => setTimeout(done, 50));
    child.kill('SIGTERM');
    expect(await closed).toBe(143);
    expect(stderr).toBe('ormdrift: interrupted by SIGTERM before the run finished\n');
    expect(stdout).toBe('');
  }, 60_000);

  it.each([
    [['--statement-timeout', '-5s'], '--statement-timeout', '-5s'],
    [['--statement-timeout=-5s'], '--statement-timeout', '-5s'],
    [['--import-timeout', '-1'], '--import-timeout', '-1'],
    [['--connect-timeout=-0.5s'], '--connect-timeout', '-0.5s'],
  ])('a negative duration %j: must be a positive duration', async (args, flag, value) => {
    const run = await check(['notes.ts', '--db', database.url, ...args]);
    expectOneLineError(run, new RegExp(`^ormdrift: ${flag} must be a positive duration, not ${value.replace('.', '\\.')}: e\\.g\\. ${flag} 10s$`));
  });

  it('a duration flag that is not one', async () => {
    const run = await check(['notes.ts', '--db', database.url, '--statement-timeout', '0']);
    expectOneLineError(run, /^ormdrift: --statement-timeout 0 is not a duration/);
  });
});

describe('a user module cannot change the outcome', () => {
  it('console.log at import goes to stderr: stdout holds only the JSON report', async () => {
    const run = await check(['logs-at-import.ts', '--db', database.url, '--format', 'json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).summary).toEqual({ errors: 0, warnings: 0, tables: 1 });
    expect(run.stderr).toBe('connecting to the cache at redis://localhost:6379\ndebug: models ready\n');
  });

  it('process.exit(0) at import: exit 2 naming the module, no report', async () => {
    const run = await check(['exits-at-import.ts', '--db', database.url], { env: { REDIS_URL: undefined } });
    expectOneLineError(run, /^ormdrift: a loaded module called process\.exit\(0\): ormdrift stops rather than report a check it could not finish/);
  });

  it('process.exit(0) from a timer while the check runs: exit 2, never a pass', async () => {
    const run = await check(['exits-later.ts', '--db', database.url]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^ormdrift: a loaded module called process\.exit\(0\)/m);
  });

  it('--out naming the module to check: refused, the file untouched', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'ormdrift-out-'));
    try {
      await cp(join(fixtures, 'notes.ts'), join(directory, 'notes.ts'));
      const before = await readFile(join(directory, 'notes.ts'), 'utf8');
      const run = await check(['notes.ts', '--db', database.url, '--out', './notes.ts'], { cwd: directory });
      expectOneLineError(run, /^ormdrift: --out \.\/notes\.ts is one of the modules to check: write to another file, e.g. --out drift\.json/);
      expect(await readFile(join(directory, 'notes.ts'), 'utf8')).toBe(before);
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });

  it('--out naming another source file: refused before anything is written', async () => {
    const run = await check(['notes.ts', '--db', database.url, '--out', 'glob-app/entities/note.ts']);
    expectOneLineError(run, /^ormdrift: --out glob-app\/entities\/note\.ts names a source file/);
    expect(await readFile(join(fixtures, 'glob-app/entities/note.ts'), 'utf8')).toContain("@Entity('notes')");
  });
});

describe('syntax errors are errors', () => {
  it('a .ts module: exit 2 with file:line:col', async () => {
    const run = await check(['syntax-error.ts', '--db', database.url]);
    expectOneLineError(run, /^ormdrift: syntax error at syntax-error\.ts:2:26: Property assignment expected\.$/);
  });

  it('a .mts module', async () => {
    const run = await check(['syntax-error.mts', '--db', database.url]);
    expectOneLineError(run, /^ormdrift: syntax error at syntax-error\.mts:2:\d+: ',' expected\.$/);
  });

  it('a merge-conflict marker in an entity the DataSource imports', async () => {
    const run = await check(['data-source.ts', '--db', database.url], { cwd: join(fixtures, 'conflict-app') });
    expectOneLineError(run, /^ormdrift: syntax error at note\.ts:8:1: Merge conflict marker encountered\. \(and \d+ more\)$/);
  });
});

describe('connection errors say what to do, in one line', () => {
  it('sslmode=require against a server without SSL', async () => {
    const url = new URL(database.url);
    url.searchParams.set('sslmode', 'require');
    const run = await check(['notes.ts', '--db', url.toString()]);
    expectOneLineError(run, /the server does not accept SSL connections but the URL asks for SSL \(sslmode=require\): set sslmode=disable/);
    expect(run.stderr).not.toContain('SECURITY WARNING');
  });

  it('an sslmode that is not one: named with the valid ones, not "server does not accept SSL"', async () => {
    const url = new URL(database.url);
    url.password = 's3cret';
    url.searchParams.set('sslmode', 'bogus');
    const run = await check(['notes.ts', '--db', url.toString()]);
    expectOneLineError(
      run,
      /^ormdrift: sslmode=bogus in the connection string is not an SSL mode: use one of disable, allow, prefer, require, verify-ca, verify-full, no-verify \(no-verify is node-postgres's own\)$/,
    );
    expect(run.stderr).not.toContain('s3cret');
  });

  it.each([
    ['an unencoded "#"', 'postgres://app:pa#ss@127.0.0.1:5432/app', /the connection string holds an unencoded "#": percent-encode/],
    ['an unencoded "@" before a "/"', 'postgres://app:p@ss/w@127.0.0.1:5432/app', /the connection string holds an unencoded "@": percent-encode/],
    [
      'a port that is a word',
      'postgres://app:pa:ss:x@127.0.0.1:port/app',
      /^ormdrift: the port "port" in the connection string is not a port number \(1 to 65535\)/,
    ],
    ['an unencoded "#" and a port out of range', 'postgres://app:pa#ss@127.0.0.1:99999/app', /the connection string holds an unencoded "#": percent-encode/],
    [
      'a port above 65535',
      'postgres://u@h:99999/db',
      /^ormdrift: the port "99999" in the connection string is not a port number \(1 to 65535\): e\.g\. postgres:\/\/user@host:5432\/database$/,
    ],
    ['a port that is not a number', 'postgres://u@h:abc/db', /^ormdrift: the port "abc" in the connection string is not a port number \(1 to 65535\)/],
    ['an unencoded "/" in the password', 'postgres://app:pa/ss@127.0.0.1:5432/app', /the connection string holds an unencoded "\/" or "\?": percent-encode/],
  ])('a malformed URL: %s', async (_, db, pattern) => {
    const run = await check(['notes.ts', '--db', db]);
    expectOneLineError(run, pattern);
    expect(run.stderr).not.toMatch(/pa#ss|p@ss|pa\/ss|pa:ss|unexpected error/);
  });

  describe('a server with a self-signed certificate', () => {
    let server: Server;
    let port: number;
    let directory: string;
    const sockets = new Set<Socket>();
    beforeAll(async () => {
      if (!hasOpenssl) return;
      directory = await mkdtemp(join(tmpdir(), 'ormdrift-tls-'));
      const files = selfSignedCertificate(directory);
      const [key, cert] = await Promise.all([readFile(files.key), readFile(files.cert)]);
      // Speaks just enough of the protocol: accepts the SSLRequest, then the TLS handshake, then never answers.
      server = createServer((socket) => {
        sockets.add(socket);
        socket.once('data', () => {
          socket.write('S');
          const tls = new TLSSocket(socket, { isServer: true, key, cert });
          tls.on('error', () => {});
        });
        socket.on('error', () => {});
      });
      await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
      port = (server.address() as { port: number }).port;
    });
    afterAll(async () => {
      if (!hasOpenssl) return;
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((done) => server.close(() => done()));
      await rm(directory, { recursive: true, force: true });
    });

    it.skipIf(!hasOpenssl)('sslmode=require: one line naming uselibpqcompat=true and sslrootcert', async () => {
      const run = await check(['notes.ts', '--db', `postgres://app:s3cret@localhost:${port}/app?sslmode=require`]);
      expectOneLineError(
        run,
        /^ormdrift: cannot connect to postgres:\/\/app@localhost:\d+\/app: the server's SSL certificate is not trusted \(self-signed certificate\): pass sslrootcert=\/path\/to\/root\.crt to verify it, or add uselibpqcompat=true to the URL so that sslmode=require encrypts without verifying, as psql does$/,
      );
      expect(run.stderr).not.toMatch(/SECURITY WARNING|s3cret/);
    });

    it.skipIf(!hasOpenssl)('with uselibpqcompat=true the handshake passes (then the silent server times out)', async () => {
      const run = await check(['notes.ts', '--db', `postgres://app@localhost:${port}/app?sslmode=require&uselibpqcompat=true`, '--connect-timeout', '1s']);
      expectOneLineError(run, /no answer within 1 s/);
    });

    it.skipIf(!hasOpenssl)('sslrootcert naming a file that does not exist', async () => {
      const run = await check(['notes.ts', '--db', `postgres://app@localhost:${port}/app?sslmode=verify-full&sslrootcert=/no/such/root.crt`]);
      expectOneLineError(
        run,
        /^ormdrift: sslrootcert=\/no\/such\/root\.crt in the connection string: no such file \(the CA certificate to verify the server with; a relative path is from \S+\)$/,
      );
      expect(existsSync('/no/such/root.crt')).toBe(false);
    });
  });
});

describe('untrusted names never control the terminal', () => {
  it('a table named with an escape sequence or a newline and a forged verdict is printed escaped', async () => {
    const hostile = await createTestDatabase({ template: database });
    try {
      await hostile.query(`create table "\u001b[2Jwiped" (id integer)`);
      await hostile.query(`create table "x\n✔ no drift: 0 declared tables match the database" (id integer)`);
      await hostile.query(`create table "rtl\u202eexe.txt" (id integer)`);
      const run = await check(['notes.ts', '--db', hostile.url]);
      expect(run.stderr).toBe('');
      expect(run.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
      // in PostgreSQL's Unicode-escape form: valid SQL, one line, nothing a terminal acts on
      expect(run.stdout).toContain('U&"\\001b[2Jwiped"');
      expect(run.stdout).toContain('U&"x\\000a✔ no drift: 0 declared tables match the database"');
      expect(run.stdout).toContain('U&"rtl\\202eexe.txt"');
      expect(run.stdout.split('\n').filter((line) => line.startsWith('✔'))).toEqual([]);
      // JSON keeps the exact names: escaping is the job of its parser
      const json = JSON.parse((await check(['notes.ts', '--db', hostile.url, '--format', 'json'])).stdout);
      expect(json.findings.map((finding: { table: string }) => finding.table)).toEqual(
        expect.arrayContaining(['\u001b[2Jwiped', 'x\n✔ no drift: 0 declared tables match the database', 'rtl\u202eexe.txt']),
      );
    } finally {
      await hostile.drop();
    }
  });
});

describe('small things said right', () => {
  it.each(['tla.ts', 'tla.js'])('top-level await in a CommonJS package (%s): one line saying what to do', async (module) => {
    const run = await check([`cjs-package/${module}`, '--db', database.url]);
    const rename = module.endsWith('.js') ? '.mjs' : '.mts';
    expectOneLineError(
      run,
      new RegExp(
        `^ormdrift: cjs-package/${module.replace('.', '\\.')} uses top-level await, which a CommonJS module cannot: make its package ESM \\("type": "module" in package\\.json\\) or rename it to \\${rename}, or move the await into a function$`,
      ),
    );
  });

  const allOff = async () => {
    const { rules } = await import('@ormdrift/core');
    return Object.keys(rules).flatMap((code) => ['--rule', `${code}=off`]);
  };
  const notice = 'all finding codes are off (--rule CODE=off for each): nothing is reported, whatever the database holds';
  const summary = 'all finding codes are off: nothing is reported, whatever the database holds (1 declared table read)';

  it('every code off on a drifted database: never "no drift", in check, diff and baseline', async () => {
    const drifted = await createTestDatabase();
    try {
      await drifted.query('create table notes (id serial primary key, title varchar(20))');
      const off = await allOff();
      const codes = off.filter((_, index) => index % 2 === 1).map((setting) => setting.replace(/=off$/, ''));
      const text = await check(['notes.ts', '--db', drifted.url, ...off]);
      expect(text).toMatchObject({ code: 0, stderr: '', stdout: `! ${summary}\n` });
      const json = await check(['notes.ts', '--db', drifted.url, ...off, '--format', 'json']);
      expect(json).toMatchObject({ code: 0, stderr: '' });
      expect(JSON.parse(json.stdout)).toMatchObject({ findings: [], summary: { errors: 0, warnings: 0, off: codes } });
      const written = join(tmpdir(), `ormdrift-all-off-${process.pid}.sarif`);
      const sarif = await check(['notes.ts', '--db', drifted.url, ...off, '--format', 'sarif', '--out', written]);
      expect(sarif).toMatchObject({ code: 0, stderr: `ormdrift: ${summary}; report written to ${written}\n` });
      await rm(written, { force: true });
      const diff = await runCli(['diff', '--db', drifted.url, '--against', database.url, ...off], { cwd: fixtures });
      expect(diff).toMatchObject({ code: 0, stderr: '', stdout: `! ${summary}\n` });
      const baseline = await runCli(['baseline', 'notes.ts', '--db', drifted.url, ...off, '--out', join(tmpdir(), 'ormdrift-never-written.json')], {
        cwd: fixtures,
      });
      expectOneLineError(baseline, new RegExp(`^ormdrift: ${notice.replace(/[()]/g, '\\$&')}: a baseline would record no finding; leave some codes on$`));
      expect(existsSync(join(tmpdir(), 'ormdrift-never-written.json'))).toBe(false);
    } finally {
      await drifted.drop();
    }
  }, 240_000);

  it('diff --db with a wrong URL fails before it builds the migrations on an embedded server', async () => {
    const cache = await mkdtemp(join(tmpdir(), 'ormdrift-no-server-'));
    try {
      const run = await runCli(
        ['diff', '--db', 'postgres://app@127.0.0.1:1/app', '--migrations', resolve(import.meta.dirname, '../examples/migrations-app/migrations')],
        {
          cwd: fixtures,
          env: { ORMDRIFT_CACHE_DIR: cache },
        },
      );
      expectOneLineError(run, /^ormdrift: cannot connect to postgres:\/\/app@127\.0\.0\.1:1\/app: connection refused/);
      // no template cluster was built, no server started
      expect(await readdir(cache)).toEqual([]);
    } finally {
      await rm(cache, { recursive: true, force: true });
    }
  });
});

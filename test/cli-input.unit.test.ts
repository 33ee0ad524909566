/**
 * What a user sees for malformed input to the CLI, where no database is needed: connection strings that hold a
 * password but do not parse, arguments a command does not take, and the import deadline of migration modules.
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, runCliHere, type CliRun } from './support/run-cli.ts';

let cwd: string;
beforeAll(async () => {
  cwd = await mkdtemp(join(tmpdir(), 'ormdrift-cli-input-'));
  await writeFile(join(cwd, 'package.json'), '{ "type": "module" }\n');
  await mkdir(join(cwd, 'migrations-ok'));
  await writeFile(
    join(cwd, 'migrations-ok/1700000000000-Init.ts'),
    'export class Init1700000000000 {\n  async up(): Promise<void> {}\n  async down(): Promise<void> {}\n}\n',
  );
  // a TypeORM migration module that never finishes importing: a top-level await on a service that is not there
  await mkdir(join(cwd, 'migrations'));
  await writeFile(
    join(cwd, 'migrations/1700000000000-Init.ts'),
    'await new Promise(() => {});\nexport class Init1700000000000 {\n  async up(): Promise<void> {}\n  async down(): Promise<void> {}\n}\n',
  );
});
afterAll(async () => {
  await rm(cwd, { recursive: true, force: true });
});

// a module that declares models, so that check goes on to the connection string
const models = resolve(import.meta.dirname, 'fixtures/reliability/notes.ts');
// the same, CommonJS: in this process it loads through the CLI's require() hooks (an ES module would need its
// import() hooks thread, which cannot load the CLI's TypeScript source)
const commonJsModels = resolve(import.meta.dirname, 'fixtures/cli/shapes/commonjs-object.cts');
/** The CLI in this process: what a command prints for bad input does not depend on the process printing it. */
const cli = (args: string[]) => runCliHere(args, { cwd });
/** The built bin: where the process is the subject (its import deadline, its stack traces' source maps). */
const bin = (args: string[]) => runCli(args, { cwd });

function expectOneLine(run: CliRun, line: string): void {
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr).toBe(`ormdrift: ${line}\n`);
}

describe('a malformed connection string never prints its password', { timeout: 60_000 }, () => {
  const example = 'e.g. postgres://user@host:5432/database';
  const encode =
    'percent-encode special characters in the user and password (# as %23, @ as %40, / as %2F, ? as %3F, : as %3A, % as %25), ' +
    'or leave the password out of the URL and set PGPASSWORD';
  it.each([
    [
      'a "[" in the host',
      'postgres://app:Hunter2@[db/x',
      'the host "[db" in the connection string opens a "[" it does not close: write an IPv6 address in brackets, e.g. postgres://user@[::1]:5432/database',
    ],
    ['a port that is a word', 'postgres://app:Hunter2@db:port/x', `the port "port" in the connection string is not a port number (1 to 65535): ${example}`],
    ['a port above 65535', 'postgres://app:Hunter2@db:99999/x', `the port "99999" in the connection string is not a port number (1 to 65535): ${example}`],
    [
      'a ":" in the password and a bad port',
      'postgres://app:Hun:ter2@db:5x/x',
      `the port "5x" in the connection string is not a port number (1 to 65535): ${example}`,
    ],
    ['no host after the "@"', 'postgres://app:Hunter2@/x', `the connection string has no host before its port or after its "@": ${example}`],
    ['a port and no host', 'postgres://app:Hunter2@:5432/x', `the connection string has no host before its port or after its "@": ${example}`],
    ['a host that is no name', 'postgres://app:Hunter2@d b/x', `the host "d b" in the connection string is not a host name: ${example}`],
    ['a "%zz" escape in the password', 'postgres://app:Hun%zzter2@db/x', `the connection string holds a "%" that is not followed by two hex digits: ${encode}`],
    ['a "%zz" escape in the database', 'postgres://app:Hunter2@db/x%zz', `the connection string holds a "%" that is not followed by two hex digits: ${encode}`],
    ['an unknown scheme', 'mysql://app:Hunter2@db/x', 'mysql://app@db/x is not a PostgreSQL URL: pass --db postgres://user@host:5432/database'],
    // the password is the user name: the redacted URL names the user, which must not read as ***
    [
      'an unknown scheme, the password the user name',
      'mysql://postgres:postgres@db/x',
      'mysql://postgres@db/x is not a PostgreSQL URL: pass --db postgres://user@host:5432/database',
    ],
    // without "scheme://" a URL parser reads the user as a scheme and the password as a path: nothing is quoted
    ['user:password@ without a scheme', 'app:Hunter2@db:5432/x', 'the connection string is not a PostgreSQL URL: pass --db postgres://user@host:5432/database'],
    ['the same, percent-encoded', 'app:Hun%2Fter2@db:5432/x', 'the connection string is not a PostgreSQL URL: pass --db postgres://user@host:5432/database'],
    [
      'a keyword/value string',
      'host=db user=app password=Hunter2',
      'the connection string is not a PostgreSQL URL: pass --db postgres://user@host:5432/database',
    ],
    ['a "?" in the password', 'postgres://app:12?Hunter2@db/x', `the connection string holds an unencoded "/" or "?": ${encode}`],
    ['keyword/value behind the scheme', 'postgres://password=Hunter2/x', `the host in the connection string is not a host name: ${example}`],
  ])('%s', async (_, db, line) => {
    for (const args of [
      ['check', commonJsModels, '--db', db],
      ['status', '--migrations', 'migrations-ok', '--migrations-kind', 'typeorm', '--db', db],
    ]) {
      expectOneLine(await cli(args), line);
      const debug = await cli([...args, '--debug']);
      expect(debug.code).toBe(2);
      expect(debug.stderr).toContain(`ormdrift: ${line}\n`);
      expect(debug.stderr).not.toMatch(/Hunter2|Hun%zzter2|Hun%2Fter2|ter2/);
    }
  });
});

describe('arguments a command does not take', { timeout: 30_000 }, () => {
  it.each(['diff', 'status'])('%s names the whole argument and what it takes', async (command) => {
    const run = await cli([command, 't/s1.ts']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      new RegExp(
        `^ormdrift: unexpected argument "t/s1\\.ts": ormdrift ${command} takes options only \\(ormdrift ${command} --[^\\n]*\\): see "ormdrift ${command} --help"\\n$`,
      ),
    );
  });
});

describe('--import-timeout on the commands that import migration modules', { timeout: 30_000 }, () => {
  it('status stops a migration module that never finishes importing', async () => {
    const run = await bin([
      'status',
      '--migrations',
      'migrations',
      '--migrations-kind',
      'typeorm',
      '--db',
      'postgres://app@127.0.0.1:1/x',
      '--import-timeout',
      '1s',
    ]);
    expectOneLine(
      run,
      `${join(cwd, 'migrations/1700000000000-Init.ts')} did not finish loading within 1 s (a top-level await that never settles?): make the module declare its models without waiting on a service, or raise --import-timeout`,
    );
  });

  it.each(['diff', 'status'])('%s takes --import-timeout and reads it like check does', async (command) => {
    const help = await cli([command, '--help']);
    expect(help.stdout).toMatch(/--import-timeout DURATION +limit importing each TypeORM or sequelize-cli migration module \(default 30s\)/);
    const run = await cli([command, '--migrations', 'migrations', '--db', 'postgres://app@127.0.0.1:1/x', '--import-timeout', 'soon']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^ormdrift: --import-timeout soon /);
  });
});

describe('duration flags', { timeout: 30_000 }, () => {
  it('zero with its unit must be more than 0', async () => {
    expectOneLine(
      await cli(['diff', '--db', 'postgres://app@127.0.0.1:1/x', '--against', 'postgres://app@127.0.0.1:1/y', '--import-timeout', '0s']),
      '--import-timeout 0s must be more than 0: e.g. --import-timeout 10s (0 would mean no limit)',
    );
  });

  it.each([
    ['--import-timeout', 'the longest timer Node keeps, INT_MAX milliseconds'],
    ['--connect-timeout', 'the longest timer Node keeps, INT_MAX milliseconds'],
    ['--statement-timeout', "PostgreSQL's limit for statement_timeout, INT_MAX milliseconds"],
  ])('%s above the maximum cites the limit that binds it', async (flag, limit) => {
    expectOneLine(
      await cli(['diff', '--db', 'postgres://app@127.0.0.1:1/x', '--against', 'postgres://app@127.0.0.1:1/y', flag, '100000m']),
      `${flag} 100000m is more than the maximum, 2147483647ms (about 24.8 days: ${limit})`,
    );
  });
});

describe('--debug stack traces', { timeout: 30_000 }, () => {
  it('name the TypeScript sources and their lines, not the bundle or the built JavaScript', async () => {
    const run = await bin(['check', models, '--db', 'postgres://app:Hunter2@127.0.0.1:1/x?sslmod=require', '--debug']);
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n')[0]).toMatch(/^ormdrift: unknown parameter sslmod in the connection string/);
    // the frame that threw, and the command that asked, each at a line of its .ts source
    expect(run.stderr).toMatch(/^ {4}at checkConnectionUrl \(\S*packages\/postgres\/src\/connect\/check-connection-url\.ts:\d+:\d+\)$/m);
    expect(run.stderr).toMatch(/^ {4}at .*\(\S*packages\/cli\/src\/commands\/check-command\.ts:\d+:\d+\)$/m);
    expect(run.stderr).not.toMatch(/bundle\/|\/dist\/|\.js:\d+/);
    expect(run.stderr).not.toContain('Hunter2');
  });
});

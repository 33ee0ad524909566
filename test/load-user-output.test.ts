/**
 * Standard output belongs to the report: what a user module writes to file descriptor 1 while ormdrift runs (through
 * `node:fs` as pino and sonic-boom do, through `process.stdout`, from a timer) goes to standard error, and a
 * `--format json` report still parses. The built CLI runs as a user runs it, against real PostgreSQL.
 */
import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliBin, runCli } from './support/run-cli.ts';
import { createTestDatabase, type TestDatabase } from './support/test-database.ts';

const fixtures = resolve(import.meta.dirname, 'fixtures/user-output');

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  await database.query('create table notes (id serial primary key, title text not null, views integer)');
});
afterAll(() => database?.drop());

/** `ormdrift check module --format json`: exit 0, standard output one JSON report of the one table, nothing else. */
async function checkJson(module: string): Promise<string> {
  const run = await runCli(['check', module, '--db', database.url, '--format', 'json'], { cwd: fixtures });
  expect(run.code, run.stderr).toBe(0);
  expect(JSON.parse(run.stdout).summary).toEqual({ errors: 0, warnings: 0, tables: 1 });
  return run.stderr;
}

describe('writes to file descriptor 1 from a loaded module go to standard error', () => {
  it('an ES module: fs.writeSync (the fs object and a named import), fs.write, fs.writev, process.stdout, a stream on fd 1, a timer', async () => {
    const stderr = await checkJson('fd-writes.mjs');
    expect(stderr.split('\n').sort()).toEqual(
      [
        '',
        'a write stream on fd 1',
        'fs.write',
        'fs.writeSync',
        'fs.writeSync from a timer',
        'fs.writev',
        'process.stdout.write',
        'writeSync through an ESM import',
      ].sort(),
    );
  });

  it('a CommonJS module: fs.writeSync, fs.writeFileSync and fs.appendFileSync on fd 1', async () => {
    const stderr = await checkJson('fd-writes.cjs');
    expect(stderr).toBe('fs.writeSync from CommonJS\nfs.writeFileSync from CommonJS\nfs.appendFileSync from CommonJS\n');
  });

  it("pino's default destination (asynchronous sonic-boom on fd 1) and a synchronous one", async () => {
    const stderr = await checkJson('pino-logger.mjs');
    const lines = stderr
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as { level: number; msg: string });
    expect(lines.map(({ level, msg }) => ({ level, msg })).sort((a, b) => a.level - b.level)).toEqual([
      { level: 30, msg: 'logger ready' },
      { level: 40, msg: 'cache not configured' },
    ]);
  });

  it('standard output redirected to a file (Node writes it synchronously): the report is the file, the logs are not', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'ormdrift-stdout-'));
    try {
      const report = join(folder, 'report.json');
      const fd = openSync(report, 'w');
      const args = ['check', 'fd-writes.cjs', '--db', database.url, '--format', 'json'];
      const child = spawn(process.execPath, [cliBin, ...args], {
        cwd: fixtures,
        stdio: ['ignore', fd, 'pipe'],
        env: { ...process.env, DATABASE_URL: undefined },
      });
      closeSync(fd);
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      expect(await new Promise((done) => child.on('close', done))).toBe(0);
      expect(JSON.parse(readFileSync(report, 'utf8')).summary).toEqual({ errors: 0, warnings: 0, tables: 1 });
      expect(stderr).toBe('fs.writeSync from CommonJS\nfs.writeFileSync from CommonJS\nfs.appendFileSync from CommonJS\n');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

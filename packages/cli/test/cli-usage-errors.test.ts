/** One-line usage errors and small promises of the CLI, run in-process: nothing here reaches a database. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { evaluate, mergeRegistries, reporters } from '@ormdrift/core';
import { column, dbTable, schema, source, table } from '../../core/test/support/models.ts';
import { writeBaselineFile } from '../src/baseline-io.ts';
import { casingHint } from '../src/casing-hint.ts';
import { runCli } from '../src/cli.ts';
import { thrownMessage } from '../src/thrown-value.ts';

const root = mkdtempSync(join(tmpdir(), 'ormdrift-usage-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
// every failure here comes before any connection: a closed port is never reached
const db = 'postgres://app@127.0.0.1:1/app';

/** A directory with the given files. */
function project(name: string, files: Record<string, string>): string {
  const directory = join(root, name);
  mkdirSync(join(directory, '.git'), { recursive: true });
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(join(directory, file, '..'), { recursive: true });
    writeFileSync(join(directory, file), content);
  }
  return directory;
}

/** The CLI in-process, as the bin runs it: the exit code and what it printed. */
async function cli(cwd: string, args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    cwd,
    env: {},
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  });
  return { code, stdout, stderr };
}

describe('a duration with no unit', () => {
  const dir = project('durations', { 'src/data-source.ts': 'export const x = 1;\n', 'migrations/001_init.sql': 'select 1;\n' });

  it.each([
    ['check', '--migration-timeout'],
    ['check', '--connect-timeout'],
    ['check', '--statement-timeout'],
    ['check', '--import-timeout'],
    ['baseline', '--statement-timeout'],
    ['fix', '--migration-timeout'],
    ['diff', '--migration-timeout'],
    ['status', '--connect-timeout'],
    ['status', '--statement-timeout'],
  ])('%s %s 3 is refused in one line, before anything runs', async (command, flag) => {
    const run = await cli(dir, [
      command,
      ...(command === 'status' || command === 'diff' ? [] : ['src/data-source.ts']),
      '--db',
      db,
      '--migrations',
      'migrations',
      flag,
      '3',
    ]);
    expect(run).toEqual({ code: 2, stdout: '', stderr: `ormdrift: ${flag} 3 has no unit: say 3s\n` });
  });

  it('check --workspace refuses it once, not once per service', async () => {
    const run = await cli(dir, ['check', '--workspace', '--statement-timeout', '3']);
    expect(run).toEqual({ code: 2, stdout: '', stderr: 'ormdrift: --statement-timeout 3 has no unit: say 3s\n' });
  });
});

describe('ormdrift baseline --out', () => {
  const dir = project('baseline', { 'src/data-source.ts': 'export const x = 1;\n' });

  it('refuses the module to check, and leaves it as it was', async () => {
    const run = await cli(dir, ['baseline', 'src/data-source.ts', '--db', db, '--out', 'src/data-source.ts']);
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: 'ormdrift: --out src/data-source.ts is one of the modules to check: write to another file, e.g. --out drift.json\n',
    });
    expect(readFileSync(join(dir, 'src/data-source.ts'), 'utf8')).toBe('export const x = 1;\n');
  });

  it('refuses any other source file', async () => {
    const run = await cli(dir, ['baseline', 'src/data-source.ts', '--db', db, '--out=src/other.ts']);
    expect(run.stderr).toBe('ormdrift: --out src/other.ts names a source file: write to a .txt, .json or .sql file\n');
    expect(run.code).toBe(2);
  });

  it('says the folder does not exist in the words check --out uses', async () => {
    const file = join(root, 'nope', 'b.json');
    await expect(writeBaselineFile(file, root, { version: 1, entries: [] } as never)).rejects.toThrow(
      `cannot write the baseline to ${file}: the folder ${join(root, 'nope')} does not exist: create it first`,
    );
  });
});

describe('a module that throws what is no Error', () => {
  it.each([
    ['null', 'throw null;', 'null'],
    ['undefined', 'throw undefined;', 'undefined'],
    ['a prototype-less object', 'throw Object.create(null);', '[Object: null prototype] {}'],
    ['a plain object', "throw { code: 'E' };", "{ code: 'E' }"],
    ['a string', "throw 'no config';", 'no config'],
  ])('%s: names the module and what it threw, on one line', async (name, statement, rendered) => {
    const dir = project(`throws-${name.replace(/\W+/g, '-')}`, { 'thrownull.ts': `export const x = 1;\n${statement}\n` });
    const run = await cli(dir, ['check', 'thrownull.ts', '--db', db]);
    expect(run).toEqual({ code: 2, stdout: '', stderr: `ormdrift: thrownull.ts threw while being imported: ${rendered}\n` });
  });

  it('renders a nested object on one line', () => {
    expect(thrownMessage({ code: 'E', detail: { lines: ['a', 'b'] } })).toBe("{ code: 'E', detail: { lines: [ 'a', 'b' ] } }");
  });
});

describe('--migrations-kind forced on a path that is not of that kind', () => {
  const dir = project('wrong-kind', { 'models.ts': 'export const x = 1;\n', 'migrations/1-init.sql': 'create table t (id int);\n', 'empty/.keep': '' });

  it.each([
    ['drizzle', 'migrations', 'ormdrift: migrations is not a drizzle-kit migrations folder (no meta/_journal.json)\n'],
    ['typeorm', 'migrations', 'ormdrift: migrations is not TypeORM migrations (no .ts or .js migration in it)\n'],
    ['sequelize', 'migrations', 'ormdrift: migrations is not sequelize-cli migrations (no .js or .ts migration in it)\n'],
    ['sql', 'empty', 'ormdrift: empty is not SQL migrations (no .sql file in it)\n'],
    ['drizzle', 'models.ts', 'ormdrift: models.ts is not a drizzle-kit migrations folder (no meta/_journal.json)\n'],
    ['sql', 'models.ts', 'ormdrift: models.ts is not SQL migrations (not a .sql file)\n'],
  ])('%s on %s: one line naming what is missing', async (kind, path, stderr) => {
    for (const command of [
      ['check', 'models.ts', '--db', db],
      ['status', '--db', db],
    ]) {
      const run = await cli(dir, [...command, '--migrations', path, '--migrations-kind', kind]);
      expect(run).toEqual({ code: 2, stdout: '', stderr });
    }
  });
});

describe('ormdrift status --ledger', () => {
  it.each(['x.y.z', '.ledger', 'public.', 'a..b'])('%s: exit 2, it takes a table or schema.table', async (ledger) => {
    const dir = project('ledger', { 'migrations/1-init.sql': 'create table t (id int);\n' });
    const run = await cli(dir, ['status', '--migrations', 'migrations', '--db', db, '--ledger', ledger]);
    expect(run).toEqual({ code: 2, stdout: '', stderr: `ormdrift: --ledger ${ledger}: --ledger takes a table or schema.table\n` });
  });
});

describe('ormdrift --version', () => {
  const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

  it.each(['--version', '-v'])('%s prints the package version and exits 0', async (flag) => {
    expect(await cli(root, [flag])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('--help mentions it', async () => {
    expect((await cli(root, ['--help'])).stdout).toContain('ormdrift --version');
  });
});

describe('a report that looks like a casing mismatch', () => {
  const result = evaluate({
    expected: mergeRegistries([
      schema([table('users', [column('id', 'integer'), column('createdAt', 'timestamp')], { primaryKey: ['id'], sources: [source('users', 'drizzle')] })]),
    ]),
    actual: schema([dbTable('users', [column('id', 'integer'), column('created_at', 'timestamp')], { primaryKey: ['id'] })]),
  });

  it('has a next step that says to fix the casing, not to migrate', () => {
    const hint = casingHint(result);
    expect(hint?.sentence).toMatch(/^this looks like a casing mismatch, not drift/);
    const report = reporters.text({ color: false }).render(result, { nextStep: hint!.nextStep });
    expect(report.trimEnd().split('\n').at(-1)).toBe(
      "next: fix the casing, not the database: set casing: 'snake_case' in drizzle.config.ts, or drizzle: { casing: 'snake_case' } in ormdrift.config.ts, then check again",
    );
    // without the hint the rules' own next step stands
    expect(reporters.text({ color: false }).render(result)).toMatch(/\nnext: .*\(missing-column, see /);
  });
});

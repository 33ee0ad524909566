/**
 * `@ormdrift/vitest` as its users run it: the built package, loaded by real vitest 4 and 3 (ESM, `setupFiles`) and real
 * jest 30 and 29 with ts-jest (CommonJS, `setupFilesAfterEnv`), on example test files that must pass, and that must fail with
 * ormdrift's report as the message; against a database, and against the database the fixture's migrations build.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './support/test-database.ts';

const root = resolve(import.meta.dirname, '..');
const fixtures = join(root, 'test/fixtures/matchers');

let clean: TestDatabase;
let drifted: TestDatabase;
beforeAll(async () => {
  // the package as published: its ESM and CommonJS builds
  if (!existsSync(join(root, 'packages/vitest/dist/setup.cjs'))) {
    const build = spawnSync('pnpm', ['--filter', '@ormdrift/vitest', 'build'], { cwd: root, encoding: 'utf8' });
    expect(build.status, build.stderr).toBe(0);
  }
  clean = await createTestDatabase();
  await clean.query('create table notes (id serial primary key, title text not null)');
  drifted = await createTestDatabase();
  await drifted.query('create table notes (id serial primary key, title varchar(20))');
}, 120_000);
afterAll(async () => {
  await clean?.drop();
  await drifted?.drop();
});

interface TestOutcome {
  readonly title: string;
  readonly status: string;
  readonly message: string;
}

/** Runs a test runner as a user does, and reads its JSON report: each test's title, status and failure message. */
function run(command: readonly string[], cwd: string, output: string): { code: number | null; tests: TestOutcome[]; stderr: string } {
  const child = spawnSync(process.execPath, command, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, CLEAN_URL: clean.url, DRIFTED_URL: drifted.url, NO_COLOR: '1', FORCE_COLOR: '0' },
    timeout: 180_000,
  });
  const report = JSON.parse(readFileSync(output, 'utf8')) as {
    testResults: { name: string; assertionResults: { title: string; status: string; failureMessages: string[] }[] }[];
  };
  const tests = report.testResults.flatMap((file) =>
    file.assertionResults.map((test) => ({
      title: `${file.name.endsWith('fails.spec.ts') ? 'fails' : 'passes'}: ${test.title}`,
      status: test.status,
      message: test.failureMessages.join('\n'),
    })),
  );
  return { code: child.status, tests, stderr: child.stderr };
}

function expectOutcomes(tests: readonly TestOutcome[], passing: readonly string[], failing: readonly string[]): Map<string, string> {
  expect(tests.filter((test) => test.title.startsWith('passes:')).map((test) => [test.title, test.status, test.message])).toEqual(
    passing.map((title) => [`passes: ${title}`, 'passed', '']),
  );
  const failed = tests.filter((test) => test.title.startsWith('fails:'));
  expect(failed.map((test) => [test.title, test.status])).toEqual(failing.map((title) => [`fails: ${title}`, 'failed']));
  const messages = new Map(failed.map((test) => [test.title.slice('fails: '.length), test.message]));
  const drift = messages.get('the models match the drifted database');
  expect(drift).toContain('expected the database to match the models, but ormdrift found drift:');
  expectDriftReport(drift);
  expect(messages.get('.not on the clean database')).toContain('expected the database to differ from the models, but all 1 declared table match');
  // the database the migrations build: the failure names their folder; a failing migration names itself
  const migrated = messages.get('the migrations build a drifted database');
  expect(migrated).toContain('expected the database the migrations in ../migrations/sql-drifted build to match the models, but ormdrift found drift:');
  expectDriftReport(migrated);
  expect(messages.get('a migration fails')).toMatch(/MigrationsError: migration 002_relax_title\.sql failed: relation "note" does not exist/);
  return messages;
}

/** The text report of the drifted notes table, with no colour codes. */
function expectDriftReport(message: string | undefined): void {
  expect(message).toMatch(/^notes$/m);
  expect(message).toMatch(/error +notes\.title is text in Note \(typeorm\) but character varying\(20\) in the database/);
  expect(message).toMatch(/expected type: text\n +actual {3}type: character varying\(20\)/);
  expect(message).toContain('✖ 1 error, 1 warning in 1 declared table');
  expect(message).not.toContain('\u001b[');
}

const failing = ['the models match the drifted database', '.not on the clean database', 'the migrations build a drifted database', 'a migration fails'];

describe('@ormdrift/vitest', () => {
  // vitest 3 (the oldest major of the peer range) from its own install in the vitest3 fixture package, on the same files
  it.each([
    { major: 4, cwd: join(fixtures, 'vitest'), from: root },
    { major: 3, cwd: join(fixtures, 'vitest3'), from: join(fixtures, 'vitest3') },
  ])(
    'vitest $major, ESM test files, setupFiles: passes and fails with the report',
    ({ major, cwd, from }) => {
      const output = join(mkdtempSync(join(tmpdir(), 'ormdrift-matchers-')), 'report.json');
      const manifest = createRequire(join(from, 'package.json')).resolve('vitest/package.json');
      expect((JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version).toMatch(new RegExp(`^${major}\\.`));
      const result = run(
        [join(dirname(manifest), 'vitest.mjs'), 'run', '--config', 'vitest.config.ts', '--reporter=json', `--outputFile=${output}`],
        cwd,
        output,
      );
      expect(result.code).toBe(1);
      expectOutcomes(
        result.tests,
        [
          'the models match the clean database, given by URL',
          '.not: the drifted database differs',
          'allow accepts the drift by code',
          'reuses a pg Pool the test owns',
          "reuses the app's initialized DataSource",
          'toHaveNoDrift on a CheckResult, and its asymmetric form',
          'the models match the database their SQL migrations build',
          'TypeScript TypeORM migrations, imported through the test runner',
          'TypeScript migrations without importModule: Node 20 cannot import them, and the error says what to pass',
        ],
        failing,
      );
    },
    180_000,
  );

  // jest 29 (the oldest major of the peer range) with its ts-jest, from their own install in the jest29 fixture package,
  // on the same files
  it.each([
    { major: 30, config: join(fixtures, 'jest'), from: root },
    { major: 29, config: join(fixtures, 'jest29'), from: join(fixtures, 'jest29') },
  ])(
    'jest $major with ts-jest, CommonJS test files, setupFilesAfterEnv: passes and fails with the report',
    ({ major, config, from }) => {
      const output = join(mkdtempSync(join(tmpdir(), 'ormdrift-matchers-')), 'report.json');
      const manifest = createRequire(join(from, 'package.json')).resolve('jest/package.json');
      expect((JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version).toMatch(new RegExp(`^${major}\\.`));
      // --no-cache: a transform cached in the shared jest cache before a package.json changed a file's module format
      // would be reused (it costs nothing measurable here)
      const result = run([join(dirname(manifest), 'bin/jest.js'), '--ci', '--no-cache', '--json', `--outputFile=${output}`], config, output);
      expect(result.code, result.stderr.slice(-2000)).toBe(1);
      expectOutcomes(
        result.tests,
        [
          'the models match the clean database, given by URL',
          '.not: the drifted database differs',
          'reuses a pg Pool the test owns',
          "reuses the app's initialized DataSource",
          'the models match the database their SQL migrations build',
          'TypeScript TypeORM migrations, compiled by ts-jest',
        ],
        failing,
      );
    },
    180_000,
  );

  it("types: jest's Matchers know both matchers, with their options", () => {
    // ts-jest transpiles only (isolatedModules, to keep the runs short): the types are checked here, once
    const tsc = join(root, 'node_modules/typescript/bin/tsc');
    const check = spawnSync(process.execPath, [tsc, '-p', join(fixtures, 'jest/tsconfig.json')], { encoding: 'utf8' });
    expect(check.stdout + check.stderr).toBe('');
  }, 120_000);
});

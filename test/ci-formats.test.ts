import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './support/run-cli.ts';
import { createTestDatabase, type TestDatabase } from './support/test-database.ts';

const example = resolve(import.meta.dirname, '../examples/typeorm-app');
const cli = (args: string[], env?: Record<string, string | undefined>) => runCli(args, { cwd: example, env });

let drifted: TestDatabase;
let work: string;

beforeAll(async () => {
  drifted = await createTestDatabase();
  await drifted.query(await readFile(join(example, 'db/production.sql'), 'utf8'));
  work = await mkdtemp(join(tmpdir(), 'ormdrift-ci-'));
});
afterAll(() => drifted?.drop());

describe('every format from the CLI', () => {
  for (const format of ['markdown', 'junit', 'sarif', 'github']) {
    it(`--format ${format} keeps the exit code and writes to --out`, async () => {
      const out = join(work, `report.${format}`);
      const run = await cli(['check', 'src/data-source.ts', '--db', drifted.url, '--format', format, '--out', out]);
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe(`ormdrift: 5 errors, 4 warnings in 4 declared tables; report written to ${out}\n`);
      const report = await readFile(out, 'utf8');
      expect(report).toContain('user_sessions');
      expect(report).toContain('missing-column');
    });
  }

  it('github: annotations on standard output and the Markdown report as the job summary', async () => {
    const summary = join(work, 'step-summary.md');
    await writeFile(summary, '# earlier step\n');
    const run = await cli(['check', 'src/data-source.ts', '--db', drifted.url, '--format', 'github'], { GITHUB_STEP_SUMMARY: summary });
    expect(run.code).toBe(1);
    const annotations = run.stdout.split('\n').filter((line) => line.startsWith('::'));
    expect(annotations).toHaveLength(9);
    expect(annotations).toContainEqual(
      expect.stringMatching(
        /^::error file=src\/entity\/user-session\.ts,line=5,title=ormdrift missing-column%3A user_sessions::user_sessions\.message_count is declared/,
      ),
    );
    const written = await readFile(summary, 'utf8');
    expect(written.startsWith('# earlier step\n## ❌ ormdrift: 5 errors, 4 warnings in 4 declared tables')).toBe(true);
    expect(written).toContain('```mermaid');
  });

  it('sarif: results located at the line of the entity that declares the table', async () => {
    const run = await cli(['check', 'src/data-source.ts', '--db', drifted.url, '--format', 'sarif']);
    expect(run.code).toBe(1);
    const results = JSON.parse(run.stdout).runs[0].results as { ruleId: string; locations?: { physicalLocation: unknown }[] }[];
    const missing = results.find((result) => result.ruleId === 'missing-column');
    expect(missing?.locations?.[0]?.physicalLocation).toEqual({
      artifactLocation: { uri: 'src/entity/user-session.ts', uriBaseId: 'SRCROOT' },
      region: { startLine: 5 },
    });
  });

  it('rejects an unknown format in one line naming the formats', async () => {
    const run = await cli(['check', 'src/data-source.ts', '--db', drifted.url, '--format', 'html']);
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toBe(
      'ormdrift: unknown format "html": use --format text or --format json or --format markdown or --format junit or --format sarif or --format github\n',
    );
  });
});

describe('adopting on an existing database: the baseline', () => {
  it("records today's findings, then check reports only new ones, lists fixed ones, and prune removes them", async () => {
    const database = await createTestDatabase({ template: drifted });
    try {
      const file = join(work, 'baseline.json');
      const recorded = await cli(['baseline', 'src/data-source.ts', '--db', database.url, '--out', file]);
      expect(recorded).toMatchObject({ code: 0, stdout: '' });
      expect(recorded.stderr).toBe(`ormdrift: wrote ${file}: 9 findings under 9 keys; commit it and run ormdrift check --baseline ${file}\n`);
      const text = await readFile(file, 'utf8');
      const baseline = JSON.parse(text);
      expect(baseline.version).toBe(1);
      expect(baseline.findings).toHaveLength(9);
      const keys = baseline.findings.map((entry: { key: string }) => entry.key);
      expect(keys).toEqual([...keys].sort());
      // the same database gives the same file, byte for byte
      await cli(['baseline', 'src/data-source.ts', '--db', database.url, '--out', file]);
      expect(await readFile(file, 'utf8')).toBe(text);

      const accepted = await cli(['check', 'src/data-source.ts', '--db', database.url, '--baseline', file]);
      expect(accepted).toMatchObject({ code: 0, stderr: '' });
      expect(accepted.stdout).toContain('✔ no new drift: 4 declared tables match the database apart from 9 findings the baseline accepts');
      expect(accepted.stdout).toContain(`baseline ${file}: 9 known findings not reported`);

      // new drift fails the check, alone; fixed drift is listed with the way to prune it
      await database.query('alter table users drop column "isActive"');
      await database.query('alter table user_sessions add column message_count integer not null default 0');
      const next = await cli(['check', 'src/data-source.ts', '--db', database.url, '--baseline', file, '--format', 'json']);
      expect(next.code).toBe(1);
      const report = JSON.parse(next.stdout);
      expect(report.findings.map((finding: { code: string; column: string }) => `${finding.code} ${finding.column}`)).toEqual(['missing-column isActive']);
      expect(report.summary).toEqual({ errors: 1, warnings: 0, tables: 4 });
      expect(report.baseline).toEqual({
        file,
        accepted: 8,
        fixed: [{ key: expect.stringMatching(/^missing-column:public\.user_sessions\.message_count:/), count: 1 }],
      });
      expect(next.stderr).toBe(`ormdrift: 1 entry of ${file} no longer occur (fixed — remove them with \`ormdrift baseline --prune\`)\n`);

      const pruned = await cli(['baseline', 'src/data-source.ts', '--db', database.url, '--out', file, '--prune']);
      expect(pruned).toMatchObject({ code: 0, stderr: `ormdrift: pruned ${file}: 1 fixed finding removed, 8 kept\n` });
      const after = JSON.parse(await readFile(file, 'utf8'));
      expect(after.findings).toHaveLength(8);
      expect(after.findings.some((entry: { key: string }) => entry.key.includes('isActive'))).toBe(false);
    } finally {
      await database.drop();
    }
  }, 240_000); // six CLI runs, each a fresh Node process that loads TypeORM

  it('a missing or broken baseline file: exit 2, one line naming the file and what to do', async () => {
    const missing = await cli(['check', 'src/data-source.ts', '--db', drifted.url, '--baseline', 'nope.json']);
    expect(missing).toMatchObject({
      code: 2,
      stdout: '',
      stderr: 'ormdrift: no baseline file nope.json: record one with ormdrift baseline <modules> --db URL --out nope.json\n',
    });
    const broken = join(work, 'broken.json');
    await writeFile(broken, '{"version": 7, "findings": []}');
    const run = await cli(['check', 'src/data-source.ts', '--db', drifted.url, '--baseline', broken]);
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toBe(
      `ormdrift: ${broken} is not a baseline file: version 7 is not one this ormdrift reads (1): write it again with ormdrift baseline\n`,
    );
  });
});

/**
 * The benchmark: `pnpm bench [--n 100,300,1000,3000] [--runs 5] [--slow 60] [--only ormdrift,typeorm:log,...] [--json FILE]`.
 *
 * Starts an embedded PostgreSQL 18, and for each N generates the apps and a drifted database of N
 * tables, then times every tool twice: as a whole process (what a CI job or a pre-commit hook pays:
 * node, imports, metadata, connection, diff) and in process (the diff alone, after a warm-up, on an
 * open connection). Each time is the median of the runs after one warm-up run. A tool whose warm-up
 * takes longer than --slow seconds (default 60) is measured by that one run, and one whose diff alone
 * takes that long is not run as a whole process. Prints one table.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { startEmbeddedPostgres } from '../packages/postgres/dist/index.js';
import { generate, knownDrift } from './generate.mjs';
import { createDatabase, median } from './support/database.mjs';
import { renderTable } from './report.mjs';
import { tools } from './tools/tools.mjs';

const root = new URL('..', import.meta.url).pathname;
const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '100,300,1000,3000' },
    runs: { type: 'string', default: '5' },
    slow: { type: 'string', default: '60' },
    only: { type: 'string' },
    json: { type: 'string' },
  },
});
const sizes = values.n.split(',').map((text) => Number(text.trim().replace(/_/g, '')));
const runs = Number(values.runs);
const only = values.only?.split(',');
// `--only ormdrift` picks every ormdrift tool, `--only ormdrift:drizzle` that one
const selected = Object.entries(tools).filter(([id]) => !only || only.some((name) => id === name || id.startsWith(`${name}:`)));

const server = await startEmbeddedPostgres();
// an interrupted run stops its server and removes its data directory (the tools it waits on end with their stdio)
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => void server.stop().finally(() => process.exit(130)));
const results = [];
try {
  for (const n of sizes) {
    const dir = join(root, 'bench', '.apps', `n${n}`);
    process.stderr.write(`N = ${n}: generating apps and database...\n`);
    generate(n, dir);
    const url = await createDatabase(server.url, `bench_${n}`, readFileSync(join(dir, 'schema.sql'), 'utf8'));
    for (const [id, tool] of selected) {
      const app = join(dir, `${tool.app}.${tool.ts ? 'ts' : 'js'}`);
      process.stderr.write(`N = ${n}: ${id}...\n`);
      const inProcess = tool.ts ? undefined : inProcessRun(id, app, url);
      // a tool whose diff alone outlasts --slow is not run again whole: a process adds seconds to minutes
      const whole = inProcess && inProcess.ms > Number(values.slow) * 1000 ? undefined : wholeProcess(id, app, url, n);
      results.push({ n, id, ...tool, whole, inProcess });
      if (values.json) writeFileSync(values.json, `${JSON.stringify(results, null, 2)}\n`);
    }
  }
} finally {
  await server.stop();
}

process.stdout.write(renderTable(results, { runs, slow: Number(values.slow) }));

/** Times whole processes: the CLI for ormdrift, run-tool.mjs for the others. Checks ormdrift's findings. */
function wholeProcess(id, app, url, n) {
  const rssDir = mkdtempSync(join(tmpdir(), 'ormdrift-bench-'));
  const rssFile = join(rssDir, 'rss');
  const env = { ...process.env, DATABASE_URL: url, BENCH_RSS_FILE: rssFile, NO_COLOR: '1' };
  const preload = ['--import', new URL('./support/process-usage.mjs', import.meta.url).href];
  const argv = id.startsWith('ormdrift:')
    ? [...preload, join(root, 'packages/cli/bundle/bin.js'), 'check', app, '--format', 'json']
    : [...preload, join(root, 'bench/tools/run-tool.mjs'), id, app, '0'];
  const samples = [];
  const cpu = [];
  const rss = [];
  let drift;
  try {
    for (let run = 0; run <= runs; run++) {
      const start = performance.now();
      const child = spawnSync(process.execPath, argv, { env, encoding: 'utf8', maxBuffer: 1 << 28 });
      const ms = performance.now() - start;
      const expectedStatus = id.startsWith('ormdrift:') ? 1 : 0;
      if (child.status !== expectedStatus) throw new Error(`${id} exited with ${child.status}: ${child.stderr.slice(-2000)}`);
      const usage = JSON.parse(readFileSync(rssFile, 'utf8'));
      rss.push(usage.rssKb);
      if (id.startsWith('ormdrift:')) drift ??= driftFound(JSON.parse(child.stdout), n);
      if (run > 0) samples.push(ms);
      if (run > 0) cpu.push(usage.cpuMs);
      if (run === 0 && ms > Number(values.slow) * 1000) {
        samples.push(ms);
        cpu.push(usage.cpuMs);
        break;
      }
    }
  } finally {
    rmSync(rssDir, { recursive: true, force: true });
  }
  return { ms: median(samples), cpuMs: median(cpu), runs: samples.length, rssMb: Math.max(...rss) / 1024, drift };
}

/** Whether the findings are exactly the known drift (codes and places), as `true` or a description of the difference. */
function driftFound(report, n) {
  const key = (f) => `${f.code} ${f.table}${f.column ? `.${f.column}` : ''}`;
  const found = report.findings.map(key).sort();
  const expected = knownDrift(n).map(key).sort();
  return JSON.stringify(found) === JSON.stringify(expected) || `found ${found.join(', ')}`;
}

function inProcessRun(id, app, url) {
  const stdout = execFileSync(process.execPath, [join(root, 'bench/tools/run-tool.mjs'), id, app, String(runs)], {
    env: { ...process.env, DATABASE_URL: url, BENCH_SLOW_SECONDS: values.slow },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
    maxBuffer: 1 << 28,
  });
  const line = stdout
    .split('\n')
    .filter((text) => text.startsWith('{'))
    .pop();
  const { durations, statements } = JSON.parse(line);
  return { ms: median(durations), runs: durations.length, statements };
}

/**
 * The startup guard's cost per app start, as an app pays it: `node bench/guard.mjs [--n 100] [--calls 25] [--only typeorm,...]`.
 *
 * Starts an embedded PostgreSQL 18, generates the apps and the drifted database of N tables (as `run.mjs` does),
 * and for each ORM runs, in a process of its own with the app's connection already open, a few warm-up calls of
 * the guard and then `--calls` timed ones. Prints, per ORM, the median wall time and the median CPU time of this
 * process (`process.cpuUsage`: the guard's JavaScript, garbage collection included, not the database server's)
 * per call, and the load average: on a shared machine the CPU time is the number to compare.
 * `--prof DIR` writes a V8 CPU profile of each ORM's process into DIR (`node --cpu-prof`). `--against DIR` times
 * another checkout's built packages too (DIR holds its `bench/` and `packages/`), in processes alternating with this
 * one's (`--rounds` of each), so that both meet the same load.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { createDatabase, median } from './support/database.mjs';

const root = new URL('..', import.meta.url).pathname;
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    n: { type: 'string', default: '100' },
    calls: { type: 'string', default: '25' },
    only: { type: 'string' },
    prof: { type: 'string' },
    against: { type: 'string' },
    rounds: { type: 'string', default: '1' },
    child: { type: 'boolean' },
  },
});

if (values.child) await child(positionals[0], positionals[1], Number(values.calls));
else await main();

async function main() {
  const { startEmbeddedPostgres } = await import('../packages/postgres/dist/index.js');
  const { generate } = await import('./generate.mjs');
  const n = Number(values.n);
  const orms = (values.only ?? 'typeorm,sequelize,drizzle').split(',');
  const apps = { typeorm: 'typeorm-classes', sequelize: 'sequelize', drizzle: 'drizzle' };
  const server = await startEmbeddedPostgres();
  try {
    const dir = join(root, 'bench', '.apps', `n${n}`);
    generate(n, dir);
    const url = await createDatabase(server.url, `bench_guard_${n}`, readFileSync(join(dir, 'schema.sql'), 'utf8'));
    const checkouts = values.against
      ? [
          ['this', root],
          ['against', values.against],
        ]
      : [['this', root]];
    for (const orm of orms) {
      const samples = new Map(checkouts.map(([label]) => [label, { wall: [], cpu: [], statements: 0 }]));
      for (let round = 0; round < Number(values.rounds); round++) {
        for (const [label, dir] of checkouts) {
          const flags = values.prof ? ['--cpu-prof', '--cpu-prof-dir', values.prof, '--cpu-prof-name', `guard-${orm}-${label}-${round}.cpuprofile`] : [];
          const stdout = execFileSync(
            process.execPath,
            [...flags, join(dir, 'bench/guard.mjs'), '--child', '--calls', values.calls, orm, join(root, 'bench/.apps', `n${n}`, `${apps[orm]}.js`)],
            { env: { ...process.env, DATABASE_URL: url }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
          );
          const measured = JSON.parse(stdout.trim().split('\n').pop());
          const sample = samples.get(label);
          sample.wall.push(...measured.wall);
          sample.cpu.push(...measured.cpu);
          sample.statements = measured.statements;
        }
      }
      for (const [label, { wall, cpu, statements }] of samples) {
        process.stdout.write(
          `${orm.padEnd(10)} ${values.against ? `${label.padEnd(8)} ` : ''}N=${n}  wall ${median(wall).toFixed(1)} ms  CPU ${median(cpu).toFixed(1)} ms  (median of ${wall.length} calls, ${statements} statements, load ${loadavg()[0].toFixed(1)})\n`,
        );
      }
    }
  } finally {
    await server.stop();
  }
}

/** One ORM's app, its connection opened once; then warm-up calls and timed ones, one line of JSON on stdout. */
async function child(orm, app, calls) {
  const { countStatements } = await import('./support/count-statements.mjs');
  const { pgResolvers, tools } = await import('./tools/tools.mjs');
  const counter = countStatements(pgResolvers());
  const { iteration, close } = await tools[`guard:${orm}`].prepare(app);
  try {
    for (let warm = 0; warm < 5; warm++) await iteration();
    const wall = [];
    const cpu = [];
    let statements = 0;
    for (let call = 0; call < calls; call++) {
      counter.reset();
      const started = performance.now();
      const usage = process.cpuUsage();
      await iteration();
      const spent = process.cpuUsage(usage);
      wall.push(performance.now() - started);
      cpu.push((spent.user + spent.system) / 1000);
      statements = counter.count;
    }
    process.stdout.write(`${JSON.stringify({ wall, cpu, statements })}\n`);
  } finally {
    await close();
  }
}

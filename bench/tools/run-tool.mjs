/**
 * Runs one tool of the benchmark in this process: `node run-tool.mjs <tool> <app file> <runs>`.
 * With runs = 0 it runs the tool once, as a whole process would, and prints nothing. Otherwise it
 * runs one warm-up iteration, then `runs` timed ones (none if the warm-up took longer than
 * BENCH_SLOW_SECONDS: then the warm-up is the one sample), and prints their durations in ms and the
 * statements of the last one as JSON.
 */
import { performance } from 'node:perf_hooks';
import { countStatements } from '../support/count-statements.mjs';
import { pgResolvers, tools } from './tools.mjs';

const [id, app, runsText] = process.argv.slice(2);
const tool = tools[id];
if (!tool) throw new Error(`unknown tool ${id}`);
const runs = Number(runsText ?? 0);
const counter = runs > 0 ? countStatements(pgResolvers()) : undefined;

const { iteration, close } = await tool.prepare(app);
try {
  if (runs === 0) await iteration();
  else {
    const slowMs = Number(process.env.BENCH_SLOW_SECONDS ?? 60) * 1000;
    const durations = [];
    let start = performance.now();
    await iteration();
    const warmUp = performance.now() - start;
    const warmUpStatements = counter.count;
    // past BENCH_SLOW_SECONDS a warm-up changes nothing: the warm-up run is the one sample
    if (warmUp > slowMs) durations.push(warmUp);
    for (let run = 0; run < (warmUp > slowMs ? 0 : runs); run++) {
      counter.reset();
      start = performance.now();
      await iteration();
      durations.push(performance.now() - start);
    }
    process.stdout.write(
      `${JSON.stringify({ durations, warmUp, statements: durations.length === 1 && warmUp > slowMs ? warmUpStatements : counter.count })}\n`,
    );
  }
} finally {
  await close();
}

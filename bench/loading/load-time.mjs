// Times `ormdrift check` up to the point where it connects (to a closed port), i.e. the loading of
// the models, for several builds of the CLI side by side, alternating runs so that each sees the
// same machine load. Reports the median wall time and the median CPU time (user + system, from
// GNU time: steadier than wall time on a busy machine). Runs warm: the first run of each is not
// counted, so a build with a transpile cache has it filled.
//   node bench/loading/load-time.mjs <project dir> <module> <bin>... [runs]
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const [directory, module, ...rest] = process.argv.slice(2);
const runs = Number(rest.at(-1)) > 0 ? Number(rest.pop()) : 10;
const bins = rest.map((bin) => resolve(bin));
const wall = bins.map(() => []);
const cpu = bins.map(() => []);
for (let run = 0; run <= runs; run++) {
  bins.forEach((bin, index) => {
    const child = spawnSync('/usr/bin/time', ['-f', 'TIME %e %U %S', process.execPath, bin, 'check', module, '--db', 'postgres://bench@127.0.0.1:1/bench'], {
      cwd: directory,
      encoding: 'utf8',
    });
    if (!/cannot connect/.test(child.stderr)) throw new Error(`${bin}: ${child.stderr}`);
    const [, elapsed, user, system] = /TIME ([\d.]+) ([\d.]+) ([\d.]+)/.exec(child.stderr);
    if (run === 0) return;
    wall[index].push(Number(elapsed) * 1000);
    cpu[index].push((Number(user) + Number(system)) * 1000);
  });
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
for (const [index, bin] of bins.entries()) {
  console.log(`wall ${median(wall[index]).toFixed(0).padStart(6)} ms  cpu ${median(cpu[index]).toFixed(0).padStart(6)} ms  (median of ${runs})  ${bin}`);
}

// Times `ormdrift check` up to the point where it connects (a closed port), i.e. the loading of the models,
// for two builds of the CLI side by side, alternating runs so that both see the same machine load.
// Usage: node bench/load-time.mjs <project dir> <module> <bin A> <bin B> [runs]
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const [directory, module, ...rest] = process.argv.slice(2);
const runs = Number(rest.at(-1)) > 0 ? Number(rest.pop()) : 10;
const bins = rest.map((bin) => resolve(bin));
const times = bins.map(() => []);
for (let run = 0; run < runs; run++) {
  bins.forEach((bin, index) => {
    const started = process.hrtime.bigint();
    const child = spawnSync(process.execPath, [bin, 'check', module, '--db', 'postgres://bench@127.0.0.1:1/bench'], { cwd: directory, encoding: 'utf8' });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    if (!/cannot connect/.test(child.stderr)) throw new Error(`${bin}: ${child.stderr}`);
    times[index].push(ms);
  });
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
bins.forEach((bin, index) => console.log(`${median(times[index]).toFixed(0).padStart(6)} ms median of ${runs}  min ${Math.min(...times[index]).toFixed(0)}  ${bin}`));

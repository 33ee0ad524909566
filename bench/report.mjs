/**
 * The benchmark's table, from the rows `run.mjs` measures. Also a command: `node bench/report.mjs
 * a.json [b.json...]` prints one table from the files `pnpm bench --json` wrote (runs and the slow limit as
 * `--runs`/`--slow` give them, default 5 and 60).
 */
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';

/**
 * One Markdown table: per N and ORM, ormdrift's rows with their ratio to the floor (whole process),
 * the ORM's own tool with how many times slower than ormdrift it is (whole process and in process).
 */
export function renderTable(rows, { runs, slow }) {
  const seconds = (ms) => (ms === undefined ? '' : ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${(ms / 1000).toFixed(2)} s`);
  const times = (x) => (x >= 10 ? `${x.toFixed(0)}×` : `${x.toFixed(1)}×`);
  const runsNote = (m) => (m && m.runs < runs ? ` (${m.runs} run)` : '');
  const lines = [
    `Machine: ${cpus().length} cores (${cpus()[0]?.model.trim()}), Node ${process.versions.node}, embedded PostgreSQL 18; medians of ${runs} runs after a warm-up.`,
    '',
    '| N | ORM | tool | whole process | its CPU time | peak RSS | in process | statements | ratio |',
    '| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | --- |',
  ];
  for (const row of rows) {
    const same = (pick) => rows.find((other) => other.n === row.n && other.orm === row.orm && pick(other));
    const floorRow = same((other) => other.floor);
    const ours = same((other) => other.id === `ormdrift:${row.app}` && !other.ts);
    const ratios = [];
    if (row.id.startsWith('ormdrift:') && floorRow?.whole && row.whole) {
      ratios.push(`${times(row.whole.ms / floorRow.whole.ms)} the floor (CPU ${times(row.whole.cpuMs / floorRow.whole.cpuMs)})`);
    }
    if (row.competitor && ours) {
      const faster = (x, how) => (x >= 1 ? `ormdrift ${times(x)} faster ${how}` : `ormdrift ${times(1 / x)} slower ${how}`);
      if (row.whole && ours.whole) ratios.push(faster(row.whole.ms / ours.whole.ms, 'whole'));
      if (row.inProcess && ours.inProcess) ratios.push(faster(row.inProcess.ms / ours.inProcess.ms, 'in process'));
    }
    if (typeof row.whole?.drift === 'string') ratios.push(`expected drift not found exactly: ${row.whole.drift}`);
    const whole = row.whole
      ? `${seconds(row.whole.ms)}${runsNote(row.whole)} | ${seconds(row.whole.cpuMs)} | ${row.whole.rssMb.toFixed(0)} MB`
      : 'not run¹ | | ';
    lines.push(
      `| ${row.n.toLocaleString('en')} | ${row.orm} | ${row.label} | ${whole} | ${seconds(row.inProcess?.ms)}${runsNote(row.inProcess)} | ${row.inProcess?.statements ?? ''} | ${ratios.join('; ')} |`,
    );
  }
  if (rows.some((row) => !row.whole)) lines.push('', `¹ its diff alone took longer than ${slow} s, so it was not run again as a whole process.`);
  const growth = growthExponents(rows);
  if (growth.length > 0) lines.push('', ...growth);
  return `${lines.join('\n')}\n`;
}

/** log(t2/t1) / log(n2/n1) of each tool's whole-process and in-process time between the two largest sizes. */
function growthExponents(rows) {
  const ns = [...new Set(rows.map((row) => row.n))].sort((a, b) => a - b);
  if (ns.length < 2) return [];
  const [n1, n2] = ns.slice(-2);
  const out = [`Growth exponent of each time from N = ${n1.toLocaleString('en')} to ${n2.toLocaleString('en')} (1 is linear):`, ''];
  for (const row of rows.filter((r) => r.n === n2)) {
    const before = rows.find((r) => r.n === n1 && r.id === row.id);
    if (!before) continue;
    const exponent = (a, b) => (a && b ? (Math.log(b / a) / Math.log(n2 / n1)).toFixed(2) : '–');
    out.push(`- ${row.orm}, ${row.label}: whole ${exponent(before.whole?.ms, row.whole?.ms)}, in process ${exponent(before.inProcess?.ms, row.inProcess?.ms)}`);
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { runs: { type: 'string', default: '5' }, slow: { type: 'string', default: '60' } },
  });
  const rows = positionals.flatMap((file) => JSON.parse(readFileSync(file, 'utf8')));
  process.stdout.write(renderTable(rows, { runs: Number(values.runs), slow: Number(values.slow) }));
}

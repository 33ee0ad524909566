// Records how long each test file took in the last Vitest run of this checkout (Vitest's results cache) as
// test/support/file-durations.json, the table the longest-first sequencer orders files by. Run it after a whole
// `pnpm test`: files the run did not time keep their recorded value.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
const cacheRoot = join(root, 'node_modules/.vite/vitest');
const table = new URL('./file-durations.json', import.meta.url);
if (!existsSync(cacheRoot)) {
  console.error(`no Vitest results cache under ${cacheRoot}: run the tests first`);
  process.exit(2);
}
const durations = JSON.parse(readFileSync(table, 'utf8'));
for (const dir of readdirSync(cacheRoot)) {
  const file = join(cacheRoot, dir, 'results.json');
  if (!existsSync(file)) continue;
  for (const [key, result] of JSON.parse(readFileSync(file, 'utf8')).results) durations[key] = Math.round(result.duration / 100) / 10;
}
const sorted = Object.fromEntries(Object.entries(durations).sort(([, a], [, b]) => b - a));
writeFileSync(table, `${JSON.stringify(sorted, null, 2)}\n`);
console.log(`${Object.keys(sorted).length} files in ${table.pathname}`);

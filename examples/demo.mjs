// `pnpm demo`: loads an example's drifted production database into an embedded PostgreSQL (no server
// to install), runs `ormdrift check` on the example's modules against it, and prints the report.
//
//   node examples/demo.mjs <example> <module...>     e.g. node examples/demo.mjs typeorm-app src/data-source.ts
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { startEmbeddedPostgres } from '@ormdrift/postgres';

const [example, ...modules] = process.argv.slice(2);
if (!example || modules.length === 0) {
  console.error('usage: node examples/demo.mjs <example> <module...>');
  process.exit(2);
}
const directory = join(dirname(fileURLToPath(import.meta.url)), example);
const bin = join(dirname(createRequire(import.meta.url).resolve('ormdrift/package.json')), 'bundle/bin.js');

console.log(`Starting an embedded PostgreSQL and loading ${example}/db/production.sql ...`);
const server = await startEmbeddedPostgres();
try {
  const client = new pg.Client({ connectionString: server.url });
  await client.connect();
  await client.query(await readFile(join(directory, 'db/production.sql'), 'utf8'));
  await client.end();

  console.log(`$ ormdrift check ${modules.join(' ')} --db <embedded>\n`);
  const started = performance.now();
  const run = spawnSync(process.execPath, [bin, 'check', ...modules, '--db', server.url], { cwd: directory, stdio: 'inherit' });
  console.log(`\normdrift exited with ${run.status} (1: drift at error severity) in ${Math.round(performance.now() - started)} ms.`);
} finally {
  await server.stop();
}

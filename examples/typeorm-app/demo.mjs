// `pnpm demo`: loads the drifted production database into an embedded PostgreSQL (no server to
// install), runs `ormdrift check` on the example's DataSource against it, prints the report.
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { startEmbeddedPostgres } from '@ormdrift/postgres';

const here = dirname(fileURLToPath(import.meta.url));
const bin = join(dirname(createRequire(import.meta.url).resolve('ormdrift')), 'bin.js');

console.log('Starting an embedded PostgreSQL and loading db/production.sql ...');
const server = await startEmbeddedPostgres();
try {
  const client = new pg.Client({ connectionString: server.url });
  await client.connect();
  await client.query(await readFile(join(here, 'db/production.sql'), 'utf8'));
  await client.end();

  console.log('$ ormdrift check src/data-source.ts --db <embedded>\n');
  const started = performance.now();
  const run = spawnSync(process.execPath, [bin, 'check', 'src/data-source.ts', '--db', server.url], { cwd: here, stdio: 'inherit' });
  console.log(`\normdrift exited with ${run.status} (1: drift at error severity) in ${Math.round(performance.now() - started)} ms.`);
} finally {
  await server.stop();
}

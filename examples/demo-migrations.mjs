// `pnpm demo:migrations`: the story of examples/migrations-app. Its migrations 004 and 005 add the session
// counters the code writes; production was initialised from a base schema and never ran them.
//
//   1. ormdrift check --migrations: what the migrations build matches the models (a throwaway embedded
//      PostgreSQL, no database needed);
//   2. ormdrift status: production's ledger lacks 004 and 005;
//   3. ormdrift check --db --migrations: both at once — the database is behind its migrations;
//   4. ormdrift diff --migrations: production against what the migrations build, no models.
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { startEphemeralPostgres } from '@ormdrift/postgres';

const directory = join(dirname(fileURLToPath(import.meta.url)), 'migrations-app');
const bin = join(dirname(createRequire(import.meta.url).resolve('ormdrift/package.json')), 'bundle/bin.js');

function ormdrift(args, shown) {
  console.log(`\n$ ormdrift ${shown ?? args.join(' ')}\n`);
  const started = performance.now();
  const run = spawnSync(process.execPath, [bin, ...args], { cwd: directory, stdio: 'inherit' });
  console.log(`(exit ${run.status}, ${Math.round(performance.now() - started)} ms)`);
}

ormdrift(['check', 'src/data-source.ts', '--migrations', 'migrations']);
ormdrift(['check', 'src/data-source.ts', '--migrations', 'src/data-source.ts']);

console.log('\nStarting an embedded PostgreSQL and loading migrations-app/db/production.sql ...');
const server = await startEphemeralPostgres();
try {
  const client = new pg.Client({ connectionString: server.url });
  await client.connect();
  await client.query(await readFile(join(directory, 'db/production.sql'), 'utf8'));
  await client.end();
  ormdrift(['status', '--migrations', 'migrations', '--db', server.url], 'status --migrations migrations --db <production>');
  ormdrift(
    ['check', 'src/data-source.ts', '--migrations', 'migrations', '--db', server.url],
    'check src/data-source.ts --migrations migrations --db <production>',
  );
  ormdrift(['diff', '--db', server.url, '--migrations', 'migrations'], 'diff --db <production> --migrations migrations');
} finally {
  await server.stop();
}

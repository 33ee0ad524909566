// `pnpm demo:fix`: loads an example's drifted production database into an embedded PostgreSQL, runs
// `ormdrift fix` to write up.sql and down.sql, prints up.sql, applies it with `--apply` (which checks
// again), then rolls it back with down.sql.
//
//   node examples/demo-fix.mjs <example> <module...>     e.g. node examples/demo-fix.mjs typeorm-app src/data-source.ts
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { startEmbeddedPostgres } from '@ormdrift/postgres';

const [example, ...modules] = process.argv.slice(2);
if (!example || modules.length === 0) {
  console.error('usage: node examples/demo-fix.mjs <example> <module...>');
  process.exit(2);
}
const directory = join(dirname(fileURLToPath(import.meta.url)), example);
const bin = join(dirname(createRequire(import.meta.url).resolve('ormdrift/package.json')), 'bundle/bin.js');
const out = await mkdtemp(join(tmpdir(), 'ormdrift-demo-fix-'));
const ormdrift = (...args) => spawnSync(process.execPath, [bin, ...args], { cwd: directory, stdio: 'inherit' }).status;

console.log(`Starting an embedded PostgreSQL and loading ${example}/db/production.sql ...`);
const server = await startEmbeddedPostgres();
try {
  const client = new pg.Client({ connectionString: server.url });
  await client.connect();
  await client.query(await readFile(join(directory, 'db/production.sql'), 'utf8'));

  console.log(`\n$ ormdrift fix ${modules.join(' ')} --db <embedded> --out up.sql --rollback down.sql\n`);
  ormdrift('fix', ...modules, '--db', server.url, '--out', join(out, 'up.sql'), '--rollback', join(out, 'down.sql'));
  console.log(`\n--- up.sql ---\n${await readFile(join(out, 'up.sql'), 'utf8')}`);

  console.log(`$ ormdrift fix ${modules.join(' ')} --db <embedded> --apply > /dev/null\n`);
  spawnSync(process.execPath, [bin, 'fix', ...modules, '--db', server.url, '--apply'], { cwd: directory, stdio: ['inherit', 'ignore', 'inherit'] });

  console.log(`\n$ ormdrift check ${modules.join(' ')} --db <embedded>    # what is left is for a person to decide\n`);
  ormdrift('check', ...modules, '--db', server.url);

  console.log('\n$ psql -f down.sql    # the rollback removes exactly what up.sql added');
  await client.query(await readFile(join(out, 'down.sql'), 'utf8'));
  await client.end();
  console.log(`\n$ ormdrift check ${modules.join(' ')} --db <embedded>    # back where it started\n`);
  ormdrift('check', ...modules, '--db', server.url);
} finally {
  await server.stop();
  await rm(out, { recursive: true, force: true });
}

// `pnpm demo:workspace`: examples/monorepo, two services sharing one database. auth (TypeORM) owns the
// auth_* tables and makes auth_rate_limits by raw SQL; backend (Drizzle, drizzle-kit with casing:
// 'snake_case', no ormdrift config) declares user_sessions, which no migration ever created.
//
//   1. each service's own `schema:check` (`ormdrift check` in its directory): alone, each sees the other's
//      tables as orphans;
//   2. the root's `schema:check` (`ormdrift check --workspace`): only the table no service has is reported.
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { startEmbeddedPostgres } from '@ormdrift/postgres';

const directory = join(dirname(fileURLToPath(import.meta.url)), 'monorepo');
const bin = join(dirname(createRequire(import.meta.url).resolve('ormdrift/package.json')), 'bundle/bin.js');

console.log('Starting an embedded PostgreSQL and loading monorepo/db/production.sql ...');
const server = await startEmbeddedPostgres();
try {
  const client = new pg.Client({ connectionString: server.url });
  await client.connect();
  await client.query(await readFile(join(directory, 'db/production.sql'), 'utf8'));
  await client.end();

  const ormdrift = (where, args) => {
    console.log(`\n$ cd ${where} && DATABASE_URL=<embedded> ormdrift ${args.join(' ')}\n`);
    const started = performance.now();
    const run = spawnSync(process.execPath, [bin, ...args], {
      cwd: join(directory, where),
      stdio: 'inherit',
      env: { ...process.env, DATABASE_URL: server.url },
    });
    console.log(`(exit ${run.status}, ${Math.round(performance.now() - started)} ms)`);
  };
  ormdrift('services/auth', ['check']);
  ormdrift('services/backend', ['check']);
  ormdrift('.', ['check', '--workspace']);
} finally {
  await server.stop();
}

// `pnpm demo:guard`: examples/guard-app, an Express + TypeORM app whose startup runs ormdrift's guard. On an
// embedded PostgreSQL (no server to install) it starts the app against a database its migrations built (it serves),
// then against production, where one migration never ran (it refuses to start, saying why), then with
// ORMDRIFT_SKIP=1 (it starts, warning loudly that the check was skipped).
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { startEmbeddedPostgres } from '@ormdrift/postgres';

const directory = join(dirname(fileURLToPath(import.meta.url)), 'guard-app');

/** Starts the app, prints what it prints, and stops it once it listens (or when it exits by itself). */
function startApp(url, env = {}) {
  return new Promise((resolve) => {
    const started = performance.now();
    const app = spawn(process.execPath, ['dist/server.js'], { cwd: directory, env: { ...process.env, DATABASE_URL: url, PORT: '0', ...env } });
    const echo = (chunk) => process.stdout.write(chunk.toString().replace(/^(?=.)/gm, '  | '));
    app.stdout.on('data', async (chunk) => {
      echo(chunk);
      const listening = /listening on (\S+)/.exec(chunk.toString());
      if (!listening) return;
      const response = await fetch(`${listening[1]}/messages`);
      console.log(`  GET /messages -> ${response.status} ${await response.text()}`);
      app.kill('SIGTERM');
    });
    app.stderr.on('data', echo);
    app.on('exit', (code) => {
      console.log(`  (${code === 0 ? 'served, then stopped' : `exited with ${code}`} after ${Math.round(performance.now() - started)} ms)\n`);
      resolve(code);
    });
  });
}

async function database(server, name, file) {
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(server.url);
  url.pathname = `/${name}`;
  const client = new pg.Client({ connectionString: url.href });
  await client.connect();
  await client.query(await readFile(join(directory, 'db', file), 'utf8'));
  await client.end();
  return url.href;
}

console.log('Starting an embedded PostgreSQL ...');
const server = await startEmbeddedPostgres();
try {
  const clean = await database(server, 'guard_clean', 'schema.sql');
  const production = await database(server, 'guard_production', 'production.sql');
  console.log('\n$ DATABASE_URL=<built by the migrations> node dist/server.js');
  await startApp(clean);
  console.log('$ DATABASE_URL=<production> node dist/server.js');
  await startApp(production);
  console.log('$ ORMDRIFT_SKIP=1 DATABASE_URL=<production> node dist/server.js');
  await startApp(production, { ORMDRIFT_SKIP: '1' });
} finally {
  await server.stop();
}

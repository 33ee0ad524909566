/** The database each benchmark size runs against, and the statistics both runners report. */
import pg from 'pg';

/** Creates database `name` on the server at `serverUrl` (its `postgres` database's URL) from `sql`; returns its URL. */
export async function createDatabase(serverUrl, name, sql) {
  const admin = new pg.Client({ connectionString: serverUrl });
  // a connection dropped by the server surfaces as the failed query, not as an uncaught 'error' event
  admin.on('error', () => {});
  await admin.connect();
  await admin.query(`drop database if exists ${name}`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = serverUrl.replace(/\/postgres$/, `/${name}`);
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => {});
  await client.connect();
  // in batches: one multi-statement query is one transaction, and thousands of tables exhaust its lock table
  const statements = sql.split(/;\n/).filter((statement) => statement.trim() !== '');
  for (let i = 0; i < statements.length; i += 200) await client.query(`${statements.slice(i, i + 200).join(';\n')};`);
  // planner statistics as a live database has them
  await client.query('analyze');
  await client.end();
  return url;
}

/** The median of a list of numbers. */
export function median(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

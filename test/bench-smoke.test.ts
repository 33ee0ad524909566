import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check } from '@ormdrift/core';
import { drizzleSource } from '@ormdrift/drizzle';
import { PostgresIntrospector, type Queryable } from '@ormdrift/postgres';
import { ddl, generate, knownDrift } from '../bench/generate.mjs';
import { runCli } from './support/run-cli.ts';
import { createTestDatabase, type TestDatabase } from './support/test-database.ts';

/**
 * The benchmark's schema at CI size: 100 tables declared by each app the benchmark generates, and a
 * database built from its DDL with a little known drift. Timing is the benchmark's job; this pins what
 * the benchmark relies on: each app finds exactly that drift, in a fixed, small number of statements.
 */
const n = 100;
// inside the repository, so that the generated apps resolve the ORMs from its node_modules
const dir = resolve(import.meta.dirname, '../bench/.apps', `smoke-${randomBytes(4).toString('hex')}`);
let database: TestDatabase;

beforeAll(async () => {
  generate(n, dir);
  database = await createTestDatabase();
  await database.query(ddl(n));
});
afterAll(async () => {
  await database?.drop();
  await rm(dir, { recursive: true, force: true });
});

const where = (finding: { code: string; table: string; column?: string | undefined }) =>
  `${finding.code} ${finding.table}${finding.column ? `.${finding.column}` : ''}`;
const expectedDrift = knownDrift(n).map(where).sort();

describe(`the benchmark's ${n}-table schema`, () => {
  it.each(['typeorm-classes.js', 'typeorm-schemas.js', 'sequelize.js', 'drizzle.js', 'typeorm-classes.ts'])(
    'checked from %s by the CLI, shows exactly the known drift',
    async (app) => {
      const run = await runCli(['check', app, '--db', database.url, '--format', 'json'], { cwd: dir });
      expect(run.stderr).toBe('');
      const report = JSON.parse(run.stdout) as { findings: { code: string; table: string; column?: string }[]; summary: { tables: number } };
      expect(report.findings.map(where).sort()).toEqual(expectedDrift);
      expect(report.summary.tables).toBe(n);
      expect(run.code).toBe(1);
    },
  );

  it('is read in eight statements: begin, the session settings, one query per catalog, rollback', async () => {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const statements: string[] = [];
      const counting: Queryable = {
        query: (sql, values) => {
          statements.push(sql.trim().split(/\s+/).slice(0, 2).join(' '));
          return client.query(sql, values);
        },
      };
      const schema = (await import(pathToFileURL(join(dir, 'drizzle.js')).href)) as Record<string, unknown>;
      const result = await check({ sources: [drizzleSource(schema, { name: 'bench' })], introspector: new PostgresIntrospector(counting) });
      expect(result.findings.map(where).sort()).toEqual(expectedDrift);
      expect(statements).toHaveLength(8);
      expect([statements[0], statements.at(-1)]).toEqual(['begin read', 'rollback']);
    } finally {
      await client.end();
    }
  });
});

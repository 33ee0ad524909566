import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runCliHere } from './support/run-cli.ts';
import { createTestDatabase, type TestDatabase } from './support/test-database.ts';

/**
 * A TypeORM app of 21 tables written as large apps write one (decorator metadata, an `@app/*` path alias, a shared
 * enum, a projection entity, partial, long-named and GIN indexes, checks, soft delete, uuid, identity and serial
 * keys, jsonb, arrays), checked against what its own migrations build: the first written by TypeORM's schema
 * builder and migration:generate template, the second by hand for the GIN index TypeORM cannot declare.
 */
const app = resolve(import.meta.dirname, 'fixtures/real-apps/typeorm');

interface Finding {
  readonly code: string;
  readonly severity: string;
  readonly table: string;
  readonly column?: string;
  readonly message: string;
}

const check = (args: string[]) => runCliHere(['check', 'src/data-source.ts', ...args], { cwd: app });

/** Runs the app's migrations on `url` with TypeORM's own runner, the DataSource loaded as the CLI loads it. */
function runMigrations(url: string): Promise<void> {
  const script = `
    import { importModule } from 'ormdrift';
    const { AppDataSource } = await importModule('src/data-source.ts', process.cwd());
    AppDataSource.setOptions({ url: ${JSON.stringify(url)}, logging: false });
    await AppDataSource.initialize();
    await AppDataSource.runMigrations();
    await AppDataSource.destroy();
  `;
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { cwd: app, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', fail);
    child.on('close', (code) => (code === 0 ? done() : fail(new Error(`migrations failed (${code}): ${stderr}`))));
  });
}

describe.runIf(inject('postgresMajor') === 18)('a real TypeORM app, built by its own migrations', () => {
  let built: TestDatabase;
  beforeAll(async () => {
    built = await createTestDatabase();
    await runMigrations(built.url);
  });
  afterAll(() => built?.drop());

  it('what its migrations build on a throwaway PostgreSQL matches the entities: no finding', async () => {
    // The migrations were generated from these entities by TypeORM itself, so every table, column, key, index and
    // check they declare is there as declared. The GIN index is declared with synchronize: false (TypeORM has no
    // GIN), made by the hand-written migration, and is not compared; the read model UserSummary (synchronize: false)
    // maps users' columns with TypeORM's defaults (email with no length, id not an identity): TypeORM never builds
    // from it, so User's declarations are the table's and no registry-conflict arises; the 76-byte index name is truncated by PostgreSQL to
    // 63 bytes and still matched.
    const run = await check(['--migrations', 'src/data-source.ts']);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('✔ no drift: 21 declared tables match the database\n');
    expect(run.code).toBe(0);
  });

  /** The findings of `ormdrift check --db` on a copy of the migrated database changed by `sql`. */
  async function findingsAfter(sql: string): Promise<{ code: number | null; findings: Finding[] }> {
    const mutated = await createTestDatabase({ template: built });
    try {
      await mutated.query(sql);
      const run = await check(['--db', mutated.url, '--format', 'json']);
      expect(run.stderr).toBe('');
      const findings = (JSON.parse(run.stdout) as { findings: Finding[] }).findings;
      return { code: run.code, findings: findings.map(({ code, severity, table, column, message }) => ({ code, severity, table, column, message })) };
    } finally {
      await mutated.drop();
    }
  }

  it('the database its migrations built, one column dropped: exactly that missing column', async () => {
    // Webhook declares failureCount and the database no longer has it: an error, the app's inserts and reads fail.
    expect(await findingsAfter('ALTER TABLE "webhooks" DROP COLUMN "failureCount"')).toEqual({
      code: 1,
      findings: [
        {
          code: 'missing-column',
          severity: 'error',
          table: 'webhooks',
          column: 'failureCount',
          message: 'webhooks."failureCount" is declared by Webhook (typeorm) but the table has no such column',
        },
      ],
    });
  });

  it('the index whose name is over 63 bytes is compared under the name PostgreSQL cut it to: dropping it is caught', async () => {
    // PostgreSQL stored the 76-byte declared name cut to 63 bytes; the clean run above matched it under that name, and
    // without it the unread-notifications query scans the table: a warning (the app still works), named as stored.
    expect(await findingsAfter('DROP INDEX "IDX_notifications_unread_notifications_of_each_recipient_by_cre"')).toEqual({
      code: 0,
      findings: [
        {
          code: 'missing-index',
          severity: 'warning',
          table: 'notifications',
          column: undefined,
          message:
            'notifications has no index "IDX_notifications_unread_notifications_of_each_recipient_by_cre" on ("recipientId", "createdAt") that Notification (typeorm) declares: queries on it scan the table',
        },
      ],
    });
  });
});

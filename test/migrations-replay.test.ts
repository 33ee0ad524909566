import { join, resolve } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { replayMigrations, resolveMigrationsTarget } from '@ormdrift/migrations';
import { cliMigrationsRuntime } from '../packages/cli/src/migrations/cli-migrations-runtime.ts';

/**
 * Replaying the migrations one at a time names the one that creates each object, for every migration tool
 * (on the CLI's own embedded server, so in one project only).
 */
const example = resolve(import.meta.dirname, '../examples/migrations-app');
const fixtures = resolve(import.meta.dirname, 'fixtures/migrations');

async function origins(cwd: string, spec: string) {
  const replay = await replayMigrations(await resolveMigrationsTarget(spec, undefined, cwd), cliMigrationsRuntime({ cwd, env: process.env }));
  const column = (table: string, column: string) => replay.originOf({ code: 'missing-column', schema: 'public', table, column });
  return { replay, column };
}

describe.runIf(inject('postgresMajor') === 18)('replaying migrations one at a time', () => {
  it('plain SQL: each column, table and unique comes from the file that creates it', async () => {
    const { replay, column } = await origins(example, 'migrations');
    expect(column('user_sessions', 'message_count')).toBe('004_add_message_count.sql');
    expect(column('user_sessions', 'user_query_count')).toBe('005_add_user_query_count.sql');
    expect(column('users', 'role')).toBe('002_add_user_roles.sql');
    expect(replay.originOf({ code: 'missing-table', schema: 'public', table: 'agents' })).toBe('003_add_agents_sessions.sql');
    expect(replay.originOf({ code: 'missing-unique', schema: 'public', table: 'users', expected: { columns: ['email'] } })).toBe('001_initial_schema.sql');
    // a column no migration creates has no origin
    expect(column('user_sessions', 'device_fingerprint')).toBeUndefined();
  });

  it('drizzle-kit: by journal tag', async () => {
    const { column } = await origins(join(fixtures, 'drizzle'), 'drizzle');
    expect(column('user_sessions', 'user_query_count')).toBe('0002_add_user_query_count');
  });

  it('sequelize-cli: by file name', async () => {
    const { column } = await origins(join(fixtures, 'sequelize'), 'migrations');
    expect(column('user_sessions', 'message_count')).toBe('20250110000004-add-message-count.cjs');
  });
});

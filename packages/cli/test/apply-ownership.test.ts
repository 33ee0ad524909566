/** Ownership across the services of a workspace: pure, over the results the services' checks return. */
import { describe, expect, it } from 'vitest';
import { evaluate, mergeRegistries, type SchemaModel } from '@ormdrift/core';
import { column, dbTable, schema, source, table } from '../../core/test/support/models.ts';
import { applyOwnership } from '../src/workspace/apply-ownership.ts';
import type { ServiceReport } from '../src/workspace/service-report.ts';

const id = column('id', 'integer');
/** One database: the auth service's tables, the backend's, a table made by raw SQL, TypeORM's ledger. */
const database = schema([
  dbTable('auth_users', [id], { primaryKey: ['id'] }),
  dbTable('auth_sessions', [id], { primaryKey: ['id'] }),
  dbTable('auth_rate_limits', [id]),
  dbTable('users', [id, column('display_name', 'text')], { primaryKey: ['id'] }),
  dbTable('migrations', [id]),
]);
const auth = schema([
  table('auth_users', [id], { primaryKey: ['id'], sources: [source('AuthUser', 'typeorm', 'src/data-source.ts')] }),
  table('auth_sessions', [id], { primaryKey: ['id'], sources: [source('AuthSession', 'typeorm', 'src/data-source.ts')] }),
]);
const backend = schema([
  table('users', [id, column('display_name', 'text')], { primaryKey: ['id'], sources: [source('users', 'drizzle', 'src/db/schema.ts')] }),
  table('user_sessions', [id], { primaryKey: ['id'], sources: [source('userSessions', 'drizzle', 'src/db/schema.ts')] }),
]);

/** A service's report, as its child process sends it: its own check against the database. */
function report(service: string, declared: SchemaModel, options: { owns?: string[]; database?: string } = {}): ServiceReport & { path: string } {
  const owns = options.owns ?? [];
  return {
    ormdriftServiceReport: 1,
    service,
    path: `services/${service}`,
    owns,
    database: options.database ?? '127.0.0.1:5432/app',
    result: evaluate({ expected: mergeRegistries([declared]), actual: database, owns }),
  };
}

const codes = (results: ReturnType<typeof applyOwnership>) =>
  results.map(({ service, result }) => ({ service, findings: result.findings.map((finding) => `${finding.service} ${finding.table} ${finding.code}`) }));

describe('ownership across services', () => {
  it('alone, each service calls the other tables orphans; together, only what no service claims is one', () => {
    const alone = [report('auth', auth, { owns: ['auth_rate_limits'] })];
    expect(codes(applyOwnership(alone))[0]!.findings).toEqual(['auth users orphan-table']);

    const together = applyOwnership([report('auth', auth, { owns: ['auth_rate_limits'] }), report('backend', backend)]);
    expect(codes(together)).toEqual([
      { service: 'auth', findings: [] },
      // auth_rate_limits is auth's by its owns glob; the ledger is nobody's orphan
      { service: 'backend', findings: ['backend user_sessions missing-table'] },
    ]);
    expect(together[1]!.result.summary).toMatchObject({ errors: 1, warnings: 0 });
  });

  it('a service that reads another database claims nothing in this one', () => {
    const results = applyOwnership([report('auth', auth, { database: 'other:5432/auth' }), report('backend', backend)]);
    expect(codes(results)[1]!.findings).toEqual([
      'backend auth_rate_limits orphan-table',
      'backend auth_sessions orphan-table',
      'backend auth_users orphan-table',
      'backend user_sessions missing-table',
    ]);
  });

  it('a table two services declare differently is a registry-conflict naming both', () => {
    const billing = schema([
      table('users', [id, column('display_name', 'character varying(80)')], { primaryKey: ['id'], sources: [source('User', 'typeorm', 'src/data-source.ts')] }),
    ]);
    const results = applyOwnership([report('backend', backend), report('billing', billing)]);
    const conflicts = results.flatMap(({ result }) => result.findings).filter((finding) => finding.code === 'registry-conflict');
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ service: 'backend', severity: 'error', table: 'users' });
    expect(conflicts[0]!.message).toContain('users (drizzle src/db/schema.ts of backend)');
    expect(conflicts[0]!.message).toContain('User (typeorm src/data-source.ts of billing)');
    expect(results[0]!.result.summary.errors).toBe(2);
  });

  it('a table two services declare alike is no conflict', () => {
    const results = applyOwnership([report('backend', backend), report('admin', schema([backend.tables[0]!]))]);
    const findings = results.flatMap(({ result }) => result.findings);
    expect(findings.filter((finding) => finding.code !== 'orphan-table').map((finding) => `${finding.service} ${finding.code}`)).toEqual([
      'backend missing-table',
    ]);
  });
});

import { check, type CheckResult, type SchemaSource } from '@ormdrift/core';
import { connectPostgres, PostgresIntrospector } from '@ormdrift/postgres';

/** Runs a check as the CLI does: one connection, the READ ONLY introspector, every source merged. */
export async function checkDatabase(url: string, sources: readonly SchemaSource[]): Promise<CheckResult> {
  const connection = await connectPostgres(url);
  try {
    return await check({ sources, introspector: new PostgresIntrospector(connection.client) });
  } finally {
    await connection.close();
  }
}

/** What a user reads first in a finding: its code, severity and place. */
export function summarize(result: CheckResult) {
  return result.findings.map((finding) => ({
    code: finding.code,
    severity: finding.severity,
    table: finding.schema === 'public' ? finding.table : `${finding.schema}.${finding.table}`,
    ...(finding.column === undefined ? {} : { column: finding.column }),
  }));
}

import { check, type CheckResult, type SchemaSource } from '@ormdrift/core';
import { postgresIntrospector } from '@ormdrift/postgres';

/** Runs a check as the CLI does: the lazy READ ONLY introspector (connect, read, close), every source merged. */
export function checkDatabase(url: string, sources: readonly SchemaSource[]): Promise<CheckResult> {
  return check({ sources, introspector: postgresIntrospector(url) });
}

/** What a user reads first in a finding: its code, severity and place (for a finding on no table, its object: a sequence). */
export function summarize(result: CheckResult) {
  return result.findings.map((finding) => ({
    code: finding.code,
    severity: finding.severity,
    ...(finding.table === undefined
      ? { object: ((finding.expected ?? finding.actual) as { sequence?: string } | null)?.sequence }
      : { table: finding.schema === 'public' ? finding.table : `${finding.schema}.${finding.table}` }),
    ...(finding.column === undefined ? {} : { column: finding.column }),
  }));
}

import type { CheckResult, Finding, RuleCode } from '@ormdrift/core';
import { validateAllow } from './validate-options.ts';

/**
 * Findings a check accepts: a code everywhere (`'extra-column'`), or a code on one table (`{ code: 'extra-constraint',
 * table: 'audit.events' }`; a table without a schema matches it in any schema; `table: '*'` is every table).
 */
export type AllowEntry = RuleCode | { readonly code: RuleCode; readonly table?: string };

/**
 * The result without the findings `allow` accepts, counted again; everything else (changes, problems, the declared
 * schema) is kept. The same result when `allow` is empty. Throws a TypeError on an unknown finding code.
 */
export function allowFindings(result: CheckResult, allow: readonly AllowEntry[] | undefined): CheckResult {
  validateAllow(allow);
  if (!allow || allow.length === 0) return result;
  const findings = result.findings.filter((finding) => !allow.some((entry) => accepts(entry, finding)));
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  return { ...result, findings, summary: { ...result.summary, errors, warnings: findings.length - errors } };
}

function accepts(entry: AllowEntry, finding: Finding): boolean {
  if (typeof entry === 'string') return entry === finding.code;
  if (entry.code !== finding.code) return false;
  if (entry.table === undefined || entry.table === '*') return true;
  if (finding.table === undefined) return false;
  return entry.table.includes('.') ? entry.table === `${finding.schema}.${finding.table}` : entry.table === finding.table;
}

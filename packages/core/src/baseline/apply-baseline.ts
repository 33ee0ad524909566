import type { CheckResult, Finding } from '../check/finding.ts';
import { type Baseline, uncheckedEntry } from './baseline-file.ts';

/**
 * The result with the baseline's findings left out: for each key, as many findings as the baseline
 * counts are accepted and the rest are new. The summary counts the new findings only, so the exit code
 * follows them alone; `baseline` says how many were accepted and which entries no longer occur (or occur
 * fewer times than recorded; never those of a code that is off), so the user can prune them. `file` names the baseline in the report.
 */
export function applyBaseline(result: CheckResult, baseline: Baseline, file: string): CheckResult {
  const left = new Map(baseline.entries.map((entry) => [entry.key, entry.count]));
  const findings: Finding[] = [];
  let accepted = 0;
  for (const finding of result.findings) {
    const remaining = left.get(finding.key) ?? 0;
    if (remaining > 0) {
      left.set(finding.key, remaining - 1);
      accepted += 1;
    } else findings.push(finding);
  }
  const unchecked = uncheckedEntry(result.off ?? []);
  const fixed = baseline.entries
    .filter((entry) => (left.get(entry.key) ?? 0) > 0 && !unchecked(entry))
    .map((entry) => ({ key: entry.key, count: left.get(entry.key)! }));
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  return {
    ...result,
    findings,
    summary: { ...result.summary, errors, warnings: findings.length - errors },
    baseline: { file, accepted, fixed },
  };
}

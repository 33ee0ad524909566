import { qualifiedAsPrinted } from '../sql/quote.ts';
import type { CheckResult, CheckSummary, Finding } from '../check/finding.ts';
import { rulesMeta, type RuleCode } from '../rules/index.ts';

/** The findings of one table (or, for findings about no table, of one schema), in report order. */
export interface FindingGroup {
  /** The owning service when the findings carry one; `undefined` otherwise. */
  readonly service: string | undefined;
  readonly schema: string;
  /** Absent for the findings about no table. */
  readonly table: string | undefined;
  /** How a report names the group, as PostgreSQL prints the name: `users`, `"Users"`, `audit.events`, or the schema alone. */
  readonly title: string;
  readonly findings: readonly Finding[];
}

/** Groups findings by service, then table, keeping the order `evaluate` sorted them in. */
export function groupFindings(findings: readonly Finding[]): FindingGroup[] {
  const groups = new Map<string, { service: string | undefined; schema: string; table: string | undefined; findings: Finding[] }>();
  for (const finding of findings) {
    const id = JSON.stringify([finding.service ?? null, finding.schema, finding.table ?? null]);
    const group = groups.get(id) ?? { service: finding.service, schema: finding.schema, table: finding.table, findings: [] };
    group.findings.push(finding);
    groups.set(id, group);
  }
  return [...groups.values()].map((group) => ({
    ...group,
    title: group.table === undefined ? group.schema : qualifiedAsPrinted({ schema: group.schema, name: group.table }),
  }));
}

/** No finding, at least one declared table (or sequence) compared, and no code off: the only result a report may call clean. */
export function isClean(result: CheckResult): boolean {
  return result.findings.length === 0 && comparedCount(result.summary) > 0 && (result.off ?? []).length === 0;
}

/** How many declared objects a check compared: its tables and the sequences declared on their own. */
export function comparedCount(summary: CheckSummary): number {
  return summary.tables + (summary.sequences ?? 0);
}

/** `2 declared tables`, `1 declared sequence`, `2 declared tables and 1 declared sequence`: what a check compared. */
function declaredObjects(summary: CheckSummary): string {
  const sequences = summary.sequences ?? 0;
  const parts = summary.tables > 0 || sequences === 0 ? [plural(summary.tables, 'declared table')] : [];
  if (sequences > 0) parts.push(plural(sequences, 'declared sequence'));
  return parts.join(' and ');
}

/**
 * `3 errors, 2 warnings in 2 declared tables`, or, with no finding, the no-drift sentence: the summary every format
 * states. It never claims a match that was not looked for: with no declared table in scope it says nothing was
 * compared, with codes off it names them (after the counts, or instead of saying the tables match), and with every
 * code off it says that nothing could be reported rather than giving a count.
 */
export function summaryLine(result: CheckResult): string {
  const { errors, warnings } = result.summary;
  const compared = comparedCount(result.summary);
  const objects = declaredObjects(result.summary);
  const off = result.off ?? [];
  // every code off: no finding could be reported, whatever the database holds, so no count or verdict is given
  if (off.length > 0 && Object.keys(rulesMeta).every((code) => off.includes(code as RuleCode)))
    return `all finding codes are off: nothing is reported, whatever the database holds (${objects} read)`;
  const offNote = off.length > 0 ? `, with ${plural(off.length, 'finding code')} off (${off.join(', ')})` : '';
  if (result.findings.length > 0) return `${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${objects}${offNote}`;
  if (compared === 0) return 'nothing compared: no declared table is in scope';
  const accepted = result.baseline?.accepted ?? 0;
  if (off.length > 0) return `no findings in ${objects}${offNote}`;
  const match = `${objects} ${compared === 1 ? 'matches' : 'match'} the database`;
  if (accepted > 0) return `no new drift: ${match} apart from ${plural(accepted, 'finding')} the baseline accepts`;
  return `no drift: ${match}`;
}

/** What a baseline left out and what it lists that no longer occurs, as sentences; empty without a baseline. */
export function baselineLines(result: CheckResult): string[] {
  const baseline = result.baseline;
  if (!baseline) return [];
  const lines = [`baseline ${baseline.file}: ${plural(baseline.accepted, 'known finding')} not reported`];
  if (baseline.fixed.length > 0) {
    lines.push(
      `${plural(baseline.fixed.length, 'baseline entry', 'baseline entries')} no longer occur (fixed — remove them with \`ormdrift baseline --prune\`):`,
    );
    for (const entry of baseline.fixed) lines.push(`  ${entry.key}${entry.count > 1 ? ` (${entry.count} fewer)` : ''}`);
  }
  return lines;
}

/** `1 error`, `2 errors`: a count with its noun in the number the count takes. */
export function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : nouns}`;
}

/** One line for an `expected`/`actual` value: a column reads as `integer not null default 0`. */
export function describeValue(value: unknown): string {
  if (typeof value !== 'object' || value === null) return String(value);
  const record = value as Record<string, unknown>;
  if (typeof record['type'] === 'string' && 'nullable' in record) {
    const parts = [record['type'], record['nullable'] ? 'null' : 'not null'];
    if (record['default'] !== null && record['default'] !== undefined) parts.push(`default ${String(record['default'])}`);
    return parts.join(' ');
  }
  return Object.entries(record)
    .map(
      ([key, inner]) =>
        `${key}: ${Array.isArray(inner) ? inner.join(', ') : inner === null ? 'none' : typeof inner === 'object' ? JSON.stringify(inner) : String(inner)}`,
    )
    .join('; ');
}

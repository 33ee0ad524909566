import { emptySchema, evaluate, mergeRegistries, type MigrationLedgerState, type RuleSettings } from '@ormdrift/core';
import type { LedgerComparison } from '@ormdrift/postgres';

/** A finding about a migration rather than a table: `unapplied-migration` or `unknown-migration`. */
export interface MigrationFinding {
  readonly code: 'unapplied-migration' | 'unknown-migration';
  readonly severity: 'error' | 'warning';
  /** The migration as its tool names it (file name, class name, journal tag; for an unknown drizzle entry, its hash). */
  readonly migration: string;
  readonly message: string;
}

/** The result of `ormdrift status`: migrations on disk against the database's ledger. */
export interface MigrationStatus {
  /** The ledger table read, schema-qualified. */
  readonly ledger: string;
  /** The migrations on disk that the ledger lists, by name. */
  readonly applied: readonly string[];
  /** What `check` feeds into its findings (core's `unapplied-migration` and `unknown-migration` rules). */
  readonly state: MigrationLedgerState;
  readonly findings: readonly MigrationFinding[];
  /** `off`, present when `--rule` or the config turned status's codes off, lists them, as check's summary does. */
  readonly summary: {
    readonly errors: number;
    readonly warnings: number;
    readonly migrations: number;
    readonly applied: number;
    readonly off?: readonly MigrationFinding['code'][];
  };
}

/** The finding codes `ormdrift status` reports: the only ones its `--rule` takes. */
export const statusCodes: readonly MigrationFinding['code'][] = ['unapplied-migration', 'unknown-migration'];

/**
 * One finding per migration on disk that the ledger lacks (the database is behind its migrations; an error by
 * default) and per ledger entry that matches no migration on disk (applied from another branch, renamed or
 * deleted; a warning by default), made by core's rules so that `rules` (config, `--rule`) set their severities
 * or turn them off as in `check`.
 */
export function migrationStatus(
  comparison: LedgerComparison,
  ledger: { readonly schema: string; readonly name: string },
  rules?: RuleSettings,
): MigrationStatus {
  const state: MigrationLedgerState = { ledger, unapplied: comparison.unapplied, unknown: comparison.unknown };
  const evaluated = evaluate({ expected: mergeRegistries([]), actual: emptySchema, migrations: state, ...(rules ? { rules } : {}) });
  const findings = evaluated.findings.flatMap((finding): MigrationFinding[] =>
    finding.code === 'unapplied-migration' || finding.code === 'unknown-migration'
      ? [{ code: finding.code, severity: finding.severity, migration: finding.migration!, message: finding.message }]
      : [],
  );
  const off = statusCodes.filter((code) => rules?.[code] === 'off');
  return {
    ledger: `${ledger.schema}.${ledger.name}`,
    applied: comparison.applied,
    state,
    findings,
    summary: {
      errors: evaluated.summary.errors,
      warnings: evaluated.summary.warnings,
      migrations: comparison.applied.length + comparison.unapplied.length,
      applied: comparison.applied.length,
      ...(off.length === 0 ? {} : { off }),
    },
  };
}

/** The text report: findings under the ledger's name, then one summary line. */
export function renderStatusText(status: MigrationStatus, color = false): string {
  const paint = (code: number, text: string) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const lines: string[] = [];
  if (status.findings.length > 0) {
    lines.push(paint(1, status.ledger));
    for (const finding of status.findings) {
      const severity = finding.severity === 'error' ? paint(31, 'error  ') : paint(33, 'warning');
      lines.push(`  ${severity} ${finding.message}  ${paint(2, finding.code)}`);
    }
    lines.push('');
  }
  lines.push(statusLine(status, color));
  return `${lines.join('\n')}\n`;
}

/** `✔ up to date: 5 of 5 migrations applied (public.schema_migrations)`, or the counts of the findings. */
function statusLine(status: MigrationStatus, color: boolean): string {
  const paint = (code: number, text: string) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const { errors, warnings, migrations, applied } = status.summary;
  const progress = `${applied} of ${migrations} migration${migrations === 1 ? '' : 's'} applied`;
  const { unapplied, unknown } = status.state;
  const off = status.summary.off ?? [];
  // codes off are named, as check's summary names them: a quiet line must say what it was told not to report
  const offNote = off.length > 0 ? `, with ${off.length} finding code${off.length === 1 ? '' : 's'} off (${off.join(', ')})` : '';
  if (status.findings.length === 0 && unapplied.length === 0 && unknown.length === 0)
    return `${paint(32, '✔')} up to date: ${progress} (${status.ledger})${offNote}`;
  if (status.findings.length === 0) {
    // the codes are off: the ledger still differs from the disk, and the line must not say otherwise
    const differences = [unapplied.length > 0 ? `${unapplied.length} unapplied` : '', unknown.length > 0 ? `${unknown.length} not on disk` : ''];
    return `${paint(33, '!')} not up to date: ${progress}, ${differences.filter(Boolean).join(' and ')} not reported (their finding codes are off) (${status.ledger})`;
  }
  const counts = `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
  return `${errors > 0 ? paint(31, '✖') : paint(33, '!')} ${counts}: ${progress}${offNote}`;
}

/** The JSON report, version 1: `{ version, ledger, findings: [{ code, severity, migration, message }], summary }`. */
export function renderStatusJson(status: MigrationStatus): string {
  return `${JSON.stringify({ version: 1, ledger: status.ledger, findings: status.findings, summary: status.summary }, null, 2)}\n`;
}

/**
 * `check --db --migrations`: the ledger's findings are the check's own (every format shows them); the status adds,
 * in text, its one line (`✔ up to date: 5 of 5 migrations applied`) before the report, and in JSON a `migrations`
 * object (`{ ledger, findings, summary }`) after the check's keys.
 */
export function joinStatusToReport(report: string, format: 'text' | 'json', status: MigrationStatus, color = false): string {
  if (format === 'json') {
    const parsed = JSON.parse(report) as Record<string, unknown>;
    return `${JSON.stringify({ ...parsed, migrations: { ledger: status.ledger, findings: status.findings, summary: status.summary } }, null, 2)}\n`;
  }
  return `${statusLine(status, color)}\n\n${report}`;
}

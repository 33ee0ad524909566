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
  readonly findings: readonly MigrationFinding[];
  readonly summary: { readonly errors: number; readonly warnings: number; readonly migrations: number; readonly applied: number };
}

/**
 * One error per migration on disk that the ledger lacks (the database is behind its migrations) and one warning
 * per ledger entry that matches no migration on disk (applied from another branch, renamed or deleted).
 */
export function migrationStatus(comparison: LedgerComparison, ledger: string): MigrationStatus {
  const findings: MigrationFinding[] = [
    ...comparison.unapplied.map((migration) => ({
      code: 'unapplied-migration' as const,
      severity: 'error' as const,
      migration,
      message: `${migration} has not been applied to this database (${ledger} does not list it)`,
    })),
    ...comparison.unknown.map((migration) => ({
      code: 'unknown-migration' as const,
      severity: 'warning' as const,
      migration,
      message: `${ledger} lists ${migration}, which is not among the migrations`,
    })),
  ];
  return {
    ledger,
    applied: comparison.applied,
    findings,
    summary: {
      errors: comparison.unapplied.length,
      warnings: comparison.unknown.length,
      migrations: comparison.applied.length + comparison.unapplied.length,
      applied: comparison.applied.length,
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
  const { errors, warnings, migrations, applied } = status.summary;
  const progress = `${applied} of ${migrations} migration${migrations === 1 ? '' : 's'} applied`;
  if (status.findings.length === 0) lines.push(`${paint(32, '✔')} up to date: ${progress} (${status.ledger})`);
  else {
    const counts = `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
    lines.push(`${errors > 0 ? paint(31, '✖') : paint(33, '!')} ${counts}: ${progress}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The JSON report, version 1: `{ version, ledger, findings: [{ code, severity, migration, message }], summary }`. */
export function renderStatusJson(status: MigrationStatus): string {
  return `${JSON.stringify({ version: 1, ledger: status.ledger, findings: status.findings, summary: status.summary }, null, 2)}\n`;
}

/**
 * `check --db --migrations`: the ledger status joins the check's report, so one run tells "the database is
 * behind its migrations" apart from "the models drifted from the migrations". Text: the status first; JSON: a
 * `migrations` object (`{ ledger, findings, summary }`) after the check's keys.
 */
export function joinStatusToReport(report: string, format: 'text' | 'json', status: MigrationStatus, color = false): string {
  if (format === 'json') {
    const parsed = JSON.parse(report) as Record<string, unknown>;
    return `${JSON.stringify({ ...parsed, migrations: { ledger: status.ledger, findings: status.findings, summary: status.summary } }, null, 2)}\n`;
  }
  return `${renderStatusText(status, color)}\n${report}`;
}

import type { DiskMigration, LedgerEntry, MigrationLedger } from './migration-ledger.ts';

/** Migrations on disk against a database's ledger. */
export interface LedgerComparison {
  /** On disk and in the ledger, in the order on disk. */
  readonly applied: readonly string[];
  /** On disk, not in the ledger: the database is behind. In the order on disk. */
  readonly unapplied: readonly string[];
  /** In the ledger, not on disk: applied from another branch, renamed or deleted. In ledger order. */
  readonly unknown: readonly string[];
}

/**
 * Matches each migration on disk to a ledger entry: by name, with or without `.sql`; a ledger that records only
 * a version (`004`, `20240101120000`) matches the file whose name starts with it followed by `_`, `-` or `.`;
 * drizzle's by hash or by journal timestamp (an edited file keeps its timestamp).
 */
export function compareLedger(onDisk: readonly DiskMigration[], ledger: MigrationLedger): LedgerComparison {
  const remaining = new Set<LedgerEntry>(ledger.entries);
  const applied: string[] = [];
  const unapplied: string[] = [];
  for (const migration of onDisk) {
    const entry = [...remaining].find((candidate) => matches(migration, candidate));
    if (entry) {
      remaining.delete(entry);
      applied.push(migration.name);
    } else unapplied.push(migration.name);
  }
  return { applied, unapplied, unknown: [...remaining].map(describeEntry) };
}

function matches(migration: DiskMigration, entry: LedgerEntry): boolean {
  if (entry.hash !== undefined) return entry.hash === migration.hash || (entry.createdAt !== undefined && entry.createdAt === migration.createdAt);
  const name = stripSql(migration.name);
  const recorded = stripSql(entry.name.trim());
  if (recorded === name) return true;
  return /^\d+$/.test(recorded) && name.startsWith(recorded) && /^[_.-]/.test(name.slice(recorded.length));
}

function stripSql(name: string): string {
  return name.replace(/(\.up)?\.sql$/i, '');
}

function describeEntry(entry: LedgerEntry): string {
  if (entry.hash === undefined) return entry.name;
  const when = entry.createdAt === undefined ? '' : `, created ${new Date(entry.createdAt).toISOString()}`;
  return `hash ${entry.hash.slice(0, 12)}${when}`;
}

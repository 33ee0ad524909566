/** One row of a migration tool's ledger: what it records of a migration it applied. */
export interface LedgerEntry {
  /** The name the tool recorded: a file name, a TypeORM class name, a version number; for drizzle, the hash. */
  readonly name: string;
  /** drizzle: the SHA-256 of the migration's SQL file. */
  readonly hash?: string;
  /** drizzle: the migration's journal timestamp (`when`), in milliseconds since the epoch. */
  readonly createdAt?: number;
}

/** A ledger table as read from the database. */
export interface MigrationLedger {
  /** The ledger table, schema-qualified (`public.schema_migrations`). */
  readonly table: string;
  /** The ledger table as schema and name, as the catalog spells them. */
  readonly at: { readonly schema: string; readonly name: string };
  readonly entries: readonly LedgerEntry[];
}

/** One migration on disk, as the ledger of its tool would record it. */
export interface DiskMigration {
  readonly name: string;
  /** drizzle: the SHA-256 of its SQL file. */
  readonly hash?: string;
  /** drizzle: its journal `when`. */
  readonly createdAt?: number;
}

/** The database has no ledger table where the migrations' tool keeps one; the message says what to check. */
export class LedgerNotFoundError extends Error {
  override readonly name = 'LedgerNotFoundError';
}

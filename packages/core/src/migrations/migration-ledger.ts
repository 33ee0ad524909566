import type { QualifiedName } from '../model/schema-model.ts';

/**
 * The project's migrations against the ledger the database keeps of those it applied (TypeORM's `migrations`
 * table, `drizzle.__drizzle_migrations`, `SequelizeMeta`, a `schema_migrations`-style table): what `check` and
 * `evaluate` turn into `unapplied-migration` and `unknown-migration` findings. Names are as the migrations' tool
 * names them: a file name, a TypeORM class name, a drizzle-kit journal tag (for a ledger entry no journal tag
 * matches, its hash).
 */
export interface MigrationLedgerState {
  /** The ledger table read. */
  readonly ledger: QualifiedName;
  /** On disk, not in the ledger: the database is behind its migrations. In the order on disk. */
  readonly unapplied: readonly string[];
  /** In the ledger, not on disk: applied from another branch, renamed or deleted. In ledger order. */
  readonly unknown: readonly string[];
}

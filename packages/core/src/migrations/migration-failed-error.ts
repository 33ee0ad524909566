/**
 * One migration failed while a migration tool ran it. `cause` is what the tool threw (for a PostgreSQL error,
 * the driver's error with its `message` and `position`); `statement` is the SQL text that `position` counts
 * into (1-based characters), when known.
 */
export class MigrationFailedError extends Error {
  override readonly name = 'MigrationFailedError';
  constructor(
    /** The migration's name as its tool names it: a file name, a TypeORM class name, a drizzle-kit tag. */
    readonly migration: string,
    cause: unknown,
    readonly statement?: string,
  ) {
    super(`migration ${migration} failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

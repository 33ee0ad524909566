/**
 * Migrations that cannot be run or read, in one line the user can act on: a migration that fails (naming it,
 * PostgreSQL's message and position), a folder with no migrations, a path that does not exist, a migration that runs
 * past its time limit, no embedded PostgreSQL installed. The CLI exits 2 on it; the matchers fail with its message.
 */
export class MigrationsError extends Error {
  override readonly name: string = 'MigrationsError';
}

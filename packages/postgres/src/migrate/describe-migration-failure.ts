import type { MigrationFailedError } from '@ormdrift/core';

/**
 * One line for a failed migration: its name, PostgreSQL's message and where in the SQL it failed, e.g.
 * `migration 004_add_message_count.sql failed at line 2, column 34: type "integr" does not exist`. Where the
 * statement is known, PostgreSQL's `position` (1-based characters) becomes a line and column in it; for a
 * statement an ORM sent, a short excerpt of it follows.
 */
export function describeMigrationFailure(error: MigrationFailedError, options: { file?: boolean } = {}): string {
  const cause = innermostPostgresError(error.cause);
  const message = cause.message.replace(/\s*\n\s*/g, ' ');
  const position = Number(cause.position);
  const statement = error.statement ?? cause.query;
  let where = '';
  if (statement && Number.isInteger(position) && position > 0) {
    const before = statement.slice(0, position - 1).split('\n');
    const line = before.length;
    const column = (before.at(-1)?.length ?? 0) + 1;
    where = ` at line ${line}, column ${column}`;
    if (!options.file) where += ` of "${excerpt(statement)}"`;
  } else if (!options.file && statement) where = ` in "${excerpt(statement)}"`;
  return `migration ${error.migration} failed${where}: ${message}`;
}

interface PostgresErrorLike {
  message: string;
  position?: string;
  query?: string;
}

/**
 * ORMs wrap the driver's error (TypeORM's QueryFailedError, Sequelize's DatabaseError, drizzle's
 * DrizzleQueryError): take PostgreSQL's own message and position from the driver's error (the one with a
 * five-character SQLSTATE `code`) and the statement from whichever wrapper carries it.
 */
function innermostPostgresError(cause: unknown): PostgresErrorLike {
  const found: PostgresErrorLike = { message: cause instanceof Error ? cause.message : String(cause) };
  let driverErrorFound = false;
  for (let current: unknown = cause, depth = 0; current instanceof Error && depth < 6; depth++) {
    const error = current as Error & { code?: unknown; position?: string; query?: string; sql?: string; driverError?: unknown; original?: unknown };
    found.query ??= error.query ?? error.sql;
    if (!driverErrorFound && typeof error.code === 'string' && error.code.length === 5) {
      driverErrorFound = true;
      found.message = error.message;
      found.position = error.position;
    }
    current = error.driverError ?? error.original ?? error.cause;
  }
  return found;
}

function excerpt(statement: string): string {
  const flat = statement.replace(/\s+/g, ' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 77)}...` : flat;
}

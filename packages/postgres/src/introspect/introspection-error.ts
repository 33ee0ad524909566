import { QueryInterruptedError } from './query-deadline.ts';

/**
 * A catalog query failed or got no answer; `step` says which (`reading pg_attribute`), `cause` keeps the driver's
 * error or a {@link QueryInterruptedError} when the client-side deadline passed or the caller aborted.
 */
export class IntrospectionError extends Error {
  override readonly name = 'IntrospectionError';
  constructor(
    readonly step: string,
    options: { cause: unknown },
    /** For a read the server's statement timeout cancelled: the other session's lock it was waiting behind, if any. */
    readonly lock?: CatalogLock,
  ) {
    super(`${step}: ${options.cause instanceof Error ? options.cause.message : String(options.cause)}`, options);
  }

  /** Why the wait ended, when the server never answered: `deadline` or `aborted`; undefined for a server error. */
  get interrupted(): 'deadline' | 'aborted' | undefined {
    return this.cause instanceof QueryInterruptedError ? this.cause.reason : undefined;
  }
}

/** A lock another session holds on a catalog, as pg_locks and pg_stat_activity show it. */
export interface CatalogLock {
  /** `pg_catalog.pg_enum` */
  readonly relation: string;
  readonly mode: string;
  readonly pid: number;
  /** The holder's application_name, else its user. */
  readonly holder: string;
  /** How long the holder's transaction has been open, in seconds. */
  readonly seconds: number;
}

/** Whether the server cancelled the statement because of `statement_timeout` (SQLSTATE 57014). */
export function isStatementTimeout(cause: unknown): boolean {
  const error = cause as { code?: unknown; message?: unknown } | null;
  return error?.code === '57014' && typeof error.message === 'string' && error.message.includes('statement timeout');
}

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
  ) {
    super(`${step}: ${options.cause instanceof Error ? options.cause.message : String(options.cause)}`, options);
  }

  /** Why the wait ended, when the server never answered: `deadline` or `aborted`; undefined for a server error. */
  get interrupted(): 'deadline' | 'aborted' | undefined {
    return this.cause instanceof QueryInterruptedError ? this.cause.reason : undefined;
  }
}

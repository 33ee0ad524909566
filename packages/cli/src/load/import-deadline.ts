import { UsageError } from '../usage-error.ts';

/** The default time a module may take to import, and a registry to build its models, in milliseconds. */
export const defaultImportTimeoutMs = 30_000;

/**
 * Waits for `loading` (importing a user module, or a registry building its models) at most `timeoutMs`: a top-level
 * `await` that never settles (a connection to a service that is not there) must end in an error naming the module,
 * not in a silent wait. The pending import cannot be cancelled; the CLI exits once it has reported the error.
 */
export function withImportDeadline<T>(loading: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new UsageError(
            `${what} did not finish loading within ${timeoutMs / 1000} s (a top-level await that never settles?): ` +
              'make the module declare its models without waiting on a service, or raise --import-timeout',
          ),
        ),
      timeoutMs,
    );
  });
  return Promise.race([loading, deadline]).finally(() => clearTimeout(timer));
}

import { UsageError } from '../usage-error.ts';
import { currentWatchdog } from './watchdog.ts';

/** The default time a module may take to import, and a registry to build its models, in milliseconds. */
export const defaultImportTimeoutMs = 30_000;

/** How much longer than a deadline the watchdog waits before it stops a main thread that never yielded. */
export const watchdogGraceMs = 2_000;

/**
 * Runs `load` (importing a user module, or a registry building its models) and waits for it at most `timeoutMs`: a
 * top-level `await` that never settles (a connection to a service that is not there) must end in an error naming
 * the module, not in a silent wait. A synchronous loop never lets that timer run: where the CLI installed its
 * watchdog, the process then ends `watchdogGraceMs` later, with exit code 2 and the same kind of line. `load` is a
 * function, not a promise, so that its synchronous part (a CommonJS module runs inside `require`) is watched too.
 * The pending import cannot be cancelled; the CLI exits once it has reported the error.
 */
export async function withImportDeadline<T>(load: () => Promise<T>, timeoutMs: number, what: string): Promise<T> {
  const message = (cause: string) =>
    `${what} did not finish loading within ${timeoutMs / 1000} s (${cause}): ` +
    'make the module declare its models without waiting on a service, or raise --import-timeout';
  await currentWatchdog()?.ready();
  const disarm = currentWatchdog()?.arm(timeoutMs + watchdogGraceMs, message('a loop that never yields?'), `loading ${what}`);
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new UsageError(message('a top-level await that never settles?'))), timeoutMs);
  });
  try {
    return await Promise.race([load(), deadline]);
  } finally {
    clearTimeout(timer);
    disarm?.();
  }
}

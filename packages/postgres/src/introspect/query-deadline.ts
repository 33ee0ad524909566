/**
 * Waits for one catalog query with a client-side limit. PostgreSQL's `statement_timeout` is enforced by the
 * server, so a backend that stopped answering (a frozen VM, a network partition, a stopped process) never
 * sends the error that would end the wait: only a timer in this process can.
 */

/** Why a wait ended without an answer: the deadline passed, or the caller aborted. */
export class QueryInterruptedError extends Error {
  override readonly name = 'QueryInterruptedError';
  constructor(
    message: string,
    /** `deadline`: no answer in time; `aborted`: the caller's `AbortSignal` fired. */
    readonly reason: 'deadline' | 'aborted',
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * Settles with `work`, or rejects with a {@link QueryInterruptedError} after `deadlineMs` milliseconds (no limit when undefined) or as soon as
 * `signal` aborts, whichever comes first. The timer never keeps the process alive on its own account once settled.
 */
export function withDeadline<T>(work: Promise<T>, deadlineMs: number | undefined, signal?: AbortSignal): Promise<T> {
  if (signal?.aborted) {
    work.catch(() => {}); // settles later; nobody listens any more
    return Promise.reject(aborted(signal));
  }
  return new Promise<T>((resolve, reject) => {
    const timer =
      deadlineMs === undefined
        ? undefined
        : setTimeout(() => {
            cleanup();
            reject(new QueryInterruptedError(`no answer within ${seconds(deadlineMs)}`, 'deadline'));
          }, deadlineMs);
    const onAbort = () => {
      cleanup();
      reject(aborted(signal!));
    };
    const cleanup = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        cleanup();
        resolve(value);
      },
      (error: unknown) => {
        cleanup();
        reject(error);
      },
    );
  });
}

function aborted(signal: AbortSignal): QueryInterruptedError {
  const reason: unknown = signal.reason;
  const detail = reason instanceof Error && reason.name !== 'AbortError' ? `: ${reason.message}` : '';
  return new QueryInterruptedError(`aborted${detail}`, 'aborted', { cause: reason });
}

/** `12 s`, `1.5 s`, `250 ms`. */
export function seconds(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Number((ms / 1000).toFixed(1))} s`;
}

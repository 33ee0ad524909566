import { inspect } from 'node:util';

/**
 * The words for a value a user's code threw: an `Error`'s (or an error-like object's) `message`, a string as is,
 * anything else (`null`, `undefined`, a plain or prototype-less object) as `util.inspect` renders it on one line.
 * Never throws, whatever the value: JavaScript lets code throw anything.
 */
export function thrownMessage(value: unknown): string {
  if (value instanceof Error) return value.message;
  if (typeof value === 'string') return value;
  // an error from another realm (a vm context, a worker) fails instanceof but keeps its message
  const { message, stack } = (typeof value === 'object' && value !== null ? value : {}) as { message?: unknown; stack?: unknown };
  if (typeof message === 'string' && typeof stack === 'string') return message;
  return inspect(value, { breakLength: Number.POSITIVE_INFINITY, depth: 2 });
}

/** The `code` property of a thrown value, when it is an object with a string `code` (Node's errors, pg's). */
export function thrownCode(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const code = (value as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * The stack trace of an error for `--debug`, after the one-line message the command already printed: its frames
 * (`    at ...` lines) only, so the message is not printed twice; the whole stack when it does not start with the
 * message (an error whose stack was replaced).
 */
export function stackFrames(error: Error): string {
  const stack = error.stack ?? '';
  const header = `${error.name}: ${error.message}`;
  const frames = stack.startsWith(header) ? stack.slice(header.length).replace(/^\n/, '') : stack;
  return frames === '' ? '' : `${frames}\n`;
}

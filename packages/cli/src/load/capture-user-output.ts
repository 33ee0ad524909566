import { redirectFdWrites } from './redirect-fd-writes.ts';

/** Where the report goes: the process's real standard output, kept aside before any user module runs. */
export interface ReportOutput {
  write(text: string): unknown;
  readonly isTTY?: boolean;
  /** Resolves once everything written so far has been handed to the operating system. */
  flush(): Promise<void>;
}

/**
 * Keeps standard output for the report alone: from this call on, whatever else writes to `process.stdout` (a user
 * module's `console.log` at import, an ORM's logger, a timer a module started) or to file descriptor 1 through
 * `node:fs` (pino and sonic-boom, `fs.writeSync(1, …)`: see {@link redirectFdWrites}) goes to standard error instead,
 * so a `--format json` report stays parsable. Returns the real standard output for the report. Process-wide, for the
 * rest of the process (a module's timer may still write while the report is printed); call once.
 */
export function captureUserOutput(): ReportOutput {
  // created before fs is redirected: Node's stream for a file on standard output keeps fs's own writeSync
  const stdout = process.stdout;
  redirectFdWrites();
  const write = stdout.write.bind(stdout) as (text: string, callback?: () => void) => boolean;
  stdout.write = ((chunk: unknown, ...rest: unknown[]) =>
    (process.stderr.write as (chunk: unknown, ...args: unknown[]) => boolean)(chunk, ...rest)) as typeof stdout.write;
  return {
    write: (text) => write(text),
    isTTY: stdout.isTTY,
    flush: () => new Promise<void>((resolve) => (write('', () => resolve()) ? undefined : stdout.once('drain', () => resolve()))),
  };
}

/** Where the report goes: the process's real standard output, kept aside before any user module runs. */
export interface ReportOutput {
  write(text: string): unknown;
  readonly isTTY?: boolean;
  /** Resolves once everything written so far has been handed to the operating system. */
  flush(): Promise<void>;
}

/**
 * Keeps standard output for the report alone: from this call on, whatever else writes to `process.stdout` (a user
 * module's `console.log` at import, an ORM's logger, a timer a module started) goes to standard error instead, so a
 * `--format json` report stays parsable. Returns the real standard output for the report. Process-wide; call once.
 */
export function captureUserOutput(): ReportOutput {
  const stdout = process.stdout;
  const write = stdout.write.bind(stdout) as (text: string, callback?: () => void) => boolean;
  stdout.write = ((chunk: unknown, ...rest: unknown[]) =>
    (process.stderr.write as (chunk: unknown, ...args: unknown[]) => boolean)(chunk, ...rest)) as typeof stdout.write;
  return {
    write: (text) => write(text),
    isTTY: stdout.isTTY,
    flush: () => new Promise<void>((resolve) => (write('', () => resolve()) ? undefined : stdout.once('drain', () => resolve()))),
  };
}

import { UsageError } from '../usage-error.ts';

/** A loaded module called `process.exit()`: a check that ends there has compared nothing. */
export class ModuleExitError extends UsageError {
  override readonly name: string = 'ModuleExitError';
}

export interface ExitTrap {
  /** The real `process.exit`, for the CLI's own exit once the report is written. */
  readonly exit: (code: number) => never;
  /** The first exit a module attempted, if any: the run then ends with exit code 2 whatever it found. */
  readonly attempted: () => ModuleExitError | undefined;
}

/**
 * Replaces `process.exit` for the rest of the process, so a user module (an app entry that exits after its setup,
 * a script that exits on a missing env var) can neither end the check early with its own code nor make a run that
 * compared nothing look like a pass. The replacement throws a {@link ModuleExitError}, which stops the module's code
 * where it is, and remembers the attempt.
 */
export function trapProcessExit(): ExitTrap {
  const exit = process.exit.bind(process) as (code: number) => never;
  let first: ModuleExitError | undefined;
  process.exit = ((code?: number | string | null) => {
    const error = new ModuleExitError(
      `a loaded module called process.exit(${code ?? ''}): ormdrift stops rather than report a check it could not finish; ` +
        'do not exit from a module that only declares models (exit from the app entry point)',
    );
    first ??= error;
    throw error;
  }) as typeof process.exit;
  return { exit, attempted: () => first };
}

import { writeFile } from 'node:fs/promises';
import { dirname, extname, resolve } from 'node:path';
import { UsageError } from './usage-error.ts';

/** Files a report or a script must never overwrite: a module to check, or any file a loader would run. */
const sourceExtensions = new Set(['.ts', '.mts', '.cts', '.tsx', '.js', '.mjs', '.cjs', '.jsx']);

/**
 * Throws a `UsageError` when `file` (given to `flag`, relative to `cwd`) is one of the modules to check or a
 * source file of any kind: a mistyped `--out` must not destroy the code it was about to check.
 */
export function refuseSourceAsOutput(flag: string, file: string, modules: readonly string[], cwd: string): void {
  const target = resolve(cwd, file);
  if (modules.some((module) => resolve(cwd, module) === target)) {
    throw new UsageError(`${flag} ${file} is one of the modules to check: write to another file, e.g. ${flag} drift.json`);
  }
  if (sourceExtensions.has(extname(target).toLowerCase())) {
    throw new UsageError(`${flag} ${file} names a source file: write to a .txt, .json or .sql file`);
  }
}

/**
 * Writes `text` to `file` (relative to `cwd`). Throws a one-line `UsageError` that says what to do when it
 * cannot: the folder does not exist, the path is a folder, or it may not be written.
 */
export async function writeOutputFile(cwd: string, file: string, text: string, what: string): Promise<void> {
  await writeFile(resolve(cwd, file), text).catch((cause: unknown) => {
    const code = (cause as NodeJS.ErrnoException).code;
    const hint =
      code === 'ENOENT'
        ? `the folder ${dirname(file)} does not exist: create it first`
        : code === 'EISDIR'
          ? 'it is a folder: give a file name'
          : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
            ? 'it may not be written: choose a writable path'
            : (cause as Error).message;
    throw new UsageError(`cannot write ${what} to ${file}: ${hint}`, { cause });
  });
}

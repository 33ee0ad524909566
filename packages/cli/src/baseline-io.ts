import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { applyBaseline, BaselineFormatError, parseBaseline, serializeBaseline, type Baseline, type CheckResult } from '@ormdrift/core';
import { writeOutputFile } from './output-file.ts';
import { UsageError } from './usage-error.ts';

/** The file `ormdrift baseline` writes and prunes when no `--out` is given. */
export const defaultBaselineFile = '.ormdrift-baseline.json';

/**
 * Reads a baseline file, relative to `cwd`. Throws `UsageError` naming the file when it is absent,
 * unreadable or not a baseline, with what to do.
 */
export async function readBaselineFile(file: string, cwd: string): Promise<Baseline> {
  let text: string;
  try {
    text = await readFile(resolve(cwd, file), 'utf8');
  } catch (cause) {
    const missing = (cause as NodeJS.ErrnoException).code === 'ENOENT';
    throw new UsageError(
      missing
        ? `no baseline file ${file}: record one with ormdrift baseline <modules> --db URL --out ${file}`
        : `cannot read the baseline ${file}: ${(cause as Error).message}`,
      { cause },
    );
  }
  try {
    return parseBaseline(text);
  } catch (cause) {
    if (cause instanceof BaselineFormatError) throw new UsageError(`${file} is not a baseline file: ${cause.message}`, { cause });
    throw cause;
  }
}

/** Writes a baseline file, relative to `cwd`; a one-line `UsageError` saying what to do when it cannot (see `writeOutputFile`). */
export async function writeBaselineFile(file: string, cwd: string, baseline: Baseline): Promise<void> {
  await writeOutputFile(cwd, file, serializeBaseline(baseline), 'the baseline');
}

/** The check's result with the baseline's findings accepted; see `applyBaseline`. */
export function withBaseline(result: CheckResult, baseline: Baseline, file: string): CheckResult {
  return applyBaseline(result, baseline, file);
}

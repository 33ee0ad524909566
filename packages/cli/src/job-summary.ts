import { appendFile } from 'node:fs/promises';
import { reporters, rulesMeta, type CheckResult } from '@ormdrift/core';
import type { CliIo } from './cli-io.ts';

/**
 * Appends the Markdown report to the GitHub Actions job summary when `GITHUB_STEP_SUMMARY` names its file
 * (GitHub sets it in every step). A summary that cannot be written is a warning on stderr, not a failed
 * check: the annotations and the exit code already carry the result.
 */
export async function writeJobSummary(result: CheckResult, io: CliIo): Promise<void> {
  const file = io.env['GITHUB_STEP_SUMMARY'];
  if (!file) return;
  // GitHub caps a step's summary at 1 MiB; the comment limit keeps it well under that.
  const markdown = reporters.markdown().render(result, { cwd: io.cwd, rules: rulesMeta });
  await appendFile(file, `${markdown}\n`).catch((cause: unknown) => {
    io.stderr.write(`ormdrift: warning: cannot write the job summary to ${file}: ${(cause as Error).message}\n`);
  });
}

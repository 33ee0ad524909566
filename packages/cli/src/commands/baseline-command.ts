import { parseArgs } from 'node:util';
import { createBaseline, pruneBaseline } from '@ormdrift/core';
import { defaultBaselineFile, readBaselineFile, writeBaselineFile } from '../baseline-io.ts';
import type { CliIo } from '../cli-io.ts';
import { checkModules } from './check-command.ts';

export const baselineUsage = `Usage: ormdrift baseline [modules...] [options]

Records today's findings in a baseline file, so that "ormdrift check --baseline FILE" reports
only new drift. Each finding is recorded by its stable key with a count; the file is sorted
JSON, meant to be committed.

Options:
  --db URL          PostgreSQL connection string (default: $DATABASE_URL)
  --out FILE        the baseline file (default: ${defaultBaselineFile})
  --prune           only remove the entries that no longer occur; add nothing new
  --schema NAME     check only this schema (repeatable)
  --rule CODE=LEVEL set a finding code's severity: off, warn or error (repeatable)
  --env-file FILE   load environment variables from FILE before importing the modules
  --verbose         list each registry found, one line each, on standard error
  --debug           print stack traces of errors
  -h, --help        show this help

Exit codes: 0 baseline written, 2 usage, load or connection error.`;

/** `ormdrift baseline`: checks the modules and writes (or prunes) the baseline file; 0 when written. */
export async function baselineCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      db: { type: 'string' },
      out: { type: 'string', default: defaultBaselineFile },
      prune: { type: 'boolean' },
      schema: { type: 'string', multiple: true },
      rule: { type: 'string', multiple: true },
      'env-file': { type: 'string', multiple: true },
      verbose: { type: 'boolean' },
      debug: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout.write(`${baselineUsage}\n`);
    return 0;
  }
  const file = values.out;
  const previous = values.prune ? await readBaselineFile(file, io.cwd) : undefined;
  const result = await checkModules(positionals, values, io);
  if (previous) {
    const pruned = pruneBaseline(previous, result.findings);
    await writeBaselineFile(file, io.cwd, pruned);
    const before = previous.entries.reduce((sum, entry) => sum + entry.count, 0);
    const after = pruned.entries.reduce((sum, entry) => sum + entry.count, 0);
    io.stderr.write(`ormdrift: pruned ${file}: ${before - after} fixed ${before - after === 1 ? 'finding' : 'findings'} removed, ${after} kept\n`);
    return 0;
  }
  const baseline = createBaseline(result.findings);
  await writeBaselineFile(file, io.cwd, baseline);
  io.stderr.write(
    `ormdrift: wrote ${file}: ${result.findings.length} ${result.findings.length === 1 ? 'finding' : 'findings'} under ${baseline.entries.length} ${baseline.entries.length === 1 ? 'key' : 'keys'}; commit it and run ormdrift check --baseline ${file}\n`,
  );
  return 0;
}

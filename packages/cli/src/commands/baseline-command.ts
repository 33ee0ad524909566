import { createBaseline, pruneBaseline } from '@ormdrift/core';
import { defaultBaselineFile, readBaselineFile, writeBaselineFile } from '../baseline-io.ts';
import type { CliIo } from '../cli-io.ts';
import { refuseSourceAsOutput } from '../output-file.ts';
import { allCodesOff, allCodesOffNotice, parseRuleSettings } from '../rule-settings.ts';
import { readConfig } from '../config/read-config.ts';
import { UsageError } from '../usage-error.ts';
import { checkCommand } from './check-command.ts';

export const baselineUsage = `Usage: ormdrift baseline [modules...] [options]

Records today's findings in a baseline file, so that "ormdrift check --baseline FILE" reports
only new drift. Each finding is recorded by its stable key with a count; the file is sorted
JSON, meant to be committed.

Options:
  --out FILE        the baseline file (default: the config's "baseline", else ${defaultBaselineFile})
  --prune           only remove the entries that no longer occur; add nothing new
  and every option of "ormdrift check" that chooses what is checked: --db, --migrations,
  --schema, --rule, --config, --env-file, the timeouts, --verbose, --debug; the config file is
  read as check reads it

Exit codes: 0 baseline written, 2 usage, load or connection error.`;

/**
 * `ormdrift baseline`: runs the check as `ormdrift check` does (its own options are passed through) and
 * writes the baseline file, or with `--prune` removes from it what no longer occurs. 0 when written.
 */
export async function baselineCommand(argv: readonly string[], io: CliIo): Promise<number> {
  if (argv.includes('-h') || argv.includes('--help')) {
    io.stdout.write(`${baselineUsage}\n`);
    return 0;
  }
  let named: string | undefined;
  let prune = false;
  const rest: string[] = [];
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index]!;
    if (arg === '--prune') prune = true;
    else if (arg === '--out') {
      const value = argv[index + 1];
      if (value === undefined || value.startsWith('--')) throw new UsageError('option --out needs a value: see "ormdrift baseline --help"');
      named = value;
      index += 1;
    } else if (arg.startsWith('--out=')) named = arg.slice('--out='.length);
    else if (arg === '--format' || arg.startsWith('--format=') || arg === '--baseline' || arg.startsWith('--baseline=')) {
      throw new UsageError(`ormdrift baseline takes no ${arg.split('=')[0]}: it writes the baseline file named by --out`);
    } else rest.push(arg);
  }
  const rules = rest.flatMap((arg, index) => (arg === '--rule' ? [rest[index + 1] ?? ''] : arg.startsWith('--rule=') ? [arg.slice('--rule='.length)] : []));
  // a baseline taken with every code off records nothing, and would later accept nothing: refuse it
  if (rules.length > 0 && allCodesOff(parseRuleSettings(rules)))
    throw new UsageError(`${allCodesOffNotice}: a baseline would record no finding; leave some codes on`);
  // the file check --baseline reads by default is the one to write: the config's "baseline"
  const file = named ?? (await readConfig(configFlag(rest), io.cwd))?.baseline ?? defaultBaselineFile;
  // a mistyped --out (or config "baseline") must not replace a module with JSON; the words that are no option
  // include the modules to check (and option values, which never name a module by accident)
  refuseSourceAsOutput(
    named === undefined ? 'baseline' : '--out',
    file,
    rest.filter((arg) => !arg.startsWith('-')),
    io.cwd,
  );
  const previous = prune ? await readBaselineFile(file, io.cwd) : undefined;
  return checkCommand(rest, io, async (result) => {
    if (previous) {
      const pruned = pruneBaseline(previous, result.findings, result.off);
      await writeBaselineFile(file, io.cwd, pruned);
      const before = previous.entries.reduce((sum, entry) => sum + entry.count, 0);
      const after = pruned.entries.reduce((sum, entry) => sum + entry.count, 0);
      io.stderr.write(`ormdrift: pruned ${file}: ${before - after} fixed ${before - after === 1 ? 'finding' : 'findings'} removed, ${after} kept\n`);
      return 0;
    }
    const baseline = createBaseline(result.findings);
    await writeBaselineFile(file, io.cwd, baseline);
    const findings = `${result.findings.length} ${result.findings.length === 1 ? 'finding' : 'findings'}`;
    const keys = `${baseline.entries.length} ${baseline.entries.length === 1 ? 'key' : 'keys'}`;
    io.stderr.write(`ormdrift: wrote ${file}: ${findings} under ${keys}; commit it and run ormdrift check --baseline ${file}\n`);
    return 0;
  });
}

/** The value of `--config FILE` or `--config=FILE` among check's options, if given. */
function configFlag(args: readonly string[]): string | undefined {
  const at = args.findIndex((arg) => arg === '--config' || arg.startsWith('--config='));
  if (at === -1) return undefined;
  return args[at] === '--config' ? args[at + 1] : args[at]!.slice('--config='.length);
}

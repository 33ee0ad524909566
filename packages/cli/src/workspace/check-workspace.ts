import { isAbsolute, resolve } from 'node:path';
import { plural, reporters, rulesMeta, type CheckResult, type ReporterName } from '@ormdrift/core';
import type { CliIo } from '../cli-io.ts';
import { writeOutputFile } from '../output-file.ts';
import { UsageError } from '../usage-error.ts';
import { parseDuration } from '../parse-duration.ts';
import { applyOwnership, type ServiceResult } from './apply-ownership.ts';
import { findWorkspacePackages, findWorkspaceRoot } from './find-packages.ts';
import { mapBounded, runService, type ServiceRun } from './run-service.ts';

export interface WorkspaceOptions {
  readonly format: ReporterName;
  readonly out?: string | undefined;
  /** `--concurrency`: services checked at once; default 2. */
  readonly concurrency?: string | undefined;
  /** Flags every service's check gets (see `workspaceFlags`). */
  readonly passThrough: readonly string[];
}

/** The flags of `check --workspace` that each service's check also gets: the database, deadlines, severities, environment. */
export function workspaceFlags(
  values: {
    db?: string | undefined;
    schema?: string[] | undefined;
    rule?: string[] | undefined;
    'connect-timeout'?: string | undefined;
    'statement-timeout'?: string | undefined;
    'import-timeout'?: string | undefined;
    'migration-timeout'?: string | undefined;
    'env-file'?: string[] | undefined;
    debug?: boolean | undefined;
    verbose?: boolean | undefined;
  },
  cwd: string,
): string[] {
  const flags: string[] = [];
  const pass = (flag: string, value: string | undefined) => (value === undefined ? undefined : flags.push(flag, value));
  pass('--db', values.db);
  for (const schema of values.schema ?? []) pass('--schema', schema);
  for (const rule of values.rule ?? []) pass('--rule', rule);
  // a wrong duration is the command line's mistake: said once here, not once per service
  const duration = (flag: string, value: string | undefined) => {
    parseDuration(value, flag);
    pass(flag, value);
  };
  duration('--connect-timeout', values['connect-timeout']);
  duration('--statement-timeout', values['statement-timeout']);
  duration('--import-timeout', values['import-timeout']);
  duration('--migration-timeout', values['migration-timeout']);
  // each service runs in its own directory: an env file named from here must be found from there
  for (const file of values['env-file'] ?? []) pass('--env-file', isAbsolute(file) ? file : resolve(cwd, file));
  if (values.debug) flags.push('--debug');
  if (values.verbose) flags.push('--verbose');
  return flags;
}

/**
 * `ormdrift check --workspace`: checks every package of the workspace that has an ormdrift config or an
 * ORM config, each in its own process of the CLI, at most `--concurrency` at once; applies ownership
 * across the services that share a database (see `applyOwnership`); reports grouped by service. Each
 * service reads its database itself; the parent only joins their results. Returns the worst exit code:
 * 2 when a service could not be checked, 1 when one has drift at error severity, else 0.
 */
export async function checkWorkspace(options: WorkspaceOptions, io: CliIo): Promise<number> {
  const concurrency = options.concurrency === undefined ? 2 : Number(options.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1)
    throw new UsageError(`--concurrency ${options.concurrency}: give a whole number of services, 1 or more`);
  const root = findWorkspaceRoot(io.cwd);
  const packages = await findWorkspacePackages(root);
  const runs = await mapBounded(packages, concurrency, (pkg) => runService(pkg, options.passThrough, io.env, io.stderr));

  const checked = runs.flatMap((run) => ('report' in run ? [{ ...run.report, path: run.package.path }] : []));
  const names = new Map<string, number>();
  for (const run of checked) names.set(run.service, (names.get(run.service) ?? 0) + 1);
  // two packages of one name are told apart by their paths
  const results = applyOwnership(checked.map((run) => ((names.get(run.service) ?? 0) > 1 ? { ...run, service: `${run.service} (${run.path})` } : run)));
  const failed = runs.filter((run): run is Extract<ServiceRun, { failure: string }> => 'failure' in run);

  const colors = options.format === 'text' && !options.out && io.stdout.isTTY === true && !io.env['NO_COLOR'];
  const report =
    options.format === 'text'
      ? textReport(results, failed, colors)
      : options.format === 'json'
        ? jsonReport(results, failed)
        : reporters[options.format]().render(joined(results), { cwd: io.cwd, rules: rulesMeta });
  const total = joined(results).summary;
  if (options.out) {
    await writeOutputFile(io.cwd, options.out, report, 'the report');
    io.stderr.write(
      `ormdrift: ${plural(results.length, 'service')}, ${plural(total.errors, 'error')}, ${plural(total.warnings, 'warning')}; report written to ${options.out}\n`,
    );
  } else io.stdout.write(report);
  if (options.format !== 'text' && options.format !== 'json') for (const run of failed) io.stderr.write(`ormdrift: ${run.package.path}: ${run.failure}\n`);
  return failed.length > 0 ? 2 : total.errors > 0 ? 1 : 0;
}

/** Every service's result as one, for the formats that have no place for services: findings carry their service. */
function joined(results: readonly ServiceResult[]): CheckResult {
  const findings = results.flatMap(({ result }) => result.findings);
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  const sequences = results.reduce((sum, { result }) => sum + (result.summary.sequences ?? 0), 0);
  // a code off in any service was not looked for everywhere: the joined report says so
  const off = [...new Set(results.flatMap(({ result }) => result.off ?? []))];
  return {
    findings,
    ...(off.length > 0 ? { off } : {}),
    changes: results.flatMap(({ result }) => result.changes),
    summary: {
      errors,
      warnings: findings.length - errors,
      tables: results.reduce((sum, { result }) => sum + result.summary.tables, 0),
      ...(sequences > 0 ? { sequences } : {}),
    },
    problems: results.flatMap(({ service, result }) => result.problems.map((problem) => ({ ...problem, source: `${service}: ${problem.source}` }))),
    expected: {
      tables: results.flatMap(({ result }) => result.expected?.tables ?? []),
      enums: results.flatMap(({ result }) => result.expected?.enums ?? []),
      sequences: results.flatMap(({ result }) => result.expected?.sequences ?? []),
    },
  };
}

/** A heading per service, then its own text report; a line per service that could not be checked; the total. */
function textReport(results: readonly ServiceResult[], failed: readonly Extract<ServiceRun, { failure: string }>[], color: boolean): string {
  const bold = (text: string) => (color ? `\u001b[1m${text}\u001b[0m` : text);
  const sections = results.map(
    ({ service, path, result }) => `${bold(`━━ ${service} (${path})`)}\n${reporters.text({ color }).render(result, { rules: rulesMeta })}`,
  );
  for (const run of failed) sections.push(`${bold(`━━ ${run.package.path}`)}\nnot checked: ${run.failure}\n`);
  const total = joined(results).summary;
  const services = `${results.length} ${results.length === 1 ? 'service' : 'services'} checked${failed.length > 0 ? `, ${failed.length} not checked` : ''}`;
  return `${sections.join('\n')}\nworkspace: ${services}: ${total.errors} ${total.errors === 1 ? 'error' : 'errors'}, ${total.warnings} ${total.warnings === 1 ? 'warning' : 'warnings'}\n`;
}

/** The JSON report (version 1) of every finding, each with its `service`, and a summary per service. */
function jsonReport(results: readonly ServiceResult[], failed: readonly Extract<ServiceRun, { failure: string }>[]): string {
  const report = JSON.parse(reporters.json().render(joined(results))) as Record<string, unknown>;
  report['services'] = [
    ...results.map(({ service, path, result }) => ({
      service,
      path,
      summary: { ...result.summary, ...((result.off ?? []).length > 0 ? { off: result.off } : {}) },
    })),
    ...failed.map((run) => ({ path: run.package.path, error: run.failure })),
  ];
  return `${JSON.stringify(report, null, 2)}\n`;
}

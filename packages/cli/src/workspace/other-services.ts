import { basename, relative, resolve } from 'node:path';
import type { CliIo } from '../cli-io.ts';
import type { LoadedConfig } from '../config/load-config.ts';
import { findConfigFile, packageJson } from '../config/find-config.ts';
import { loadConfig } from '../config/load-config.ts';
import { UsageError } from '../usage-error.ts';
import { findWorkspacePackages } from './find-packages.ts';
import { mapBounded, runService } from './run-service.ts';

/**
 * The table globs the other services of the workspace claim, for a service checked alone in its own package:
 * none of them is an orphan of this service. From the workspace root config's `workspace` (see
 * `OrmdriftConfig.workspace`): `owns` gives globs per service name, read as written (nothing is loaded);
 * `loadServices` checks every other package of the workspace in a child process of the CLI, two at a time,
 * each with `flags`, and claims the tables its models declare and its `owns`, when it reads the same database. A service that cannot be
 * checked claims nothing: its tables are reported as orphans, and one line on `io.stderr` says why.
 */
export async function otherServicesClaims(
  workspace: LoadedConfig,
  service: string | undefined,
  /** `host:port/database` of the database this service reads: only services reading the same one claim its tables. */
  database: string | undefined,
  flags: readonly string[],
  io: Pick<CliIo, 'cwd' | 'env' | 'stderr'>,
): Promise<string[]> {
  const self = service ?? serviceName(io.cwd);
  const owns = workspace.workspace?.owns ?? {};
  if (Object.keys(owns).length > 0) await refuseUnknownServices(workspace, Object.keys(owns));
  const claims = Object.entries(owns)
    .filter(([name]) => name !== self)
    .flatMap(([, globs]) => globs);
  if (!workspace.workspace?.loadServices) return claims;

  const here = resolve(io.cwd);
  const others = (await findWorkspacePackages(workspace.directory)).filter((pkg) => pkg.directory !== here && !here.startsWith(`${pkg.directory}/`));
  const runs = await mapBounded(others, 2, (pkg) => runService(pkg, flags, io.env, { write: () => undefined }));
  for (const run of runs) {
    if ('failure' in run) {
      io.stderr.write(`ormdrift: could not read the tables of ${relative(io.cwd, run.package.directory)} (${run.failure}): they may be reported as orphans\n`);
      continue;
    }
    if (run.report.service === self || run.report.database !== database) continue;
    claims.push(...run.report.owns, ...(run.report.result.expected?.tables ?? []).map((table) => `${escapeGlob(table.schema)}.${escapeGlob(table.name)}`));
  }
  return claims;
}

/**
 * `workspace.owns` keyed by a service the workspace does not have (a typo, a renamed package) would claim nothing
 * and say nothing: refused with one line naming it and the services there are. A package's service is its config's
 * `name`, else its package.json `name`, else its directory's name (as a service check names itself); all three are
 * accepted.
 */
async function refuseUnknownServices(workspace: LoadedConfig, named: readonly string[]): Promise<void> {
  const packages = await findWorkspacePackages(workspace.directory);
  const services = new Set<string>();
  const shown: string[] = [];
  for (const pkg of packages) {
    const file = findConfigFile(pkg.directory, { upward: false });
    const configured = file === undefined ? undefined : (await loadConfig(file, pkg.directory)).name;
    const names = [configured, packageJson(pkg.directory)?.['name'], basename(pkg.directory)].filter(
      (name): name is string => typeof name === 'string' && name !== '',
    );
    for (const name of names) services.add(name);
    shown.push(names[0]!);
  }
  const unknown = named.filter((name) => !services.has(name));
  if (unknown.length === 0) return;
  throw new UsageError(
    `${workspace.file}: "workspace.owns" names ${unknown.map((name) => `"${name}"`).join(', ')}, which ${unknown.length === 1 ? 'is not a service' : 'are not services'} of the workspace: the services are ${[...new Set(shown)].sort().join(', ')}`,
  );
}

/** The service a package is when its config names none: its package.json `name`, else its directory's name. */
function serviceName(directory: string): string {
  const name = packageJson(directory)?.['name'];
  return typeof name === 'string' && name !== '' ? name : basename(directory);
}

/** A table or schema name as a glob that matches only itself. */
function escapeGlob(name: string): string {
  return name.replace(/[\\*?[\]{}()!+@.]/g, (character) => `\\${character}`);
}

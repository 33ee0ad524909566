import { basename, relative, resolve } from 'node:path';
import type { CliIo } from '../cli-io.ts';
import type { LoadedConfig } from '../config/load-config.ts';
import { packageJson } from '../config/find-config.ts';
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
  const claims = Object.entries(workspace.workspace?.owns ?? {})
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

/** The service a package is when its config names none: its package.json `name`, else its directory's name. */
function serviceName(directory: string): string {
  const name = packageJson(directory)?.['name'];
  return typeof name === 'string' && name !== '' ? name : basename(directory);
}

/** A table or schema name as a glob that matches only itself. */
function escapeGlob(name: string): string {
  return name.replace(/[\\*?[\]{}()!+@.]/g, (character) => `\\${character}`);
}

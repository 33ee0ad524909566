import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { glob } from 'tinyglobby';
import { configFileNames, isProjectRoot, packageJson } from '../config/find-config.ts';
import { projectConfigFiles } from '../config/detect-project.ts';
import { UsageError } from '../usage-error.ts';

/** A package of the workspace that ormdrift can check. */
export interface WorkspacePackage {
  /** Its directory, absolute. */
  readonly directory: string;
  /** Its directory relative to the workspace root, for reports. */
  readonly path: string;
}

/**
 * The workspace root for a run in `cwd`: the first directory from `cwd` upward with a
 * `pnpm-workspace.yaml` or a `package.json` with `workspaces` (npm, Yarn, Bun; nx and Turborepo
 * workspaces use these too).
 *
 * @throws UsageError when there is none up to the repository root.
 */
export function findWorkspaceRoot(cwd: string): string {
  for (let directory = cwd; ; directory = dirname(directory)) {
    if (existsSync(join(directory, 'pnpm-workspace.yaml')) || packageJson(directory)?.['workspaces'] !== undefined) return directory;
    if (isProjectRoot(directory) || dirname(directory) === directory) {
      throw new UsageError(`no workspace in ${cwd} or above: --workspace reads the packages of pnpm-workspace.yaml or of package.json "workspaces"`);
    }
  }
}

/**
 * The packages of the workspace at `root` that ormdrift can check: those with an ormdrift config file
 * or an ORM config that zero-config detection reads (drizzle.config.*, a TypeORM data source in the
 * usual places, .sequelizerc). Sorted by path.
 *
 * @throws UsageError when the workspace file cannot be read, or no package can be checked.
 */
export async function findWorkspacePackages(root: string): Promise<WorkspacePackage[]> {
  const patterns = workspacePatterns(root);
  const ignore = ['**/node_modules/**', ...patterns.filter((pattern) => pattern.startsWith('!')).map((pattern) => pattern.slice(1))];
  const include = patterns.filter((pattern) => !pattern.startsWith('!')).map((pattern) => pattern.replace(/\/+$/, ''));
  const directories = await glob(include, { cwd: root, onlyDirectories: true, ignore, expandDirectories: false, absolute: true });
  const packages = [...new Set(directories.map((directory) => directory.replace(/\/+$/, '')))]
    .filter((directory) => existsSync(join(directory, 'package.json')))
    .filter((directory) => [...configFileNames, ...projectConfigFiles].some((name) => existsSync(join(directory, name))))
    .map((directory) => ({ directory, path: relative(root, directory) }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  if (packages.length === 0) {
    throw new UsageError(
      `no package of the workspace at ${root} has an ormdrift.config or an ORM config (drizzle.config.ts, src/data-source.ts, .sequelizerc): nothing to check`,
    );
  }
  return packages;
}

/** The package globs of pnpm-workspace.yaml (`packages:`), else of package.json `workspaces` (an array, or Yarn's `{ packages }`). */
function workspacePatterns(root: string): string[] {
  const pnpmFile = join(root, 'pnpm-workspace.yaml');
  if (existsSync(pnpmFile)) {
    let document: unknown;
    try {
      // yaml is loaded here, by the runs that read a workspace, not by every run
      document = (createRequire(import.meta.url)('yaml') as typeof import('yaml')).parse(readFileSync(pnpmFile, 'utf8'));
    } catch (cause) {
      throw new UsageError(`pnpm-workspace.yaml is not valid YAML: ${(cause as Error).message.split('\n')[0]}`, { cause });
    }
    const packages = (document as { packages?: unknown } | null)?.packages;
    if (!isStrings(packages)) throw new UsageError('pnpm-workspace.yaml has no "packages" list of globs: --workspace needs it to find the packages');
    return packages;
  }
  const workspaces = packageJson(root)?.['workspaces'];
  const packages = isStrings(workspaces) ? workspaces : (workspaces as { packages?: unknown } | undefined)?.packages;
  if (!isStrings(packages)) throw new UsageError('package.json "workspaces" is neither an array of globs nor { "packages": [...] }');
  return packages;
}

function isStrings(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { UsageError } from '../usage-error.ts';

/** The config file names ormdrift reads, in the order it prefers them. */
export const configFileNames = [
  'ormdrift.config.ts',
  'ormdrift.config.mts',
  'ormdrift.config.js',
  'ormdrift.config.mjs',
  'ormdrift.config.cjs',
  'ormdrift.config.json',
] as const;

/**
 * The config file for a run in `cwd`: the first directory from `cwd` upward that holds one, stopping at the
 * repository or workspace root (a directory with `.git`, `pnpm-workspace.yaml`, or a `package.json` with
 * `workspaces`), which is searched too; with `upward: false`, only `cwd`. Returns the absolute path, or `undefined`.
 *
 * @throws UsageError when one directory holds two config files: which one counts would be a guess.
 */
export function findConfigFile(cwd: string, options: { upward?: boolean } = {}): string | undefined {
  for (let directory = cwd; ; directory = dirname(directory)) {
    const found = configFileNames.filter((name) => existsSync(join(directory, name)));
    if (found.length > 1) throw new UsageError(`${directory} holds ${found.join(' and ')}: keep one ormdrift config file`);
    if (found[0]) return join(directory, found[0]);
    if (options.upward === false || isProjectRoot(directory) || dirname(directory) === directory) return undefined;
  }
}

/** A repository or workspace root: the config search stops there. */
export function isProjectRoot(directory: string): boolean {
  if (existsSync(join(directory, '.git')) || existsSync(join(directory, 'pnpm-workspace.yaml'))) return true;
  return packageJson(directory)?.['workspaces'] !== undefined;
}

/** A directory's package.json, parsed; `undefined` when it has none or it does not parse. */
export function packageJson(directory: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

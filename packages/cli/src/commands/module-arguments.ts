import { statSync } from 'node:fs';
import { glob, isDynamicPattern } from 'tinyglobby';
import { UsageError } from '../usage-error.ts';

const moduleExtensions = 'ts,mts,cts,tsx,js,mjs,cjs,jsx';

/** Files under a directory that are never model modules: declarations, tests, installed packages, build output. */
const skipped = ['**/node_modules/**', '**/*.d.ts', '**/*.d.mts', '**/*.d.cts', '**/*.{test,spec}.*', '**/__tests__/**', '**/dist/**', '**/build/**'];

/**
 * The module files the command line names, relative to `cwd` as given: a file as is; a
 * directory as every module file under it (`src/models/`); a glob (`'src/**\/*.entity.ts'`,
 * tinyglobby's syntax) as the module files it matches. Sorted within each argument, each file once.
 *
 * @throws UsageError when a directory or glob holds no module file.
 */
export async function moduleArguments(args: readonly string[], cwd: string): Promise<string[]> {
  const files: string[] = [];
  for (const arg of args) {
    let pattern: string | undefined;
    if (isDynamicPattern(arg)) pattern = arg;
    else if (isDirectory(cwd, arg)) pattern = `${arg.replace(/[\\/]+$/, '')}/**/*.{${moduleExtensions}}`;
    if (!pattern) {
      files.push(arg);
      continue;
    }
    const found = (await glob(pattern, { cwd, ignore: skipped, onlyFiles: true, expandDirectories: false }))
      .filter((file) => /\.[cm]?[jt]sx?$/.test(file))
      .sort();
    if (found.length === 0) throw new UsageError(`no module files in ${arg}: ormdrift imports .ts, .tsx, .mts, .cts, .js, .jsx, .mjs and .cjs files`);
    files.push(...found);
  }
  return [...new Set(files)];
}

function isDirectory(cwd: string, path: string): boolean {
  try {
    return statSync(path.startsWith('/') ? path : `${cwd}/${path}`).isDirectory();
  } catch {
    return false;
  }
}

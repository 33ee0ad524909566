import { spawn } from 'node:child_process';
import { ownPackage } from '../own-package.ts';
import type { ServiceReport } from './service-report.ts';
import type { WorkspacePackage } from './find-packages.ts';

/** How one service's check ended: its report, or the one line its failure printed. */
export type ServiceRun =
  | { readonly package: WorkspacePackage; readonly report: ServiceReport }
  | { readonly package: WorkspacePackage; readonly failure: string; readonly code: number | null };

/**
 * Checks one package in a child process of the CLI (`ormdrift check --service-report` in its directory),
 * so that its modules load in isolation: TypeORM's decorator storage, `reflect-metadata` and the loader's
 * hooks are process-global. The child's standard error is passed on once it ends, each line prefixed with
 * the package's path; a child that fails gives the last line it printed as its failure.
 */
export function runService(
  pkg: WorkspacePackage,
  flags: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  stderr: { write(text: string): unknown },
): Promise<ServiceRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [ownPackage().bin, 'check', '--service-report', ...flags], {
      cwd: pkg.directory,
      env: env as NodeJS.ProcessEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let errors = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.on('error', (error) => resolve({ package: pkg, failure: `could not start a check: ${error.message}`, code: null }));
    child.on('close', (code) => {
      const lines = errors.split('\n').filter((line) => line.trim() !== '');
      let report: ServiceReport | undefined;
      if (code === 0 || code === 1) {
        try {
          const parsed = JSON.parse(stdout) as ServiceReport;
          if (parsed.ormdriftServiceReport === 1) report = parsed;
        } catch {
          // a child that printed something else failed
        }
      }
      // a failure's last line is its cause, which the workspace report prints: not twice
      const passed = report ? lines : lines.slice(0, -1);
      for (const line of passed) stderr.write(`[${pkg.path}] ${line}\n`);
      if (report) resolve({ package: pkg, report });
      else resolve({ package: pkg, failure: lines.at(-1)?.replace(/^ormdrift: /, '') ?? `the check exited with code ${code}`, code });
    });
  });
}

/** Runs `task` over `items`, at most `limit` at a time, keeping the items' order in the results. */
export async function mapBounded<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

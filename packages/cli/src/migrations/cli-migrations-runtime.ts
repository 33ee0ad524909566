import type { MigrationsRuntime } from '@ormdrift/migrations';
import type { CliIo } from '../cli-io.ts';
import { watchdogGraceMs } from '../load/import-deadline.ts';
import { importModule } from '../load/import-module.ts';
import { currentWatchdog } from '../load/watchdog.ts';

/**
 * How the CLI runs a project's migrations: from `io.cwd`, importing TypeScript and JavaScript migrations through its
 * own loader, under its watchdog (a migration stuck in synchronous code is stopped), with `--debug`'s phase
 * timings on stderr.
 */
export function cliMigrationsRuntime(io: Pick<CliIo, 'cwd'> & Partial<Pick<CliIo, 'env' | 'stderr'>>, debug = false): MigrationsRuntime {
  return {
    cwd: io.cwd,
    ...(io.env ? { env: io.env } : {}),
    importModule: (path) => importModule(path, io.cwd),
    armWatchdog: (ms, message) => currentWatchdog()?.arm(ms + watchdogGraceMs, message) ?? (() => {}),
    ...(debug && io.stderr ? { debug: (line: string) => io.stderr?.write(`ormdrift: ${line}\n`) } : {}),
  };
}

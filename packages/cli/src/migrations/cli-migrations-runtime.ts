import type { MigrationsRuntime } from '@ormdrift/migrations';
import type { CliIo } from '../cli-io.ts';
import { defaultImportTimeoutMs, watchdogGraceMs, withImportDeadline } from '../load/import-deadline.ts';
import { importModule } from '../load/import-module.ts';
import { currentWatchdog } from '../load/watchdog.ts';

/**
 * How the CLI runs a project's migrations: from `io.cwd`, importing TypeScript and JavaScript migrations through its
 * own loader, each import limited to `importTimeoutMs` (`--import-timeout`, milliseconds; a migration module that
 * awaits a service at top level ends in an error naming it), under its watchdog (a migration stuck in synchronous
 * code is stopped), with `--debug`'s phase timings on stderr.
 */
export function cliMigrationsRuntime(
  io: Pick<CliIo, 'cwd'> & Partial<Pick<CliIo, 'env' | 'stderr'>>,
  debug = false,
  importTimeoutMs = defaultImportTimeoutMs,
): MigrationsRuntime {
  return {
    cwd: io.cwd,
    ...(io.env ? { env: io.env } : {}),
    importModule: (path) => withImportDeadline(() => importModule(path, io.cwd), importTimeoutMs, path),
    armWatchdog: (ms, message) => currentWatchdog()?.arm(ms + watchdogGraceMs, message) ?? (() => {}),
    ...(debug && io.stderr ? { debug: (line: string) => io.stderr?.write(`ormdrift: ${line}\n`) } : {}),
  };
}

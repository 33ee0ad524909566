import { findConfigFile } from './find-config.ts';
import { loadConfig, type LoadedConfig } from './load-config.ts';

/**
 * The config file of a run in `cwd`: `--config FILE` when given, else the first `ormdrift.config.*` from
 * `cwd` upward (see `findConfigFile`), read and checked. `undefined` when there is none.
 *
 * @throws UsageError from `findConfigFile` and `loadConfig`.
 */
export async function readConfig(flag: string | undefined, cwd: string, options: { upward?: boolean } = {}): Promise<LoadedConfig | undefined> {
  const file = flag ?? findConfigFile(cwd, { upward: options.upward !== false });
  return file === undefined ? undefined : loadConfig(file, cwd);
}

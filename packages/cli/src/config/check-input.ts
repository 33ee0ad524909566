import type { RuleSettings } from '@ormdrift/core';
import type { CliIo } from '../cli-io.ts';
import { detectProject } from './detect-project.ts';
import { findConfigFile } from './find-config.ts';
import { loadConfig, type LoadedConfig } from './load-config.ts';

/** What the command line of `ormdrift check` says; a flag given overrides the config file. */
export interface CheckFlags {
  readonly modules: readonly string[];
  /** `--config FILE`: this file instead of the one found from the working directory upward. */
  readonly config?: string | undefined;
  readonly db?: string | undefined;
  readonly schemas?: readonly string[] | undefined;
  readonly rules: RuleSettings;
  readonly migrations?: string | undefined;
  readonly migrationsKind?: string | undefined;
  readonly baseline?: string | undefined;
  /**
   * Look for the config file above the working directory too (default). A workspace's service is checked
   * in its package with its own config only: a config at the workspace root is not the service's.
   */
  readonly configAbove?: boolean;
}

/** One check's inputs: the flags, over the config file, over what zero-config detection found. */
export interface CheckInput {
  /** Module paths, directories or globs, relative to the working directory; empty when nothing named any. */
  readonly modules: readonly string[];
  readonly db?: string;
  readonly schemas?: readonly string[];
  readonly rules: RuleSettings;
  readonly migrations?: string;
  readonly migrationsKind?: string;
  readonly baseline?: string;
  readonly ignore?: readonly string[];
  readonly owns?: readonly string[];
  /** drizzle-kit's `tablesFilter`, when zero-config read it. */
  readonly tables?: readonly string[];
  readonly drizzleCasing?: 'snake_case' | 'camelCase';
  /** The service the config names (`name`, else its package's name). */
  readonly service?: string;
  /** The config file read, if any. */
  readonly config?: LoadedConfig;
  /** What zero-config detection used, as one line for stderr; absent when the command line or a config file named the modules. */
  readonly detected?: string;
}

/**
 * Merges the command line with the config file (`--config`, or the first `ormdrift.config.*` from the
 * working directory up to the repository root) and, when neither names a module, with the project's
 * own ORM configuration (see `detectProject`). Flags override the file per key; `--rule` per code.
 *
 * @throws UsageError from `loadConfig` and `detectProject`.
 */
export async function resolveCheckInput(flags: CheckFlags, io: Pick<CliIo, 'cwd'>): Promise<CheckInput> {
  const configFile = flags.config ?? findConfigFile(io.cwd, { upward: flags.configAbove !== false });
  const config = configFile === undefined ? undefined : await loadConfig(configFile, io.cwd);
  let modules = flags.modules.length > 0 ? flags.modules : (config?.sources ?? []);
  const detected = modules.length === 0 && !config?.sources ? await detectProject(io.cwd) : undefined;
  if (detected) modules = detected.sources;

  const migrations = flags.migrations ?? config?.migrations?.path;
  const migrationsKind = flags.migrationsKind ?? (flags.migrations === undefined ? config?.migrations?.kind : undefined);
  const schemas = flags.schemas ?? config?.schemas ?? detected?.schemas;
  const casing = config?.drizzle?.casing ?? detected?.casing;
  const db = flags.db ?? config?.database;
  const baseline = flags.baseline ?? config?.baseline;
  return {
    modules,
    rules: { ...config?.rules, ...flags.rules },
    ...(db === undefined ? {} : { db }),
    ...(schemas === undefined ? {} : { schemas }),
    ...(migrations === undefined ? {} : { migrations }),
    ...(migrationsKind === undefined ? {} : { migrationsKind }),
    ...(baseline === undefined ? {} : { baseline }),
    ...(config?.ignore ? { ignore: config.ignore } : {}),
    ...(config?.owns ? { owns: config.owns } : {}),
    ...(detected?.tables ? { tables: detected.tables } : {}),
    ...(casing ? { drizzleCasing: casing } : {}),
    ...(config?.name ? { service: config.name } : {}),
    ...(config ? { config } : {}),
    ...(detected ? { detected: `no modules given and no ormdrift config: checking ${detected.used.join(' and ')}` } : {}),
  };
}

import type { RuleSettings } from '@ormdrift/core';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { CliIo } from '../cli-io.ts';
import { detectProject, drizzleKitCasing } from './detect-project.ts';
import { findConfigFile, isProjectRoot, packageJson } from './find-config.ts';
import { loadConfig, type LoadedConfig } from './load-config.ts';
import { readConfig } from './read-config.ts';

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
  /**
   * The config at the workspace root, when it has `workspace` and the run is in a package below it: what
   * this service learns of the other services (see `OrmdriftConfig.workspace`).
   */
  readonly workspace?: LoadedConfig;
}

/**
 * Merges the command line with the config file (`--config`, or the first `ormdrift.config.*` from the
 * working directory up to the repository root) and, when neither names a module, with the project's
 * own ORM configuration (see `detectProject`). Flags override the file per key; `--rule` per code.
 *
 * @throws UsageError from `loadConfig` and `detectProject`.
 */
export async function resolveCheckInput(flags: CheckFlags, io: Pick<CliIo, 'cwd'>): Promise<CheckInput> {
  let config = await readConfig(flags.config, io.cwd, { upward: flags.configAbove !== false });
  let workspace: LoadedConfig | undefined;
  // a workspace root's config speaks of the services, not for the package it was found from
  if (config?.workspace && flags.config === undefined && config.directory !== resolve(io.cwd)) [workspace, config] = [config, undefined];
  else if (flags.configAbove !== false) workspace = await readWorkspaceConfig(io.cwd);
  let modules = flags.modules.length > 0 ? flags.modules : (config?.sources ?? []);
  const detected = modules.length === 0 && !config?.sources ? await detectProject(io.cwd) : undefined;
  if (detected) modules = detected.sources;

  const migrations = flags.migrations ?? config?.migrations?.path;
  const migrationsKind = flags.migrationsKind ?? (flags.migrations === undefined ? config?.migrations?.kind : undefined);
  const schemas = flags.schemas ?? config?.schemas ?? detected?.schemas;
  // modules named without drizzle-kit's casing: the project's drizzle.config still says how its names are cased
  const named =
    detected === undefined && config?.drizzle?.casing === undefined && modules.length > 0
      ? await drizzleKitCasing([io.cwd, ...modules.flatMap((module) => packageDirectories(dirname(resolve(io.cwd, module))))])
      : undefined;
  const casing = config?.drizzle?.casing ?? detected?.casing ?? named?.casing;
  const db = flags.db ?? config?.database;
  const baseline = flags.baseline ?? config?.baseline;
  return {
    modules,
    rules: withSeverities(config?.rules ?? {}, flags.rules),
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
    ...(workspace ? { workspace } : {}),
    ...(config ? { config } : {}),
    ...(detected
      ? {
          detected: `${config ? `no modules given and no "sources" in ${config.file}` : 'no modules given and no ormdrift config'}: checking ${detected.used.join(' and ')}`,
        }
      : {}),
  };
}

/** `--rule CODE=LEVEL` over the file's `rules`: the flag sets the severity, the file's options for that rule stay. */
export function withSeverities(file: RuleSettings, flags: RuleSettings): RuleSettings {
  const merged: Record<string, unknown> = { ...file };
  for (const [code, level] of Object.entries(flags)) {
    const written = merged[code];
    merged[code] = Array.isArray(written) && written.length === 2 ? [level, written[1]] : level;
  }
  return merged as RuleSettings;
}

/**
 * The config at the root of the workspace `cwd` is in (pnpm-workspace.yaml or package.json `workspaces`),
 * when it has a `workspace` key and the root is not `cwd` itself; otherwise `undefined`.
 */
async function readWorkspaceConfig(cwd: string): Promise<LoadedConfig | undefined> {
  for (let directory = dirname(resolve(cwd)); ; directory = dirname(directory)) {
    if (existsSync(join(directory, 'pnpm-workspace.yaml')) || packageJson(directory)?.['workspaces'] !== undefined) {
      const file = findConfigFile(directory, { upward: false });
      const config = file === undefined ? undefined : await loadConfig(file, cwd);
      return config?.workspace ? config : undefined;
    }
    if (isProjectRoot(directory) || dirname(directory) === directory) return undefined;
  }
}

/** A module's directory and those above it up to its package's root (the first with a package.json), nearest first. */
function packageDirectories(directory: string): string[] {
  const found = [directory];
  for (let at = directory; !existsSync(join(at, 'package.json')) && dirname(at) !== at; ) {
    at = dirname(at);
    found.push(at);
  }
  return found;
}

import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, relative, resolve } from 'node:path';
import { RuleSettingsError, type RuleSettings, validateRuleSettings } from '@ormdrift/core';
import type { MigrationsKind } from '@ormdrift/postgres';
import { isDynamicPattern } from 'tinyglobby';
import { importModule } from '../load/import-module.ts';
import { UsageError } from '../usage-error.ts';
import { configSchema, describeConfigIssue } from './config-schema.ts';
import type { OrmdriftConfig } from './define-config.ts';
import { packageJson } from './find-config.ts';

/**
 * A config file read and checked, its paths resolved: every path here is relative to the working
 * directory of the run (as command-line paths are), or absolute.
 */
export interface LoadedConfig {
  /** The config file, relative to the working directory, as messages name it. */
  readonly file: string;
  /** The service: `name`, else the `name` of the package.json beside the config file. */
  readonly name?: string;
  readonly sources?: readonly string[];
  readonly database?: string;
  readonly schemas?: readonly string[];
  readonly ignore?: readonly string[];
  readonly owns?: readonly string[];
  /** `rules` as written (a severity, or `[severity, options]`), checked against each rule's options schema. */
  readonly rules: RuleSettings;
  readonly migrations?: { readonly path: string; readonly kind?: MigrationsKind };
  readonly baseline?: string;
  readonly drizzle?: OrmdriftConfig['drizzle'];
  readonly workspace?: OrmdriftConfig['workspace'];
  /** The directory of the config file, absolute. */
  readonly directory: string;
}

/**
 * Reads a config file (a module's default export, `module.exports`, or JSON), imported through the same
 * loader as the models (TypeScript, path aliases, `defineConfig` from `ormdrift`), and checks it against
 * the config schema.
 *
 * @throws UsageError naming the file and the key: an unknown key, a value of the wrong type, a bad glob,
 * a source file that does not exist; also a file that cannot be read, parsed or imported.
 */
export async function loadConfig(path: string, cwd: string): Promise<LoadedConfig> {
  const absolute = resolve(cwd, path);
  const file = relative(cwd, absolute) || basename(absolute);
  if (!existsSync(absolute)) throw new UsageError(`cannot find the config file ${path}: check --config (relative to ${cwd})`);
  const raw = await readConfigValue(absolute, file, cwd);
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) throw new UsageError(`${file}: ${describeConfigIssue(parsed.error)}`);
  const config = parsed.data;
  const directory = dirname(absolute);
  const fromConfig = (target: string) => relative(cwd, resolve(directory, target)) || '.';

  const sources = config.sources === undefined ? undefined : typeof config.sources === 'string' ? [config.sources] : config.sources;
  for (const source of sources ?? []) {
    if (!isDynamicPattern(source) && !existsSync(resolve(directory, source))) {
      throw new UsageError(`${file}: "sources" names ${source}, which does not exist (relative to ${directory})`);
    }
  }
  let rules: RuleSettings;
  try {
    rules = validateRuleSettings(config.rules ?? {}, `${file}: "rules"`);
  } catch (error) {
    if (error instanceof RuleSettingsError) throw new UsageError(error.message, { cause: error });
    throw error;
  }
  const migrations = typeof config.migrations === 'string' ? { path: config.migrations } : config.migrations;
  const name = config.name ?? packageName(directory);
  return {
    file,
    ...(name === undefined ? {} : { name }),
    ...(sources === undefined ? {} : { sources: sources.map((source) => (isDynamicPattern(source) ? joinGlob(fromConfig('.'), source) : fromConfig(source))) }),
    ...(config.database === undefined ? {} : { database: config.database }),
    ...(config.schemas === undefined ? {} : { schemas: config.schemas }),
    ...(config.ignore === undefined ? {} : { ignore: config.ignore }),
    ...(config.owns === undefined ? {} : { owns: config.owns }),
    rules,
    ...(migrations === undefined ? {} : { migrations: { path: fromConfig(migrations.path), ...(migrations.kind ? { kind: migrations.kind } : {}) } }),
    ...(config.baseline === undefined ? {} : { baseline: fromConfig(config.baseline) }),
    ...(config.drizzle === undefined ? {} : { drizzle: config.drizzle }),
    ...(config.workspace === undefined ? {} : { workspace: config.workspace }),
    directory,
  };
}

/** The default export of a config module, or a JSON file's value. */
async function readConfigValue(absolute: string, file: string, cwd: string): Promise<unknown> {
  if (absolute.endsWith('.json')) {
    try {
      return JSON.parse(await readFile(absolute, 'utf8'));
    } catch (cause) {
      throw new UsageError(`${file} is not valid JSON: ${(cause as Error).message}`, { cause });
    }
  }
  const exports = await importModule(absolute, cwd);
  // ESM: the default export; CommonJS: module.exports itself, or its `default` when compiled from ESM
  if ('default' in exports) return exports['default'];
  // a CommonJS .js or .cjs config may assign module.exports; TypeScript and .mjs configs are written with export default
  if (/\.c?js$/.test(absolute) && !isEsmNamespace(exports)) return exports;
  throw new UsageError(`${file} has no default export: export default defineConfig({ ... })`);
}

function isEsmNamespace(exports: Record<string, unknown>): boolean {
  return Object.prototype.toString.call(exports) === '[object Module]';
}

/** A glob relative to the config file's directory, as seen from the working directory. */
function joinGlob(directory: string, pattern: string): string {
  return directory === '.' ? pattern : `${directory.replace(/\\/g, '/')}/${pattern}`;
}

function packageName(directory: string): string | undefined {
  const name = packageJson(directory)?.['name'];
  return typeof name === 'string' && name !== '' ? name : undefined;
}

import type { RuleCode, SeveritySetting } from '@ormdrift/core';
import type { MigrationsKind } from '@ormdrift/postgres';

/**
 * A finding code's setting, as ESLint spells it: a severity, or `[severity, options]`. The options are kept
 * as written, per code, for the rules that read options.
 */
export type RuleEntry = SeveritySetting | readonly [SeveritySetting] | readonly [SeveritySetting, Readonly<Record<string, unknown>>];

/**
 * The contents of `ormdrift.config.{ts,mts,js,mjs,cjs,json}`: the default export. Every key is optional;
 * command-line flags override it. Paths and globs are relative to the config file's directory.
 */
export interface OrmdriftConfig {
  /** The service these models belong to: it names the service in workspace reports. Default: the package's name. */
  readonly name?: string;
  /** The modules to import: paths, directories or globs (tinyglobby's syntax), as `ormdrift check` takes them. */
  readonly sources?: string | readonly string[];
  /** The database to check: a connection string. Default: `$DATABASE_URL`; `--db` overrides it. */
  readonly database?: string;
  /** Check only these schemas; by default every schema the models use. */
  readonly schemas?: readonly string[];
  /** Table globs never reported, declared or not: `auth.*` (a schema), `pg_partman_*` (a table name in any schema). */
  readonly ignore?: readonly string[];
  /** Table globs this service owns without a model (tables it creates by raw SQL): never orphan tables. */
  readonly owns?: readonly string[];
  /** Severity per finding code: `'off' | 'warn' | 'error'`, or `[severity, options]`. `--rule` overrides a code. */
  readonly rules?: { readonly [code in RuleCode]?: RuleEntry };
  /** The project's migrations (as `--migrations`), optionally with their kind (as `--migrations-kind`). */
  readonly migrations?: string | { readonly path: string; readonly kind?: MigrationsKind };
  /** A baseline file (as `--baseline`): report only the findings it does not list. */
  readonly baseline?: string;
  /** Drizzle's options that live outside the schema module: the `casing` of `drizzle()` and drizzle.config.ts. */
  readonly drizzle?: { readonly casing?: 'snake_case' | 'camelCase' };
  /**
   * In the config at a workspace root only: what a service checked alone in its own package
   * (`ormdrift check` as its npm script) learns of the other services, so that their tables are not its
   * orphans. `owns`: per service name, the table globs it owns (nothing is loaded: the cheap way).
   * `loadServices: true`: each other service of the workspace is checked in a child process to learn the
   * tables its models declare and its `owns` (the cost: one more check per service, its modules imported
   * and the database read once more each). A config with `workspace` is not the config of the packages below it.
   */
  readonly workspace?: { readonly owns?: { readonly [service: string]: readonly string[] }; readonly loadServices?: boolean };
}

/**
 * Returns the config as given: it only gives the config file its type, as `defineConfig` does for Vite,
 * Vitest and drizzle-kit.
 *
 * ```ts
 * import { defineConfig } from 'ormdrift';
 * export default defineConfig({ name: 'auth', sources: ['src/data-source.ts'], owns: ['auth_*'] });
 * ```
 */
export function defineConfig(config: OrmdriftConfig): OrmdriftConfig {
  return config;
}

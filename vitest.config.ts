import { availableParallelism } from 'node:os';
import { defineConfig, type Plugin } from 'vitest/config';
import { transpileTypeScript } from './packages/cli/src/load/transpile-typescript.ts';
import { ormMatrix, type OrmVersion } from './test/support/orm-matrix.ts';
import { testedMajors } from './test/support/postgres-server.ts';

// Tests run the packages' TypeScript sources (the `@ormdrift/source` export condition), so no build is needed
// for them; the CLI tests run the built bin, as a user would.
const conditions = ['@ormdrift/source', 'module', 'node', 'development|production'];

/**
 * Files with decorators go through the CLI's own TypeScript loader, which emits decorator
 * metadata (Vite's transformer does not): test entities load exactly as `ormdrift check` loads a user's.
 */
const decoratorMetadata: Plugin = {
  name: 'ormdrift:decorator-metadata',
  enforce: 'pre',
  transform(code, id) {
    const file = id.split('?')[0] ?? id;
    if (!/\.(c|m)?ts$/.test(file) || file.includes('/node_modules/') || !/^\s*@\w+/m.test(code)) return null;
    const output = transpileTypeScript(code, file, { format: 'esm' });
    return { code: output.code, map: output.map ?? null };
  },
};

/**
 * The tests' own imports of an ORM (`drizzle-orm/pg-core` in a fixture) resolve to the version under test; the
 * adapters' imports do not: an adapter must read the objects of the user's copy, whichever version it is.
 */
function ormVersionUnderTest(version: OrmVersion): Plugin {
  return {
    name: `ormdrift:orm-version:${version.name}`,
    enforce: 'pre',
    async resolveId(source, importer) {
      if (!importer || importer.includes('/node_modules/') || /\/packages\/[^/]+\/src\//.test(importer)) return null;
      for (const [name, alias] of Object.entries(version.packages)) {
        if (source === name || source.startsWith(`${name}/`)) return this.resolve(alias + source.slice(name.length), importer, { skipSelf: true });
      }
      return null;
    },
  };
}

/**
 * The files whose outcome depends on the server's version: what the catalog holds and how the server deparses,
 * compares and executes. They run on every tested major; the rest (the CLI's behaviour, loading, reporting,
 * migrations) runs on the newest only, where it would only repeat itself on the others.
 */
const serverDependent = [
  'test/postgres-introspector.test.ts',
  'test/lazy-introspector.test.ts',
  'test/compare-literals.test.ts',
  'test/hostile-identifiers.test.ts',
  'test/*-oracle.test.ts',
  'test/*-indexes.test.ts',
  'test/*-field.test.ts',
  'test/declared-defaults.test.ts',
  'test/fix-property.test.ts',
  'test/fix-identifiers.test.ts',
];
const newestMajor = Math.max(...testedMajors);

/** Unit tests of the packages that load modules as the CLI does. */
const loaderTests = ['packages/cli/test/**/*.test.ts', 'packages/migrations/test/**/*.test.ts'];

export default defineConfig({
  plugins: [decoratorMetadata],
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    reporters: ['default', './test/support/closing-line-reporter.ts'],
    // Vitest's default on 2 cores is one worker; the tests spend most of their time waiting on PostgreSQL and on
    // the CLI processes they spawn, so a second and third file overlap that wait.
    maxWorkers: Math.max(3, availableParallelism()),
    projects: [
      // unit: no database, and nothing that changes how the process loads modules, so the files of a worker share
      // one module graph (not isolated): each file would otherwise import the packages and their dependencies anew,
      // most of the project's time.
      {
        extends: true,
        test: {
          name: 'unit',
          isolate: false,
          include: ['packages/*/test/**/*.test.ts'],
          exclude: [...loaderTests, '**/node_modules/**'],
        },
      },
      // no database either, but they run the CLI's module loader (require() hooks for the rest of the process) or
      // load migration modules: each file in a module graph of its own. test/*.unit.test.ts are cross-package tests.
      { extends: true, test: { name: 'unit-loader', include: [...loaderTests, 'test/**/*.unit.test.ts'] } },
      ...testedMajors.map((major) => ({
        extends: true as const,
        test: {
          name: `pg${major}`,
          include: major === newestMajor ? ['test/**/*.test.ts'] : serverDependent,
          // replacing Vitest's default exclude: keep out the test files of packages installed under a fixture
          exclude: ['test/**/*.unit.test.ts', '**/node_modules/**'],
          globalSetup: ['test/support/postgres-global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      })),
      // each ORM version of the support matrix, on the newest PostgreSQL only
      ...ormMatrix.map((version) => ({
        extends: true as const,
        plugins: [ormVersionUnderTest(version)],
        test: {
          name: version.name,
          include: [...version.include],
          env: { ORMDRIFT_ORM_VERSION: version.name },
          globalSetup: ['test/support/postgres-global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      })),
    ],
  },
});

import { defineConfig, type Plugin } from 'vitest/config';
import { transpileTypeScript } from './packages/cli/src/load/transpile-typescript.ts';
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

export default defineConfig({
  plugins: [decoratorMetadata],
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    reporters: ['default', './test/support/closing-line-reporter.ts'],
    projects: [
      // unit: no database. test/*.unit.test.ts are cross-package tests that need none either.
      { extends: true, test: { name: 'unit', include: ['packages/*/test/**/*.test.ts', 'test/**/*.unit.test.ts'] } },
      ...testedMajors.map((major) => ({
        extends: true as const,
        test: {
          name: `pg${major}`,
          include: ['test/**/*.test.ts'],
          exclude: ['test/**/*.unit.test.ts'],
          globalSetup: ['test/support/postgres-global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      })),
    ],
  },
});

import { defineConfig } from 'vitest/config';

// Tests run the packages' TypeScript sources (the `@ormdrift/source` export condition), so no build is needed
// for them; the CLI tests run the built bin, as a user would.
const conditions = ['@ormdrift/source', 'node', 'import', 'module', 'default'];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: conditions } },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['packages/*/test/**/*.test.ts'] },
      },
    ],
  },
});

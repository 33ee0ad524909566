import { defineConfig } from 'tsdown';

// One source, two builds: ESM for vitest and ESM test files, CommonJS for jest's default module loader (ts-jest,
// NestJS + TypeORM), which cannot require an ES module. The CommonJS build inlines ormdrift's own packages, which
// ship ESM only; the ORMs, pg and the other libraries stay external, loaded through require.
const shared = {
  entry: ['src/index.ts', 'src/setup.ts'],
  platform: 'node',
  target: 'node20',
  dts: true,
  outDir: 'dist',
} as const;

export default defineConfig([
  { ...shared, format: 'esm', clean: true },
  // the migrations runner imports TypeORM and sequelize-cli migrations with jest's own require in this build
  { ...shared, format: 'cjs', shims: true, noExternal: [/^@ormdrift\//], define: { __ORMDRIFT_COMMONJS__: 'true' } },
]);

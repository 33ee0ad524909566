import sourcemaps from 'rollup-plugin-sourcemaps2';
import { defineConfig } from 'tsdown';

// The `ormdrift` bin as one bundle of ormdrift's own packages (and zod): Node 20 has no compile cache, and loading
// some 300 small ES modules one by one was about a fifth of the CPU time of a check on a 100-table app. The
// libraries stay external (declared in package.json), and so do the ORMs: the app's own copies must be the ones
// loaded. Built from tsc's output in dist/, so the bundle runs exactly the code the library exports.
export default defineConfig({
  // esm-hooks runs in the thread of Node's module loader, registered by URL next to the bundle's chunks
  entry: { bin: 'dist/bin.js', 'esm-hooks': 'dist/load/esm-hooks.js' },
  outDir: 'bundle',
  format: 'esm',
  platform: 'node',
  target: 'node20',
  fixedExtension: false,
  dts: false,
  clean: true,
  // Chained to tsc's own maps (dist/*.js.map, with the .ts text inlined): with --debug a frame names src/*.ts:line,
  // not the dist/*.js the bundle was built from. The bundle's .map files ship in bundle/.
  sourcemap: true,
  plugins: [sourcemaps({ include: /[\\/]packages[\\/][^\\/]+[\\/]dist[\\/].*\.js$/ })],
  // each ORM's adapter in a chunk of its own, named for it: a run imports only the adapters of the ORMs it finds
  outputOptions: {
    codeSplitting: {
      // what an adapter shares with the rest stays in shared chunks, not pulled into the adapter's
      includeDependenciesRecursively: false,
      groups: ['typeorm', 'sequelize', 'drizzle'].map((orm) => ({ name: `adapter-${orm}`, test: new RegExp(String.raw`[\\/]packages[\\/]${orm}[\\/]`) })),
    },
  },
  // onlyBundle: the build fails if any other library would be bundled
  deps: { alwaysBundle: [/^@ormdrift\//, /^zod(\/|$)/], onlyBundle: ['zod'] },
});

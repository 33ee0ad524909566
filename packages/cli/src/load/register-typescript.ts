import { readFileSync } from 'node:fs';
import Module, { register } from 'node:module';
import { inlineSourceMap } from './inline-source-map.ts';
import { typeScriptCandidates, typescriptExtensions } from './module-format.ts';
import { transpileTypeScript } from './transpile-typescript.ts';

interface CommonJsModule {
  _compile(code: string, filename: string): void;
}
type Loader = (module: CommonJsModule, filename: string) => void;
type ResolveFilename = (request: string, parent: unknown, ...rest: unknown[]) => string;
const internals = Module as unknown as { _extensions: Record<string, Loader>; _resolveFilename: ResolveFilename };

let registered = false;

/**
 * Makes `require()` and `import()` load TypeScript for the rest of the process: the user's
 * modules, and the entity files TypeORM loads itself from `entities: ['src/**\/*.ts']` globs.
 */
export function registerTypeScript(): void {
  if (registered) return;
  registered = true;

  for (const extension of typescriptExtensions) {
    internals._extensions[extension] = (module, filename) => {
      const output = transpileTypeScript(readFileSync(filename, 'utf8'), filename, { format: 'cjs' });
      module._compile(inlineSourceMap(output), filename);
    };
  }

  // TypeScript projects import `./user.js` for `./user.ts` (NodeNext): resolve it as tsc does.
  // (Extensionless requests already find `.ts` files through the extensions registered above.)
  const resolveFilename = internals._resolveFilename;
  internals._resolveFilename = function (request, parent, ...rest) {
    try {
      return resolveFilename.call(this, request, parent, ...rest);
    } catch (error) {
      if (!/^\.\.?\//.test(request)) throw error;
      for (const candidate of typeScriptCandidates(request)) {
        try {
          return resolveFilename.call(this, candidate, parent, ...rest);
        } catch {
          // try the next spelling
        }
      }
      throw error;
    }
  };

  register(new URL(import.meta.url.endsWith('.ts') ? './esm-hooks.ts' : './esm-hooks.js', import.meta.url));
}

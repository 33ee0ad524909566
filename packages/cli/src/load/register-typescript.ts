import { readFileSync } from 'node:fs';
import Module, { register } from 'node:module';
import { isInstalledPackageFile, transpiledExtensions } from './module-format.ts';
import { resolveSpecifier } from './resolve-specifier.ts';
import { transformFile } from './transform-file.ts';

interface CommonJsModule {
  _compile(code: string, filename: string): void;
}
type Loader = (module: CommonJsModule, filename: string) => void;
type ResolveFilename = (request: string, parent: { filename?: string | null } | undefined, ...rest: unknown[]) => string;
const internals = Module as unknown as { _extensions: Record<string, Loader>; _resolveFilename: ResolveFilename };

let registered = false;
let esmRegistered = false;

/**
 * Makes `require()` (and, with `esm`, `import()`) load an app as its TypeScript build would,
 * for the rest of the process: the user's modules, and the entity files TypeORM loads itself
 * from `entities: ['src/**\/*.ts']` globs. The `import()` hooks run in a thread of their own
 * that costs ~0.3 s to start, so a CommonJS app, whose files all load through `require()`,
 * and a JavaScript app Node imports as it is (see `esmHooksNeeded`) do without them. Idempotent.
 */
export function registerTypeScript(options: { esm: boolean }): void {
  if (options.esm && !esmRegistered) {
    esmRegistered = true;
    register(new URL(import.meta.url.endsWith('.ts') ? './esm-hooks.ts' : './esm-hooks.js', import.meta.url));
  }
  if (registered) return;
  registered = true;

  for (const extension of transpiledExtensions) {
    internals._extensions[extension] = (module, filename) => {
      module._compile(transformFile(readFileSync(filename, 'utf8'), filename, 'cjs'), filename);
    };
  }

  // What Node's require() cannot find in the app's own files, resolve as TypeScript does.
  const resolveFilename = internals._resolveFilename;
  internals._resolveFilename = function (request, parent, ...rest) {
    try {
      return resolveFilename.call(this, request, parent, ...rest);
    } catch (error) {
      const from = parent?.filename;
      if (!from || isInstalledPackageFile(from) || (error as { code?: string }).code !== 'MODULE_NOT_FOUND') throw error;
      return resolveSpecifier(request, from, 'require');
    }
  };
}

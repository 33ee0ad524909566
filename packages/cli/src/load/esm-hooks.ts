/**
 * Node module-customization hooks (run in Node's loader thread) that let `import()` load
 * TypeScript: extensionless and `.js` specifiers resolve to `.ts` files as TypeScript's
 * module resolution would, and `.ts` sources are transpiled with decorator metadata.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { inlineSourceMap } from './inline-source-map.ts';
import { isTypeScriptFile, moduleFormat, typeScriptCandidates } from './module-format.ts';
import { transpileTypeScript } from './transpile-typescript.ts';

interface ResolveContext {
  parentURL?: string;
  conditions: string[];
}
type NextResolve = (specifier: string, context: ResolveContext) => Promise<{ url: string; format?: string | null }>;
type NextLoad = (url: string, context: object) => Promise<{ format: string; source?: string | Uint8Array | null }>;

export async function resolve(specifier: string, context: ResolveContext, nextResolve: NextResolve) {
  try {
    return await nextResolve(specifier, context);
  } catch (error) {
    const relative = specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('file:');
    if (!relative || (error as { code?: string }).code !== 'ERR_MODULE_NOT_FOUND') throw error;
    for (const candidate of typeScriptCandidates(specifier)) {
      try {
        return await nextResolve(candidate, context);
      } catch {
        // try the next spelling
      }
    }
    throw error;
  }
}

export async function load(url: string, context: object, nextLoad: NextLoad) {
  if (!url.startsWith('file:')) return nextLoad(url, context);
  const file = fileURLToPath(url);
  if (!isTypeScriptFile(file)) return nextLoad(url, context);
  if (moduleFormat(file) === 'cjs') {
    // No source: Node hands the file to the CommonJS loader, whose `.ts` hook transpiles it.
    return { format: 'commonjs', shortCircuit: true };
  }
  const output = transpileTypeScript(await readFile(file, 'utf8'), file, { format: 'esm' });
  return { format: 'module', source: inlineSourceMap(output), shortCircuit: true };
}

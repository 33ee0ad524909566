/**
 * Node module-customization hooks (run in Node's loader thread) that let `import()` load an
 * app as its TypeScript build would: what Node cannot resolve is resolved as TypeScript does
 * (see `resolveSpecifier`), and TypeScript and JSX sources are transpiled (see `transformFile`).
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { moduleFormat } from '@ormdrift/core';
import { isInstalledPackageFile, isTranspiledFile } from './module-format.ts';
import { resolveSpecifier } from './resolve-specifier.ts';
import { transformFile } from './transform-file.ts';

interface ResolveContext {
  parentURL?: string;
  conditions: string[];
}
type NextResolve = (specifier: string, context: ResolveContext) => Promise<{ url: string; format?: string | null }>;
type NextLoad = (url: string, context: object) => Promise<{ format: string; source?: string | Uint8Array | null }>;

/** Node's errors for what TypeScript's resolution allows: a missing file or package, a directory, an unexported path. */
const unresolved = new Set(['ERR_MODULE_NOT_FOUND', 'ERR_UNSUPPORTED_DIR_IMPORT', 'ERR_PACKAGE_PATH_NOT_EXPORTED', 'ERR_PACKAGE_IMPORT_NOT_DEFINED']);

export async function resolve(specifier: string, context: ResolveContext, nextResolve: NextResolve) {
  try {
    return await nextResolve(specifier, context);
  } catch (error) {
    const parent = context.parentURL?.startsWith('file:') ? fileURLToPath(context.parentURL) : undefined;
    if (!parent || isInstalledPackageFile(parent) || !unresolved.has((error as { code?: string }).code ?? '')) throw error;
    const found = resolveSpecifier(specifier, parent, 'import');
    return { url: found.startsWith('node:') ? found : pathToFileURL(found).href, shortCircuit: true };
  }
}

export async function load(url: string, context: object, nextLoad: NextLoad) {
  if (!url.startsWith('file:')) return nextLoad(url, context);
  const file = fileURLToPath(url);
  if (!isTranspiledFile(file)) return nextLoad(url, context);
  if (moduleFormat(file) === 'cjs') {
    // No source: Node hands the file to the CommonJS loader, whose hook for this extension transpiles it.
    return { format: 'commonjs', shortCircuit: true };
  }
  return { format: 'module', source: transformFile(await readFile(file, 'utf8'), file, 'esm'), shortCircuit: true };
}

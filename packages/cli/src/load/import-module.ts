import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { UsageError } from '../usage-error.ts';
import { moduleFormat, typescriptExtensions } from './module-format.ts';

const supported = new Set<string>([...typescriptExtensions, '.js', '.mjs', '.cjs']);
import { registerTypeScript } from './register-typescript.ts';
import { ModuleSyntaxError } from './syntax-errors.ts';
import { ModuleExitError } from './trap-exit.ts';

/** Imports a user module (TypeScript or JavaScript, CommonJS or ESM) and returns its exports. */
export async function importModule(path: string, cwd: string): Promise<Record<string, unknown>> {
  const file = resolve(cwd, path);
  if (!existsSync(file)) throw new UsageError(`cannot find module ${path}: check the path (relative to ${cwd})`);
  if (!supported.has(extname(file))) throw new UsageError(`cannot load ${path}: ormdrift imports .ts, .mts, .cts, .js, .mjs and .cjs files`);

  registerTypeScript();
  loadReflectMetadata(file);
  try {
    if (moduleFormat(file) === 'cjs') return createRequire(file)(file) as Record<string, unknown>;
    return (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    // a syntax error names file:line:col itself; a module's own process.exit() is no throw of the module's
    if (isLoadStopper(cause)) throw new UsageError(`${message}`, { cause });
    throw new UsageError(`${path} threw while being imported: ${message}`, { cause });
  }
}

/** Errors ormdrift's loader raises about a module, possibly crossing from Node's loader thread (class lost, name kept). */
function isLoadStopper(cause: unknown): boolean {
  const name = (cause as { name?: string } | null)?.name;
  return cause instanceof ModuleSyntaxError || cause instanceof ModuleExitError || name === 'ModuleSyntaxError' || name === 'ModuleExitError';
}

/**
 * Decorators record column types through `Reflect.metadata`, so the polyfill must be in place
 * before any entity module runs: the user's own copy when it has one, else ormdrift's.
 */
function loadReflectMetadata(file: string): void {
  if (typeof (Reflect as { metadata?: unknown }).metadata === 'function') return;
  try {
    createRequire(file)('reflect-metadata');
  } catch {
    createRequire(import.meta.url)('reflect-metadata');
  }
}

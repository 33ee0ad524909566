import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { extname, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ownPackage } from '../own-package.ts';
import { thrownCode, thrownMessage } from '../thrown-value.ts';
import { UsageError } from '../usage-error.ts';
import { javaScriptSyntaxError } from './javascript-syntax-errors.ts';
import { esmHooksNeeded, typeormGlobsNeedHooks } from './esm-hooks-needed.ts';
import { moduleFormat } from '@ormdrift/core';
import { transpiledExtensions } from './module-format.ts';
import { registerTypeScript } from './register-typescript.ts';
import { ModuleSyntaxError } from './syntax-errors.ts';
import { ModuleExitError } from './trap-exit.ts';

const supported = new Set<string>([...transpiledExtensions, '.js', '.mjs', '.cjs']);

/**
 * Imports a user module (TypeScript, JSX or JavaScript; CommonJS or ESM) and returns its
 * exports. `path` is relative to `cwd`.
 *
 * @throws UsageError when the file is missing or of an unsupported kind, when one of its imports
 * resolves to nothing (naming the importing file, the specifier and the alias configuration
 * consulted), and when a module throws while being imported (naming it and the first frame in
 * the user's code, with a hint at `--env-file` when the error is about a missing variable).
 */
export async function importModule(path: string, cwd: string): Promise<Record<string, unknown>> {
  const file = resolve(cwd, path);
  if (!existsSync(file)) throw new UsageError(`cannot find module ${path}: check the path (relative to ${cwd})`);
  if (!supported.has(extname(file))) throw new UsageError(`cannot load ${path}: ormdrift imports ${[...supported].join(', ')} files`);

  const format = moduleFormat(file);
  // the import() hooks only when the app needs them: their thread is a third of a second of every run
  registerTypeScript({ esm: format === 'esm' && esmHooksNeeded(file) });
  loadReflectMetadata(file);
  try {
    if (format === 'cjs') return withoutEsmHint(() => createRequire(file)(file) as Record<string, unknown>);
    const exports = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    // TypeORM imports the files its globs name when it builds its metadata, after this import
    if (typeormGlobsNeedHooks(exports)) registerTypeScript({ esm: true });
    return exports;
  } catch (cause) {
    // a JavaScript file that does not parse is named with its line and column, as a TypeScript one is
    const located = isTopLevelAwaitInCommonJs(cause) ? undefined : javaScriptSyntaxError(cause, file, cwd);
    throw new UsageError(importFailure(path, located ?? cause, cwd), { cause });
  }
}

/** Errors ormdrift's loader raises about a module, possibly crossing from Node's loader thread (class lost, name kept). */
function isLoadStopper(cause: unknown): boolean {
  const name = (cause as { name?: string } | null)?.name;
  return cause instanceof ModuleSyntaxError || cause instanceof ModuleExitError || name === 'ModuleSyntaxError' || name === 'ModuleExitError';
}

function importFailure(path: string, cause: unknown, cwd: string): string {
  const message = thrownMessage(cause);
  // a syntax error names file:line:col itself; a module's own process.exit() is no throw of the module's
  if (isLoadStopper(cause)) return message;
  if (isTopLevelAwaitInCommonJs(cause)) return topLevelAwaitAdvice(path);
  // an import that resolves to nothing is not the module's fault: the message already says where
  if (thrownCode(cause) === 'ERR_ORMDRIFT_UNRESOLVED_IMPORT' || message.startsWith('cannot resolve "')) return message;
  const frame = firstUserFrame(cause, cwd);
  const where = frame ? ` (at ${frame})` : '';
  const hint = aboutEnvironment(message) ? ': if it reads its configuration from the environment, pass --env-file .env' : '';
  return `${path} threw while being imported: ${firstLine(message)}${where}${hint}`;
}

/**
 * A CommonJS module (by extension, or by its package's `type`) that uses top-level `await`: Node refuses it, in
 * words about require() and ESM graphs (a transpiled TypeScript module) or as a syntax error (a .js file).
 */
function isTopLevelAwaitInCommonJs(cause: unknown): boolean {
  const error = cause as { code?: string; message?: string } | null;
  if (error?.code === 'ERR_REQUIRE_ASYNC_MODULE') return true;
  return cause instanceof SyntaxError && /await is only valid in async functions and the top level bodies of modules/.test(error?.message ?? '');
}

function topLevelAwaitAdvice(path: string): string {
  const extension = extname(path);
  const rename = extension === '.js' || extension === '.cjs' ? '.mjs' : '.mts';
  const module =
    extension === '.cts' || extension === '.cjs'
      ? `rename it to ${rename}`
      : `make its package ESM ("type": "module" in package.json) or rename it to ${rename}`;
  return `${path} uses top-level await, which a CommonJS module cannot: ${module}, or move the await into a function`;
}

/**
 * Node warns in two lines ("To load an ES module, set "type": "module"...") when CommonJS code holds ESM syntax; the
 * error that follows says it in one line, with what to do.
 */
function withoutEsmHint<T>(load: () => T): T {
  // Node's loader emits it synchronously to the 'warning' listeners (its own printer among them), not through
  // process.emitWarning: hold the listeners back, and pass them every other warning
  const listeners = process.listeners('warning');
  const filter = (warning: Error) => {
    if (/^To load an ES module, set "type": "module"/.test(warning.message)) return;
    for (const listener of listeners) listener(warning);
  };
  process.removeAllListeners('warning');
  process.on('warning', filter);
  try {
    return load();
  } finally {
    process.off('warning', filter);
    for (const listener of listeners) process.on('warning', listener);
  }
}

/** An error about configuration the environment lacks: names the environment, or an UPPER_SNAKE variable said to be missing. */
function aboutEnvironment(message: string): boolean {
  if (/\b(env|environment)\b|process\.env/i.test(message)) return true;
  return /\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b/.test(message) && /\b(missing|not set|not defined|undefined|required|empty)\b/i.test(message);
}

function firstLine(message: string): string {
  // Node's "Require stack:" lists repeat what the frame says
  return message.split('\n')[0]!.trim();
}

/** The first stack frame in the user's own files (not in node_modules, Node or ormdrift), relative to cwd, with its line. */
function firstUserFrame(error: unknown, cwd: string): string | undefined {
  const stack = error instanceof Error ? (error.stack ?? '') : '';
  const own = ownPackage().directory + sep;
  for (const line of stack.split('\n')) {
    const location = /^\s+at (?:.*? \()?(.+?):(\d+):\d+\)?$/.exec(line);
    if (!location) continue;
    let file = location[1]!;
    if (file.startsWith('file://')) file = fileURLToPath(file);
    if (file.startsWith('node:') || !file.startsWith('/') || /[\\/]node_modules[\\/]/.test(file) || file.startsWith(own)) continue;
    // a line number means something only when it was mapped back to the .ts source
    const sourceMapped = (process as { sourceMapsEnabled?: boolean }).sourceMapsEnabled === true;
    return sourceMapped ? `${relative(cwd, file)}:${location[2]}` : relative(cwd, file);
  }
  return undefined;
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

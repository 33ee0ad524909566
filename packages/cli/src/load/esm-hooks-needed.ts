import { readFileSync, statSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { dirname, extname, join, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { initSync, parse } from 'es-module-lexer';
import { ResolverFactory } from 'oxc-resolver';
import { moduleFormat } from '@ormdrift/core';
import { isInstalledPackageFile, isTranspiledFile } from './module-format.ts';

/** A project's worth of files; past that, the hooks are registered rather than the scan continued. */
const maxFiles = 2_000;

/**
 * Whether `import()` of the ES module `entry` (an absolute path) needs ormdrift's module hooks, which run in a
 * thread of Node's loader that costs about 0.3 s to start: true when the entry, or an app file it imports
 * (statically or by `import('literal')`, transitively; packages under `node_modules` are not read), is one
 * ormdrift transpiles (TypeScript, JSX) or is named by a specifier Node's own resolution cannot follow (no
 * extension, a directory, a tsconfig `paths` alias). A plain JavaScript app that runs under `node` as it is
 * needs none. The answer errs towards the hooks: an `import()` of a computed specifier, a package linked from
 * outside `node_modules` (a workspace package, which may export its TypeScript source), a file the lexer
 * cannot read, all say true. Files are read with es-module-lexer (the module syntax only, no AST).
 */
export function esmHooksNeeded(entry: string): boolean {
  initSync();
  const queue = [entry];
  const seen = new Set(queue);
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (isTranspiledFile(file)) return true;
    // a CommonJS file's require() calls go through the in-thread require hooks, which are always registered
    if (moduleFormat(file) === 'cjs') continue;
    let imports: readonly { n: string | undefined; d: number }[];
    try {
      [imports] = parse(withImports(readFileSync(file)), file);
    } catch {
      return true;
    }
    for (const { n: specifier, d } of imports) {
      if (d === -2) continue; // import.meta
      if (specifier === undefined) return true; // import() of a computed specifier: where it leads is unknown
      const target = nodeTarget(specifier, file);
      if (target === 'builtin' || target === 'package') continue;
      if (target === undefined || isTranspiledFile(target)) return true;
      const extension = extname(target);
      if ((extension === '.js' || extension === '.mjs') && !seen.has(target)) {
        if (seen.size >= maxFiles) return true;
        seen.add(target);
        queue.push(target);
      }
    }
  }
  return false;
}

/**
 * The start of a module's text up to the end of the line of its last `import` or `from`: no import or re-export can
 * come after it, and a generated module of thousands of models need not be lexed to the end. A cut that leaves a
 * comment or a string open makes the lexer throw, which counts as needing the hooks.
 */
function withImports(bytes: Buffer): string {
  // searched and cut as bytes: decoding megabytes of models into a string costs more than the lexing
  const last = Math.max(bytes.lastIndexOf('import'), bytes.lastIndexOf('from'));
  if (last < 0) return '';
  const lineEnd = bytes.indexOf(10, last);
  return bytes.toString('utf8', 0, lineEnd < 0 ? bytes.length : lineEnd + 1);
}

/**
 * What Node's own ESM resolution makes of `specifier` imported from `from`: a built-in module, a file inside an
 * installed package, an app file (its absolute path), or undefined when it would fail or the answer is unsure.
 */
function nodeTarget(specifier: string, from: string): 'builtin' | 'package' | string | undefined {
  if (specifier.startsWith('node:') || isBuiltin(specifier)) return 'builtin';
  if (/^\.{0,2}\//.test(specifier) || specifier.startsWith('file:')) {
    // ESM resolution takes a relative specifier as written: no extension added, no index file looked up
    let file: string;
    try {
      file = fileURLToPath(new URL(specifier, pathToFileURL(from)));
      if (!statSync(file).isFile()) return undefined;
    } catch {
      return undefined;
    }
    return file;
  }
  // a package or a package.json "imports" entry (#name), resolved with the conditions Node's import() uses
  const found = esmResolver().resolveFileSync(from, specifier);
  if (found.builtin) return 'builtin';
  const resolved = found.path;
  if (resolved === undefined) return undefined; // a tsconfig alias, or nothing: the hooks decide
  if (specifier.startsWith('#')) return resolved;
  // a workspace package: its "exports" for import may name TypeScript source
  if (!isInstalledPackageFile(resolved)) return undefined;
  // found through NODE_PATH (which npx and pnpm's bin scripts set), which ESM resolution does not read
  if (!inAncestorNodeModules(resolved, from)) return undefined;
  // a package's "exports" map subpaths exactly; without it, `pkg/sub` must name its file with the extension, as
  // ESM adds none (the resolver, like require(), would)
  const subpath = /^(?:@[^/]+\/)?[^/]+\/(.+)$/.exec(specifier)?.[1];
  if (subpath !== undefined && !hasExports(found.packageJsonPath) && !resolved.replaceAll('\\', '/').endsWith(`/${subpath}`)) return undefined;
  return 'package';
}

let resolver: ResolverFactory | undefined;

/**
 * Node's ESM resolution of packages as oxc-resolver does it: the `node` and `import` conditions of "exports" (and
 * "imports"), else "main" with the extensions Node's legacy main lookup tries.
 */
function esmResolver(): ResolverFactory {
  resolver ??= new ResolverFactory({
    conditionNames: ['node', 'import'],
    mainFields: ['main'],
    extensions: ['.js', '.json', '.node'],
    mainFiles: ['index'],
    builtinModules: true,
    // a symlinked package (pnpm) is where Node finds it, in the real path's node_modules
    symlinks: true,
  });
  return resolver;
}

function hasExports(packageJsonPath: string | undefined): boolean {
  if (packageJsonPath === undefined) return false;
  try {
    return (JSON.parse(readFileSync(packageJsonPath, 'utf8')) as { exports?: unknown }).exports !== undefined;
  } catch {
    return false;
  }
}

/** Whether `file` is under the `node_modules` of a directory that contains `from`, where ESM resolution looks. */
function inAncestorNodeModules(file: string, from: string): boolean {
  for (let directory = dirname(from); ; directory = dirname(directory)) {
    if (file.startsWith(join(directory, 'node_modules') + sep)) return true;
    if (dirname(directory) === directory) return false;
  }
}

/**
 * Whether a module's exports hold a TypeORM DataSource (or its options) that names entity, migration or
 * subscriber files by a path or glob that may match a file ormdrift transpiles: TypeORM imports those files
 * itself when it builds its metadata, by `import()` in an ES module project. A glob that can only match
 * JavaScript (`dist/**\/*.entity.js`) needs no hooks.
 */
export function typeormGlobsNeedHooks(exports: Record<string, unknown>): boolean {
  const plainJavaScript = /\.[cm]?js$/;
  for (const value of Object.values(exports)) {
    if (typeof value !== 'object' || value === null) continue;
    for (const options of [value, (value as { options?: unknown }).options]) {
      if (typeof options !== 'object' || options === null) continue;
      for (const key of ['entities', 'migrations', 'subscribers']) {
        const list = (options as Record<string, unknown>)[key];
        if (typeof list !== 'object' || list === null) continue;
        const entries = Array.isArray(list) ? list : Object.values(list);
        if (entries.some((entry) => typeof entry === 'string' && (!plainJavaScript.test(entry) || entry.includes('{')))) return true;
      }
    }
  }
  return false;
}

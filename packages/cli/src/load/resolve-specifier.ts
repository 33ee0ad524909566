import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { ResolverFactory } from 'oxc-resolver';
import { projectConfig } from './project-config.ts';

/** An import that resolves to nothing: names the importing file, the specifier and the configuration consulted. */
export class UnresolvedImportError extends Error {
  override readonly name = 'UnresolvedImportError';
  readonly code = 'ERR_ORMDRIFT_UNRESOLVED_IMPORT';
}

const extensions = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs', '.json', '.node'];

const shared = {
  tsconfig: 'auto' as const,
  extensions,
  // what TypeScript's resolution allows in source: `./user.js` is `./user.ts` when only that exists
  extensionAlias: { '.js': ['.js', '.ts', '.tsx', '.jsx'], '.mjs': ['.mjs', '.mts'], '.cjs': ['.cjs', '.cts'], '.jsx': ['.jsx', '.tsx'] },
  mainFiles: ['index'],
  builtinModules: true,
};

const resolvers = {
  import: new ResolverFactory({ ...shared, conditionNames: ['node', 'import'], mainFields: ['main'] }),
  require: new ResolverFactory({ ...shared, conditionNames: ['node', 'require'], mainFields: ['main'] }),
  // a workspace package imported by name in a fresh clone, before its build: its sources, as TypeScript finds them
  source: new ResolverFactory({
    ...shared,
    conditionNames: ['types', 'node', 'import', 'require', 'default'],
    mainFields: ['types', 'typings', 'module', 'main'],
  }),
};

/**
 * Resolves what Node alone cannot, the way TypeScript resolves it for the importing file:
 * tsconfig `paths` and `baseUrl` (with `extends`), extensionless and directory imports,
 * `./user.js` meaning `./user.ts`, `.tsx`, package `imports` (`#alias`) and `exports`, and a
 * workspace package imported by name whose build output does not exist yet (its `types`
 * entry or sources). Uses oxc-resolver (webpack's enhanced-resolve algorithm, TypeScript's
 * tsconfig rules). Returns an absolute path, or a `node:` URL for a builtin.
 *
 * @throws UnresolvedImportError naming the importing file, the specifier and the alias configuration consulted.
 */
export function resolveSpecifier(specifier: string, parentFile: string, kind: 'import' | 'require', cwd = process.cwd()): string {
  const found = resolvers[kind].resolveFileSync(parentFile, specifier);
  if (found.builtin) return found.builtin.resolved;
  if (found.path) return found.path;
  if (isBare(specifier)) {
    const fromSource = resolvers.source.resolveFileSync(parentFile, specifier);
    if (fromSource.path && !fromSource.path.endsWith('.d.ts') && !/[\\/]node_modules[\\/]/.test(realpathSync(fromSource.path))) return fromSource.path;
  }
  throw new UnresolvedImportError(`cannot resolve "${specifier}" imported by ${display(parentFile, cwd)}: ${consulted(specifier, parentFile, cwd)}`);
}

/**
 * Where TypeScript finds the declarations of an import in the app's own files, for the program
 * that emits decorator metadata: the sources of a workspace package (its `types` entry), else
 * what the import resolves to at run time. Undefined when it resolves to nothing.
 */
export function resolveTypesOf(specifier: string, parentFile: string): string | undefined {
  const found = resolvers.source.resolveFileSync(parentFile, specifier);
  return found.path ?? resolvers.import.resolveFileSync(parentFile, specifier).path;
}

function isBare(specifier: string): boolean {
  return !/^(\.{1,2}(\/|$)|\/|[a-zA-Z]:|file:|#)/.test(specifier);
}

function display(file: string, cwd: string): string {
  const path = relative(cwd, file);
  return path.startsWith('..') ? file : path;
}

/** What was consulted and had no match, in the words of the configuration the user would edit. */
function consulted(specifier: string, parentFile: string, cwd: string): string {
  if (specifier.startsWith('#')) {
    const manifest = nearestPackageJson(dirname(parentFile));
    return manifest ? `${display(manifest, cwd)} "imports" has no match` : 'no package.json with "imports" above it';
  }
  if (!isBare(specifier)) return `no file ${specifier} (nor with a .ts, .tsx, .js, .mjs or .cjs extension, nor a directory with an index file)`;
  const project = projectConfig(parentFile);
  const paths = project.compilerOptions['paths'] as Record<string, unknown> | undefined;
  const aliases = project.path
    ? paths
      ? `${display(project.path, cwd)} "paths" has no match`
      : `${display(project.path, cwd)} has no "paths"`
    : 'no tsconfig.json applies';
  const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0];
  return `${aliases}, and no installed package named ${name} provides it`;
}

function nearestPackageJson(directory: string): string | undefined {
  for (let current = directory; ; current = dirname(current)) {
    const candidate = join(current, 'package.json');
    if (existsSync(candidate)) {
      try {
        if ((JSON.parse(readFileSync(candidate, 'utf8')) as { imports?: unknown }).imports) return candidate;
      } catch {
        // not a manifest we can read: keep looking
      }
    }
    if (dirname(current) === current) return undefined;
  }
}

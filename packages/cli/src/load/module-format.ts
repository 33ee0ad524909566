import { readFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';

/** How Node would treat a file: by its extension, else by the nearest package.json's `type`. */
export function moduleFormat(file: string): 'esm' | 'cjs' {
  const extension = extname(file);
  if (extension === '.mts' || extension === '.mjs') return 'esm';
  if (extension === '.cts' || extension === '.cjs') return 'cjs';
  return packageType(dirname(file)) === 'module' ? 'esm' : 'cjs';
}

const typeByDirectory = new Map<string, string | undefined>();

function packageType(directory: string): string | undefined {
  if (typeByDirectory.has(directory)) return typeByDirectory.get(directory);
  let type: string | undefined;
  try {
    type = (JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8')) as { type?: string }).type ?? 'commonjs';
  } catch {
    type = dirname(directory) === directory ? undefined : packageType(dirname(directory));
  }
  typeByDirectory.set(directory, type);
  return type;
}

export const typescriptExtensions = ['.ts', '.mts', '.cts'] as const;

export function isTypeScriptFile(file: string): boolean {
  return (typescriptExtensions as readonly string[]).includes(extname(file));
}

/** JavaScript extensions and the TypeScript sources a compiler turns into them. */
const sourceOf: Readonly<Record<string, string>> = { '.js': '.ts', '.mjs': '.mts', '.cjs': '.cts' };

/**
 * The TypeScript files a relative import may mean when no file matches it as written, as
 * TypeScript's own resolution has it: `./user.js` is `./user.ts` (NodeNext style), and an
 * extensionless `./user` is `./user.ts`, `./user.mts`, `./user.cts` or `./user/index.ts`.
 */
export function typeScriptCandidates(specifier: string): string[] {
  const extension = extname(specifier);
  const source = sourceOf[extension];
  if (source) return [specifier.slice(0, -extension.length) + source];
  if (extension !== '') return [];
  return [...typescriptExtensions.map((candidate) => specifier + candidate), `${specifier}/index.ts`];
}

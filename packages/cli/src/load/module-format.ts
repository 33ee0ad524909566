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

/** The TypeScript extensions ormdrift transpiles. */
export const typescriptExtensions = ['.ts', '.mts', '.cts', '.tsx'] as const;

/** Every extension ormdrift transpiles before Node runs it: TypeScript, and JSX that Node cannot parse. */
export const transpiledExtensions = [...typescriptExtensions, '.jsx'] as const;

export function isTranspiledFile(file: string): boolean {
  return (transpiledExtensions as readonly string[]).includes(extname(file));
}

/** Whether a path is inside an installed package, whose files Node loads as published. */
export function isInstalledPackageFile(file: string): boolean {
  return /[\\/]node_modules[\\/]/.test(file);
}

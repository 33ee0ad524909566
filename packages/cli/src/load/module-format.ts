import { extname } from 'node:path';

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

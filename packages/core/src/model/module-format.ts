import { readFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';

/**
 * How Node would run a file: as an ES module or as CommonJS, by its extension (`.mts`/`.mjs`, `.cts`/`.cjs`), else by
 * the `type` of the nearest package.json above it (CommonJS when none says `module`, or when there is none). Node's
 * own rule (its "Determining module system"), applied to `.ts` and `.tsx` as TypeScript's `module: nodenext` does.
 * Reads package.json files from disk, once per directory per process; never throws.
 */
export function moduleFormat(file: string): 'esm' | 'cjs' {
  const extension = extname(file);
  if (extension === '.mts' || extension === '.mjs') return 'esm';
  if (extension === '.cts' || extension === '.cjs') return 'cjs';
  return packageType(dirname(file)) === 'module' ? 'esm' : 'cjs';
}

const typeByDirectory = new Map<string, string | undefined>();

/** The `type` of the nearest package.json from `directory` up (`commonjs` when it has none), or undefined. */
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

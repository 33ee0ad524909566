import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** What ormdrift reads of its own package.json. */
export interface OwnPackage {
  /** The package's directory, absolute. */
  readonly directory: string;
  readonly version: string;
  /** The `ormdrift` bin, absolute. */
  readonly bin: string;
}

let found: OwnPackage | undefined;

/**
 * The `ormdrift` package this code belongs to, found by walking up from this module to the package.json named
 * `ormdrift`: the same answer whether the code runs from the bin's bundle (`bundle/`), tsc's output (`dist/...`)
 * or the sources (`src/...`), each at another depth.
 *
 * @throws Error when no such package.json is above this module (a copy of the code outside its package).
 */
export function ownPackage(): OwnPackage {
  found ??= read(dirname(fileURLToPath(import.meta.url)));
  return found;
}

function read(from: string): OwnPackage {
  for (let directory = from; ; directory = dirname(directory)) {
    let manifest: { name?: string; version: string; bin: Record<string, string> } | undefined;
    try {
      manifest = JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8')) as typeof manifest;
    } catch {
      // no package.json here, or not one this code can read: look further up
    }
    if (manifest?.name === 'ormdrift') return { directory, version: manifest.version, bin: join(directory, manifest.bin.ormdrift!) };
    if (dirname(directory) === directory) throw new Error(`the package.json of ormdrift was not found above ${from}`);
  }
}

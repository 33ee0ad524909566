import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** One transpiled file as stored: its code, source map, and the files whose content it also depends on, with their hashes. */
export interface CachedOutput {
  readonly code: string;
  readonly map: string | undefined;
  readonly dependencies?: readonly { readonly path: string; readonly hash: string }[];
}

/** The SHA-256 of a text, hex. */
export function contentHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

const hashByPath = new Map<string, string | undefined>();

/** A file's content hash, read once per process; undefined when it is gone. */
function fileHash(path: string): string | undefined {
  if (!hashByPath.has(path)) {
    let hash: string | undefined;
    try {
      hash = contentHash(readFileSync(path, 'utf8'));
    } catch {
      hash = undefined;
    }
    hashByPath.set(path, hash);
  }
  return hashByPath.get(path);
}

/**
 * Transpiled files on disk, under `node_modules/.cache/ormdrift` of the nearest directory above
 * the file that has a `node_modules` (the convention Babel, ESLint and Vite's caches follow),
 * keyed by the hash of the source, its path, the transform and its versions and options: a
 * second check of an unchanged project transpiles nothing and loads no compiler. An entry that
 * depends on other files (decorator metadata read across files) is used only while each of
 * them still has the content it was emitted with. Set `ORMDRIFT_CACHE=0` to bypass it. A cache
 * that cannot be written is skipped silently: it only saves time.
 */
export function cachedTransform(
  file: string,
  key: string,
  compute: () => { code: string; map: string | undefined; dependencies?: readonly string[] },
): { code: string; map: string | undefined } {
  const directory = process.env['ORMDRIFT_CACHE'] === '0' ? undefined : cacheDirectory(dirname(file));
  const entryPath = directory && join(directory, `${key}.json`);
  if (entryPath) {
    const cached = readEntry(entryPath);
    if (cached && (cached.dependencies ?? []).every((dependency) => fileHash(dependency.path) === dependency.hash)) return cached;
  }
  const output = compute();
  if (entryPath) {
    const dependencies = (output.dependencies ?? []).map((path) => ({ path, hash: fileHash(path) ?? '' }));
    writeEntry(entryPath, { code: output.code, map: output.map, ...(dependencies.length > 0 ? { dependencies } : {}) });
  }
  return output;
}

function readEntry(path: string): CachedOutput | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as CachedOutput;
  } catch {
    return undefined;
  }
}

function writeEntry(path: string, entry: CachedOutput): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
    // write then rename: a concurrent check never reads half an entry
    const partial = `${path}.${process.pid}.tmp`;
    writeFileSync(partial, JSON.stringify(entry));
    renameSync(partial, path);
  } catch {
    // a read-only checkout: run without the cache
  }
}

const directoryByStart = new Map<string, string | undefined>();

function cacheDirectory(start: string): string | undefined {
  if (directoryByStart.has(start)) return directoryByStart.get(start);
  let found: string | undefined;
  for (let current = start; ; current = dirname(current)) {
    if (!/[\\/]node_modules$/.test(current) && existsSync(join(current, 'node_modules'))) {
      found = join(current, 'node_modules', '.cache', 'ormdrift');
      break;
    }
    if (dirname(current) === current) break;
  }
  directoryByStart.set(start, found);
  return found;
}

import { createRequire } from 'node:module';

// Node's CommonJS module cache (`require.cache`), shared by every `require` of the process: the ORMs' own modules are
// in it even in an ES module app, since their ES entry points (typeorm's index.mjs, sequelize's lib/index.mjs) wrap
// their CommonJS builds
const moduleCache = createRequire(import.meta.url).cache;

/**
 * A file inside the user's project from which `packageName` resolves to the copy of that ORM that made `values`: the
 * loaded module that defines one of the values' classes or their ancestors (a DataSource's `DataSource` class, a
 * model's base class, the class of TypeORM's global decorator storage), found in Node's CommonJS module cache
 * (`require.cache`). So the ORM is the one the app itself loaded, wherever the process was started from, and never a
 * copy found from `process.cwd()`.
 *
 * A class is looked for in the loaded modules whose file is named like it (`DataSource` in `data-source/DataSource.js`,
 * `Model` in `model.js`), as the ORMs name theirs, so that no other module's exports are read (a getter among them
 * could run code). Returns undefined when no such module is loaded (an app bundled into one file, an ORM loaded only
 * as ES modules) or `packageName` does not resolve from it.
 */
export function packageLocation(packageName: string, values: readonly unknown[]): string | undefined {
  const classes = new Set(values.flatMap((value) => ancestry(value)));
  // the loaded modules by name, listed once per call and only when a class was not met before
  let byName: Map<string, string[]> | undefined;
  for (const type of classes) {
    const known = definedIn.get(type);
    if (known !== undefined && moduleCache[known] !== undefined && resolvesPackage(packageName, known)) return known;
    byName ??= modulesByName();
    for (const file of definingModules(type, byName)) {
      if (resolvesPackage(packageName, file)) return file;
    }
  }
  return undefined;
}

/** A value's class and that class's ancestors, nearest first: a function is its own class, an object its constructor's. */
function ancestry(value: unknown): Function[] {
  const found: Function[] = [];
  let type: unknown = typeof value === 'function' ? value : typeof value === 'object' && value !== null ? value.constructor : undefined;
  while (typeof type === 'function' && type !== Function.prototype && type !== Object && found.length < 10) {
    found.push(type);
    type = Object.getPrototypeOf(type);
  }
  return found;
}

/** A file's or a class's name as a key: `data-source/DataSource.js` and `DataSource` are both `datasource`. */
function nameKey(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** The loaded modules by the name of their file, without its extension. */
function modulesByName(): Map<string, string[]> {
  const byName = new Map<string, string[]>();
  for (const file of Object.keys(moduleCache)) {
    const base = file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1).replace(/\.[cm]?js$/, '');
    const key = nameKey(base);
    byName.set(key, [...(byName.get(key) ?? []), file]);
  }
  return byName;
}

/** The loaded modules named like `type` whose exports hold it as a value (not behind a getter). */
function definingModules(type: Function, byName: ReadonlyMap<string, readonly string[]>): string[] {
  if (type.name === '') return [];
  const found = (byName.get(nameKey(type.name)) ?? []).filter((file) => exportsValue(moduleCache[file]?.exports, type));
  if (found[0] !== undefined) definedIn.set(type, found[0]);
  return found;
}

const definedIn = new WeakMap<Function, string>();

function exportsValue(exports: unknown, value: unknown): boolean {
  if (exports === value) return true;
  if (exports === null || (typeof exports !== 'object' && typeof exports !== 'function')) return false;
  for (const key of Object.getOwnPropertyNames(exports)) {
    const descriptor = Object.getOwnPropertyDescriptor(exports, key);
    if (descriptor !== undefined && 'value' in descriptor && descriptor.value === value) return true;
  }
  return false;
}

/**
 * Whether `packageName` resolves from the file `from` (an absolute path; Node's `require.resolve` from there), each
 * answer kept for the process's life: a loaded module's resolution does not change while the process runs.
 */
export function resolvesPackage(packageName: string, from: string): boolean {
  const key = `${packageName}\u0000${from}`;
  let found = resolutions.get(key);
  if (found === undefined) {
    try {
      createRequire(from).resolve(packageName);
      found = true;
    } catch {
      found = false;
    }
    if (resolutions.size >= 1_000) resolutions.clear();
    resolutions.set(key, found);
  }
  return found;
}

const resolutions = new Map<string, boolean>();

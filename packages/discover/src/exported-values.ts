import type { ExportedValue } from '@ormdrift/core';

/** A user module, imported: its path and its exports (an ES module namespace or CommonJS `module.exports`). */
export interface ModuleExports {
  /** The path as the user gave it, for reports. */
  readonly file: string;
  /**
   * The absolute path, to resolve the user's own copy of an ORM from; absent for values a program handed in, whose ORM
   * the adapters find from the objects themselves.
   */
  readonly path?: string;
  readonly exports: Record<string, unknown>;
}

/** How deep arrays and plain objects are opened: `export const schema = { tables: [users] }` is two levels. */
const maxDepth = 3;

/**
 * Every value a module exports, with the containers apps group their models in opened:
 * arrays (`export const entities = [User, Post]`, `export default [...]`), plain objects and
 * module namespaces (`export const schema = { users, posts }`, `export * as schema from`, a
 * CommonJS `module.exports = { ... }` seen as `default`). A value found through a container
 * is named by its key (`users`) or by its place (`entities[0]`). Each value is listed once, at
 * its first name; class instances and functions are never opened (a DataSource is not a bag of
 * exports).
 */
export function exportedValues(exports: Record<string, unknown>): ExportedValue[] {
  const found: ExportedValue[] = [];
  const seen = new Set<unknown>();
  const visit = (name: string, value: unknown, depth: number): void => {
    if (seen.has(value)) return;
    seen.add(value);
    if (depth < maxDepth && Array.isArray(value)) {
      for (const [index, item] of value.entries()) visit(`${name}[${index}]`, item, depth + 1);
    } else if (depth < maxDepth && isContainer(value)) {
      for (const [key, item] of ownValues(value)) visit(key, item, depth + 1);
    } else found.push({ name, value });
  };
  for (const [name, value] of ownValues(exports)) visit(name, value, 0);
  return found;
}

/** A plain object or a module namespace: a bag of values, not something an ORM made. */
function isContainer(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === null || prototype === Object.prototype || (value as { [Symbol.toStringTag]?: unknown })[Symbol.toStringTag] === 'Module';
}

function ownValues(object: object): [string, unknown][] {
  const entries: [string, unknown][] = [];
  for (const key of Object.keys(object)) {
    try {
      // CommonJS builds (swc, tsc's `export *`) define exports as getters: read them as `require()` users do
      entries.push([key, (object as Record<string, unknown>)[key]]);
    } catch {
      // an export that throws when read (a binding not yet initialized) holds no model
    }
  }
  return entries;
}

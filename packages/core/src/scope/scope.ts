import type { MergedSchema } from '../merge/merge-registries.ts';
import { qualifiedKey } from '../model/qualified-name.ts';
import type { QualifiedName, SchemaModel } from '../model/schema-model.ts';
import { tableMatcher, type TableGlobs } from './table-glob.ts';

/**
 * What a check looks at. One pure filter, applied to the expected and the actual schema before the
 * diff, so that nothing outside it can reach a change, a finding or the exit code.
 */
export interface Scope {
  /** The schemas checked: tables, enum types and registry conflicts in other schemas are left out. */
  readonly schemas: readonly string[];
  /** Table globs never reported, whether a model declares the table or not (e.g. `auth.*`, `pg_partman_*`). */
  readonly ignore: TableGlobs;
  /**
   * Table globs that this check owns without a model (tables made by raw SQL, or by another service of
   * the same database): such a table is never an orphan. A declared table matching them is still compared.
   */
  readonly owns: TableGlobs;
  /**
   * When not empty, only the tables these globs admit are checked, as drizzle-kit's `tablesFilter`
   * admits them: some pattern matches the table and no `!pattern` excludes it (only `!patterns`: every
   * table they do not exclude).
   */
  readonly tables: TableGlobs;
}

/** The parts of a scope the caller chooses; every one is optional. */
export interface ScopeOptions {
  /** Check only these schemas; by default every schema a declared table or enum type lives in. */
  readonly schemas?: readonly string[] | undefined;
  readonly ignore?: TableGlobs | undefined;
  readonly owns?: TableGlobs | undefined;
  readonly tables?: TableGlobs | undefined;
}

/**
 * The scope of a check: the given schemas, or by default every schema a declared table or enum type
 * lives in; and the table globs given. A second argument that is an array is the schemas alone.
 *
 * @throws Error for a table glob that cannot be parsed (see `tableGlobError`).
 */
export function resolveScope(expected: SchemaModel, options: ScopeOptions | readonly string[] = {}): Scope {
  const given: ScopeOptions = isStringArray(options) ? { schemas: options } : options;
  const used = [...expected.tables, ...expected.enums, ...(expected.sequences ?? [])].map((declared) => declared.schema);
  const scope = { schemas: [...new Set(given.schemas ?? used)], ignore: given.ignore ?? [], owns: given.owns ?? [], tables: given.tables ?? [] };
  // parse every glob now, so that a bad one fails before anything is read
  tableMatcher([...scope.ignore, ...scope.owns, ...scope.tables]);
  return scope;
}

/** Whether a table or enum type is inside the scope (enum types are only scoped by schema). */
export function inScope(scope: Scope, name: QualifiedName): boolean {
  return scope.schemas.includes(name.schema);
}

/** Whether a table is inside the scope: its schema is checked, no `ignore` glob matches it and `tables` admits it. */
export function tableInScope(scope: Scope, name: QualifiedName): boolean {
  return tableFilter(scope)(name);
}

/** `tableInScope` with the globs compiled once, for filtering many tables. */
function tableFilter(scope: Scope): (name: QualifiedName) => boolean {
  const ignored = tableMatcher(scope.ignore);
  const negated = tableMatcher(scope.tables.filter((pattern) => pattern.startsWith('!')).map((pattern) => pattern.slice(1)));
  const positive = scope.tables.filter((pattern) => !pattern.startsWith('!'));
  const admitted = positive.length === 0 ? () => true : tableMatcher(positive);
  return (name) => inScope(scope, name) && !ignored(name) && !negated(name) && admitted(name);
}

/** The model with only the tables, enum types and sequences inside the scope (sequences, as enum types, by schema). */
export function scopeSchema(schema: SchemaModel, scope: Scope): SchemaModel {
  const admits = tableFilter(scope);
  return {
    tables: schema.tables.filter(admits),
    enums: schema.enums.filter((declared) => inScope(scope, declared)),
    ...(schema.sequences ? { sequences: schema.sequences.filter((declared) => inScope(scope, declared)) } : {}),
  };
}

/**
 * The database's model inside the scope, without the tables the check owns (`owns`) that no model
 * declares: those are known and never orphans.
 */
export function scopeActual(actual: SchemaModel, scope: Scope, expected: SchemaModel): SchemaModel {
  const scoped = scopeSchema(actual, scope);
  if (scope.owns.length === 0) return scoped;
  const owned = tableMatcher(scope.owns);
  const declared = new Set(expected.tables.map(qualifiedKey));
  return { ...scoped, tables: scoped.tables.filter((table) => declared.has(qualifiedKey(table)) || !owned(table)) };
}

/** The merged models with only what lies inside the scope, registry conflicts included. */
export function scopeMerged(merged: MergedSchema, scope: Scope): MergedSchema {
  const admits = tableFilter(scope);
  return {
    schema: scopeSchema(merged.schema, scope),
    conflicts: merged.conflicts.filter((conflict) => (conflict.object === 'table' ? admits(conflict) : inScope(scope, conflict))),
  };
}

function isStringArray(value: ScopeOptions | readonly string[]): value is readonly string[] {
  return Array.isArray(value);
}

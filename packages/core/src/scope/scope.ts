import type { MergedSchema } from '../merge/merge-registries.ts';
import type { QualifiedName, SchemaModel } from '../model/schema-model.ts';

/**
 * What a check looks at. One pure filter, applied to the expected and the actual schema before the
 * diff, so that nothing outside it can reach a change, a finding or the exit code. Service ownership
 * and `ignore` globs are further fields of this one record.
 */
export interface Scope {
  /** The schemas checked: tables, enum types and registry conflicts in other schemas are left out. */
  readonly schemas: readonly string[];
}

/** The scope of a check: the given schemas, or by default every schema a declared table or enum type lives in. */
export function resolveScope(expected: SchemaModel, schemas?: readonly string[]): Scope {
  const used = [...expected.tables, ...expected.enums].map((declared) => declared.schema);
  return { schemas: [...new Set(schemas ?? used)] };
}

/** Whether a table or enum type is inside the scope. */
export function inScope(scope: Scope, name: QualifiedName): boolean {
  return scope.schemas.includes(name.schema);
}

/** The model with only the tables and enum types inside the scope. */
export function scopeSchema(schema: SchemaModel, scope: Scope): SchemaModel {
  return {
    tables: schema.tables.filter((table) => inScope(scope, table)),
    enums: schema.enums.filter((declared) => inScope(scope, declared)),
  };
}

/** The merged models with only what lies inside the scope, registry conflicts included. */
export function scopeMerged(merged: MergedSchema, scope: Scope): MergedSchema {
  return {
    schema: scopeSchema(merged.schema, scope),
    conflicts: merged.conflicts.filter((conflict) => inScope(scope, conflict)),
  };
}

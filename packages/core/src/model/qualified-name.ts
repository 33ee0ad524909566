import type { QualifiedName } from './schema-model.ts';

/** A map key for a schema-qualified object; never shown to users. */
export function qualifiedKey(name: QualifiedName): string {
  return `${name.schema}\u0000${name.name}`;
}

/** `users` for `public.users`, `audit.events` otherwise: how a report names a table. */
export function displayName(name: QualifiedName): string {
  return name.schema === 'public' ? name.name : `${name.schema}.${name.name}`;
}

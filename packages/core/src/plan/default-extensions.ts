/**
 * Functions that only an extension provides, by the extension that does, for the extensions ORMs create themselves:
 * TypeORM's PostgresDriver runs `CREATE EXTENSION IF NOT EXISTS "uuid-ossp"` (or `"pgcrypto"`, its `uuidExtension`)
 * before synchronizing when an entity has a generated uuid column. `gen_random_uuid()` is not here: it is part of
 * PostgreSQL itself since 13.
 */
const extensionFunctions: Readonly<Record<string, readonly string[]>> = {
  'uuid-ossp': [
    'uuid_generate_v1',
    'uuid_generate_v1mc',
    'uuid_generate_v3',
    'uuid_generate_v4',
    'uuid_generate_v5',
    'uuid_nil',
    'uuid_ns_dns',
    'uuid_ns_url',
    'uuid_ns_oid',
    'uuid_ns_x500',
  ],
  pgcrypto: ['gen_random_bytes', 'gen_salt', 'crypt', 'digest', 'hmac'],
};

const extensionOf = new Map(Object.entries(extensionFunctions).flatMap(([extension, functions]) => functions.map((name) => [name, extension] as const)));

/**
 * The extensions whose functions a default expression calls (`uuid_generate_v4()` → `uuid-ossp`), in the order the
 * expression calls them, each once. A name inside a string literal, or a quoted or differently spelled name, is no call.
 */
export function extensionsCalledBy(expression: string): string[] {
  const code = expression.replace(/'(?:[^']|'')*'/g, "''");
  const found: string[] = [];
  for (const match of code.matchAll(/(?<![\w$".])(?:\w+\.)?([a-z_][\w$]*)\s*\(/gi)) {
    const extension = extensionOf.get(match[1]!.toLowerCase());
    if (extension !== undefined && !found.includes(extension)) found.push(extension);
  }
  return found;
}

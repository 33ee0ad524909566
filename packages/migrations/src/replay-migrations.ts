import type { SchemaModel } from '@ormdrift/core';
import { connectPostgres, PostgresIntrospector } from '@ormdrift/postgres';
import { applyMigrations } from './apply-migrations.ts';
import { listMigrations } from './list-migrations.ts';
import { startServer } from './migrated-database.ts';
import type { MigrationsRuntime } from './migrations-runtime.ts';
import type { MigrationsTarget } from './migrations-target.ts';

/** What a finding says it lacks, enough to look up the migration that creates it. */
export interface MissingObject {
  /** The finding's code: `missing-table`, `missing-column`, `missing-enum`, `missing-index`... */
  readonly code: string;
  readonly schema: string;
  readonly table?: string;
  readonly column?: string;
  /** The finding's `expected`: `{ columns }` for a constraint or index, `{ enum }` for an enum type. */
  readonly expected?: unknown;
}

/** Which migration first created each table, column, enum type, index, unique and foreign key. */
export interface MigrationOrigins {
  /** The migration that creates the object, or undefined when none of them does. */
  originOf(missing: MissingObject): string | undefined;
}

/**
 * Replays the migrations one at a time on an ephemeral embedded PostgreSQL and reads the schema after each, to
 * record which migration first creates each object. Throws what {@link applyMigrations} throws.
 */
export async function replayMigrations(target: MigrationsTarget, runtime: MigrationsRuntime): Promise<MigrationOrigins> {
  const { migrations } = await listMigrations(target, runtime);
  const origins = new Map<string, string>();
  const server = await startServer(runtime, target);
  try {
    for (const [index, migration] of migrations.entries()) {
      await applyMigrations(target, server.url, runtime, { from: index, to: index + 1, name: migration.name });
      for (const key of objectKeys(await readSchema(server.url))) if (!origins.has(key)) origins.set(key, migration.name);
    }
  } finally {
    await server.stop();
  }
  return {
    originOf(missing) {
      for (const key of lookupKeys(missing)) {
        const origin = origins.get(key);
        if (origin) return origin;
      }
      return undefined;
    },
  };
}

async function readSchema(url: string): Promise<SchemaModel> {
  const connection = await connectPostgres(url);
  try {
    return await new PostgresIntrospector(connection.client).introspect();
  } finally {
    await connection.close().catch(() => {});
  }
}

function objectKeys(schema: SchemaModel): string[] {
  const keys: string[] = [];
  for (const table of schema.tables) {
    const base = `${table.schema}.${table.name}`;
    keys.push(`table ${base}`);
    for (const column of table.columns) keys.push(`column ${base}.${column.name}`);
    for (const index of table.indexes) keys.push(`columns ${base}(${index.columns.join(',')})`);
    for (const unique of table.uniques) keys.push(`columns ${base}(${unique.columns.join(',')})`);
    for (const foreignKey of table.foreignKeys) keys.push(`columns ${base}(${foreignKey.columns.join(',')})`);
    if (table.primaryKey) keys.push(`columns ${base}(${table.primaryKey.columns.join(',')})`);
  }
  for (const enumType of schema.enums) keys.push(`enum ${enumType.schema}.${enumType.name}`);
  return keys;
}

/** The key a missing object is recorded under; none for codes that are not about an absent object. */
function lookupKeys(missing: MissingObject): string[] {
  const expected = (missing.expected ?? {}) as { columns?: unknown; enum?: unknown };
  const base = `${missing.schema}.${missing.table ?? ''}`;
  switch (missing.code) {
    case 'missing-table':
      return [`table ${base}`];
    case 'missing-column':
      return missing.column ? [`column ${base}.${missing.column}`] : [];
    case 'missing-enum':
      return typeof expected.enum === 'string' ? [`enum ${expected.enum.includes('.') ? expected.enum : `${missing.schema}.${expected.enum}`}`] : [];
    case 'missing-index':
    case 'missing-unique':
    case 'missing-foreign-key':
      if (Array.isArray(expected.columns)) return [`columns ${base}(${expected.columns.join(',')})`];
      return missing.column ? [`columns ${base}(${missing.column})`] : [];
    default:
      return [];
  }
}

export { guardSchema, defaultGuardTimeoutMs, type GuardLogger, type GuardOptions, type GuardOutcome } from './guard-schema.ts';
export { guardDataSource, guardDrizzle, guardSequelize, type OrmGuardOptions } from './orm-guards.ts';
export { checkSchema, type CheckSchemaOptions } from './check-schema.ts';
export { withMigrationsDatabase, type CheckMigrations, type CheckMigrationsOptions } from './migrations-database.ts';
export { MigrationsError } from '@ormdrift/migrations';
export { SchemaCheckTimeoutError, SchemaDriftError } from './schema-drift-error.ts';
export { allowFindings, type AllowEntry } from './allow.ts';
export { databaseIntrospector, type GuardDatabase } from './database-introspector.ts';
export { schemaSources, type GuardSources } from './schema-sources.ts';

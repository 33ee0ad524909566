export { MigrationsError } from './migrations-error.ts';
export { importWithHost, type ImportMigrationModule, type MigrationsRuntime } from './migrations-runtime.ts';
export {
  cliOptionNames,
  defaultMigrationTimeoutMs,
  resolveMigrationsTarget,
  type MigrationsOptionNames,
  type MigrationsTarget,
} from './migrations-target.ts';
export { applyMigrations, isMigrationClass, scriptFiles, type MigrationSteps } from './apply-migrations.ts';
export { listMigrations, type DiskMigrations } from './list-migrations.ts';
export { startServer, withMigratedDatabase } from './migrated-database.ts';
export { replayMigrations, type MigrationOrigins, type MissingObject } from './replay-migrations.ts';
export { formatDuration } from './format-duration.ts';

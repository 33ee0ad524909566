export { drizzleSource, type DrizzleSourceOptions } from './drizzle-source.ts';
export { discoverDrizzleSources } from './discover-drizzle-sources.ts';
export type { DrizzleCasing } from './drizzle-casing.ts';
export { runDrizzleMigrations, type DrizzleMigrationsOptions } from './migrate/run-drizzle-migrations.ts';

export { drizzleSource, type DrizzleSourceOptions } from './drizzle-source.ts';
export { discoverDrizzleSources } from './discover-drizzle-sources.ts';
export type { DrizzleCasing } from './drizzle-casing.ts';

import type { DiscoverSources } from '@ormdrift/core';

/** Placeholder until the Drizzle adapter lands: finds nothing. */
export const discoverDrizzleSources: DiscoverSources = () => [];

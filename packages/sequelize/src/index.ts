import type { DiscoverSources } from '@ormdrift/core';

/** Placeholder until the Sequelize adapter lands: finds nothing. */
export const discoverSequelizeSources: DiscoverSources = () => [];

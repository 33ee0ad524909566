export { sequelizeSource, type SequelizeSourceOptions } from './sequelize-source.ts';
export { discoverSequelizeSources } from './discover-sequelize-sources.ts';
export type { SequelizeInstanceLike, SequelizeModelLike } from './sequelize-shapes.ts';

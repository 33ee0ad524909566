export { sequelizeSource, type SequelizeSourceOptions } from './sequelize-source.ts';
export { discoverSequelizeSources } from './discover-sequelize-sources.ts';
export { isModelClass, isSequelizeExport, isSequelizeInstance } from './recognize.ts';
export type { ModelLike, SequelizeLike } from './sequelize-shapes.ts';

export { sequelizeSource, type SequelizeSourceOptions } from './sequelize-source.ts';
export { discoverSequelizeSources } from './discover-sequelize-sources.ts';
export type { SequelizeInstanceLike, SequelizeModelLike } from './sequelize-shapes.ts';
export { runSequelizeMigrations, type SequelizeMigrationFile, type SequelizeMigrationsOptions } from './migrate/run-sequelize-migrations.ts';

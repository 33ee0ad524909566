export { typeormSource, type TypeormSourceOptions } from './typeorm-source.ts';
export { discoverTypeormSources } from './discover-typeorm-sources.ts';
export { isDataSource, isEntityClass, isEntitySchema, isTypeormExport } from './recognize.ts';
export type { DataSourceLike, EntitySchemaLike, LoadableDataSource } from './typeorm-shapes.ts';
export { runTypeormMigrations, type TypeormMigrationsOptions } from './migrate/run-typeorm-migrations.ts';

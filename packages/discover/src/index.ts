export { findSources, type FindSourcesOptions, type FoundSource } from './find-sources.ts';
export { exportedValues, type ModuleExports } from './exported-values.ts';
export { ormOf, type OrmName } from './orm-brand.ts';

export { runCli } from './cli.ts';
export type { CliIo } from './cli-io.ts';
export { findSources, type ModuleExports } from './discover/find-sources.ts';
export { importModule } from './load/import-module.ts';

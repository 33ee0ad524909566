export { runCli } from './cli.ts';
export type { CliIo } from './cli-io.ts';
export { findSources, exportedValues, type FoundSource, type ModuleExports } from '@ormdrift/discover';
export { importModule } from './load/import-module.ts';
export { defineConfig, type OrmdriftConfig, type RuleEntry } from './config/define-config.ts';

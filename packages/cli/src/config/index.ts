export { configSchema, describeConfigIssue } from './config-schema.ts';
export { defineConfig, type OrmdriftConfig, type RuleEntry } from './define-config.ts';
export { configFileNames, findConfigFile, isProjectRoot, packageJson } from './find-config.ts';
export { loadConfig, type LoadedConfig } from './load-config.ts';
export { resolveCheckInput, type CheckFlags, type CheckInput } from './check-input.ts';
export { detectProject, type DetectedProject } from './detect-project.ts';
export { readConfig } from './read-config.ts';

import { dirname } from 'node:path';
import { getTsconfig } from 'get-tsconfig';

/** The compiler options of a project, read from its tsconfig.json with its `extends` chain merged, without loading TypeScript. */
export interface ProjectConfig {
  /** The tsconfig.json that applies, or undefined when there is none. */
  readonly path: string | undefined;
  readonly compilerOptions: Readonly<Record<string, unknown>>;
}

const byDirectory = new Map<string, ProjectConfig>();

/**
 * The nearest tsconfig.json above a file, as `tsc` finds it (get-tsconfig follows `extends`
 * through files and packages). Cached per directory for the life of the process.
 */
export function projectConfig(file: string): ProjectConfig {
  const directory = dirname(file);
  let config = byDirectory.get(directory);
  if (!config) {
    const found = getTsconfig(directory);
    config = { path: found?.path, compilerOptions: (found?.config.compilerOptions ?? {}) as Record<string, unknown> };
    byDirectory.set(directory, config);
  }
  return config;
}

import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Seconds each test file took in a whole run, keyed `project:file` as Vitest keys its results cache. Written by
 * `node test/support/save-file-durations.mjs` after a whole run; only the order they give matters, so a table a few
 * changes old still schedules well.
 */
const recorded = JSON.parse(readFileSync(new URL('./file-durations.json', import.meta.url), 'utf8')) as Record<string, number>;

/**
 * Runs the longest test files first, across all projects, so that the workers finish together. Vitest's own order
 * runs the projects one after another by name (the `unit` project last) and, without its results cache (a fresh
 * clone, a CI run), keeps each project's files in the order it found them: a file of a minute and a half picked up
 * last ran alone while the other workers sat idle. Files missing from the recorded table run first, largest first,
 * as Vitest runs files it has not timed (a new file is likely the one being worked on).
 */
export class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const root = this.ctx.config.root;
    const key = (file: TestSpecification) => `${file.project.name}:${relative(root, file.moduleId)}`;
    const size = (file: TestSpecification) => this.ctx.cache.getFileStats(key(file))?.size ?? 0;
    return files
      .map((file) => ({ file, seconds: recorded[key(file)], size: size(file) }))
      .sort((a, b) => {
        if (a.seconds === undefined || b.seconds === undefined) {
          if (a.seconds !== b.seconds) return a.seconds === undefined ? -1 : 1;
          return b.size - a.size;
        }
        return b.seconds - a.seconds;
      })
      .map(({ file }) => file);
  }
}

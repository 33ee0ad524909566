import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Seconds each of the slowest files took in a full run on a 2-core CI machine, keyed `project:file` (a file
 * listed without a project weighs the same in every project that runs it). They only decide the order in
 * which files start: a stale number costs time, never a test.
 */
const measuredSeconds: Readonly<Record<string, number>> = {
  'pg18:test/docs-rules-examples.test.ts': 178,
  'pg18:test/fix-property.test.ts': 176,
  'pg18:test/reliability.test.ts': 119,
  'pg18:test/migrations-check.test.ts': 107,
  'pg18:test/loading.test.ts': 71,
  'unit:test/cli-input.unit.test.ts': 71,
  'pg18:test/matchers.test.ts': 70,
  'test/sequences-field.test.ts': 65,
  'pg18:test/cli.test.ts': 64,
  'test/sequelize-oracle.test.ts': 52,
  'test/drizzle-oracle.test.ts': 50,
  'pg18:test/fix-apply-outcome.test.ts': 51,
  'pg18:test/migrations-causes.test.ts': 50,
  'pg18:test/migrations-diff.test.ts': 41,
  'pg16:test/fix-property.test.ts': 37,
  'pg18:test/implied-by-association.test.ts': 38,
  'test/typeorm-oracle.test.ts': 33,
  'pg18:test/fix.test.ts': 31,
  'test/drizzle-indexes.test.ts': 28,
  'pg18:test/migrations-findings.test.ts': 29,
  'unit:test/decorator-metadata.unit.test.ts': 27,
  'pg18:test/migrations-status.test.ts': 26,
  'pg18:test/ci-formats.test.ts': 25,
  'pg18:test/sequelize-field.test.ts': 24,
  'pg18:test/sequelize-indexes.test.ts': 24,
};

/**
 * Starts the longest files first, across all projects, so that the workers finish together instead of one
 * of them running a long file alone at the end. Vitest's own order keeps each project's files together and,
 * on a fresh clone (no results cache), starts the largest files first, which are not the longest: the two
 * longest files (pg18) are among the shortest to read and start only after every file of pg16 and the ORM
 * versions' projects; the many short unit files behind them still even out the end today, a margin that
 * shrinks as files grow. A duration from Vitest's results cache (a previous run here) wins over the table.
 */
export default class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const estimate = (spec: TestSpecification): number => {
      const file = relative(this.ctx.config.root, spec.moduleId).replaceAll('\\', '/');
      const key = `${spec.project.name}:${file}`;
      const cached = this.ctx.cache.getFileTestResults(key);
      if (cached && !cached.failed && cached.duration > 0) return cached.duration / 1000;
      return measuredSeconds[key] ?? measuredSeconds[file] ?? 0;
    };
    const size = (spec: TestSpecification): number => {
      const file = relative(this.ctx.config.root, spec.moduleId).replaceAll('\\', '/');
      return this.ctx.cache.getFileStats(`${spec.project.name}:${file}`)?.size ?? 0;
    };
    return [...files].sort((a, b) => estimate(b) - estimate(a) || size(b) - size(a));
  }
}

import { relative as relativePath } from 'node:path';
import type { SerializedError } from 'vitest';
import type { Reporter, TestModule } from 'vitest/node';

/**
 * Ends the run with one plain line, `Summary: N passed, N failed, N skipped`, that any CI can read.
 * A file that failed outside its tests (on import, or in a `beforeAll` hook that leaves its tests skipped) and
 * each unhandled error count as one failure each, so the line never reads "0 failed" for a red run.
 * Above it, one line per failure (the test or file, and the error's first line and frame): a CI that keeps only
 * the end of the log still shows what failed, however long the reports printed before it are.
 */
export default class ClosingLineReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>): void {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    const failures: string[] = [];
    for (const module of testModules) {
      let failedTests = 0;
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') counts.passed++;
        else if (state === 'failed') {
          failedTests++;
          failures.push(`FAIL ${relative(module.moduleId)} > ${test.fullName}: ${firstLines(test.result().errors?.[0])}`);
        } else counts.skipped++;
      }
      counts.failed += failedTests;
      if (module.state() === 'failed' && failedTests === 0) {
        counts.failed++;
        failures.push(`FAIL ${relative(module.moduleId)}: ${firstLines(module.errors()[0])}`);
      }
    }
    counts.failed += unhandledErrors.length;
    for (const error of unhandledErrors) {
      const path = (error as { VITEST_TEST_PATH?: string }).VITEST_TEST_PATH;
      const file = path ? relative(path) : 'no test file';
      failures.push(`UNHANDLED in ${file}: ${firstLines(error)}`);
    }
    if (failures.length > 0) process.stdout.write(`\n${failures.join('\n')}\n`);
    process.stdout.write(`\nSummary: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`);
  }
}

/** `Name: message` and the first stack frame, on one line. */
function firstLines(error: SerializedError | undefined): string {
  if (!error) return 'no error recorded';
  const frame = error.stack
    ?.split('\n')
    .find((line) => /^\s+at /.test(line))
    ?.trim();
  return `${error.name ?? 'Error'}: ${error.message.split('\n')[0]}${frame ? ` (${frame})` : ''}`;
}

function relative(path: string): string {
  return relativePath(process.cwd(), path);
}

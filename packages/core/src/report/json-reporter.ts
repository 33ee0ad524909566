import type { Reporter } from './reporter.ts';

/**
 * The JSON report, version 1 (documented in the README): a stable contract, so only its documented
 * keys are written, and new keys are only ever added. `notes` says what the adapters could not check;
 * `summary.off`, present when finding codes were turned off, lists them.
 */
export const jsonReporter: Reporter = {
  name: 'json',
  render(result) {
    const report = {
      version: 1,
      findings: result.findings.map((finding) => ({
        code: finding.code,
        severity: finding.severity,
        key: finding.key,
        schema: finding.schema,
        ...(finding.table === undefined ? {} : { table: finding.table }),
        ...(finding.column === undefined ? {} : { column: finding.column }),
        ...(finding.migration === undefined ? {} : { migration: finding.migration }),
        message: finding.message,
        expected: finding.expected,
        actual: finding.actual,
        ...(finding.change === undefined ? {} : { change: finding.change.kind }),
        ...(finding.inherited === undefined ? {} : { inherited: finding.inherited }),
        ...(finding.cause === undefined ? {} : { cause: finding.cause }),
        ...(finding.service === undefined ? {} : { service: finding.service }),
        sources: finding.sources.map((source) => ({
          orm: source.orm,
          registry: source.registry,
          ...(source.model === undefined ? {} : { model: source.model }),
          ...(source.file === undefined ? {} : { file: source.file }),
        })),
      })),
      // the codes turned off (`--rule CODE=off`, config rules): their drift was not looked for, whatever the counts say
      summary: { ...result.summary, ...((result.off ?? []).length === 0 ? {} : { off: result.off }) },
      ...(result.baseline === undefined ? {} : { baseline: result.baseline }),
      notes: result.problems.map((problem) => ({ source: problem.source, type: problem.type, ref: problem.ref, message: problem.message })),
    };
    return `${JSON.stringify(report, null, 2)}\n`;
  },
};

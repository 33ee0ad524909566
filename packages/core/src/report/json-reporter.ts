import type { Reporter } from './reporter.ts';

/** The JSON report, version 1 (documented in the README): a stable contract, so only its documented keys are written. */
export const jsonReporter: Reporter = {
  name: 'json',
  render(result) {
    const report = {
      version: 1,
      findings: result.findings.map((finding) => ({
        code: finding.code,
        severity: finding.severity,
        schema: finding.schema,
        table: finding.table,
        ...(finding.column === undefined ? {} : { column: finding.column }),
        message: finding.message,
        expected: finding.expected,
        actual: finding.actual,
        sources: finding.sources.map((source) => ({
          orm: source.orm,
          registry: source.registry,
          ...(source.model === undefined ? {} : { model: source.model }),
          ...(source.file === undefined ? {} : { file: source.file }),
        })),
      })),
      summary: result.summary,
    };
    return `${JSON.stringify(report, null, 2)}\n`;
  },
};

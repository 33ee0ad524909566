import { createRequire } from 'node:module';
import type { Finding } from '../check/finding.ts';
import { displayName, qualifiedKey } from '../model/qualified-name.ts';
import { xmlAttribute, xmlText } from './escape.ts';
import { escapeText } from './escape-text.ts';
import { baselineLines, describeValue, summaryLine } from './finding-groups.ts';
import { describeCause } from './describe-cause.ts';
import type { Reporter } from './reporter.ts';

interface TestCase {
  readonly schema: string;
  readonly name: string;
  readonly file: string | undefined;
  readonly findings: Finding[];
}

/**
 * JUnit XML, so CI dashboards show tables as tests: one test suite per service (one suite named
 * `ormdrift` when no finding names a service), one test case per declared table and per table with
 * findings. A table with error findings fails (one `<failure>` listing them all), one with only
 * warnings is skipped with them as the note, a clean one passes. XML is written by xmlbuilder2, which
 * escapes markup; every value goes through `xmlText` or `xmlAttribute` first (ampersands, control characters
 * XML cannot carry shown as escapes, and in attributes newlines as `&#10;`, which parsers keep).
 */
export const junitReporter: Reporter = {
  name: 'junit',
  render(result) {
    const suites = new Map<string, Map<string, TestCase>>();
    const suiteOf = (service: string | undefined) => {
      const name = service ?? 'ormdrift';
      const suite = suites.get(name) ?? new Map<string, TestCase>();
      suites.set(name, suite);
      return suite;
    };
    const serviceByTable = new Map<string, string>();
    for (const finding of result.findings) {
      if (finding.service !== undefined && finding.table !== undefined)
        serviceByTable.set(qualifiedKey({ schema: finding.schema, name: finding.table }), finding.service);
    }
    for (const table of result.expected?.tables ?? []) {
      const key = qualifiedKey(table);
      suiteOf(serviceByTable.get(key)).set(key, {
        schema: table.schema,
        name: displayName(table),
        file: table.sources.find((source) => source.file)?.file,
        findings: [],
      });
    }
    for (const finding of result.findings) {
      const key =
        finding.table === undefined ? qualifiedKey({ schema: finding.schema, name: '' }) : qualifiedKey({ schema: finding.schema, name: finding.table });
      const suite = suiteOf(finding.service ?? serviceByTable.get(key));
      const existing = [...suites.values()].find((cases) => cases.has(key))?.get(key);
      const testCase = existing ?? {
        schema: finding.schema,
        name: finding.table === undefined ? `schema ${finding.schema}` : displayName({ schema: finding.schema, name: finding.table }),
        file: finding.sources.find((source) => source.file)?.file,
        findings: [],
      };
      if (!existing) suite.set(key, testCase);
      testCase.findings.push(finding);
    }
    if (suites.size === 0) suiteOf(undefined);

    const totals = { tests: 0, failures: 0, skipped: 0 };
    const root = xmlbuilder2().create({ version: '1.0', encoding: 'UTF-8' }).ele('testsuites', { name: 'ormdrift' });
    for (const [name, cases] of [...suites].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      const counts = { tests: cases.size, failures: 0, skipped: 0 };
      const suite = root.ele('testsuite', { name: xmlAttribute(escapeText(name)) });
      for (const testCase of cases.values()) {
        const element = suite.ele('testcase', {
          classname: xmlAttribute(escapeText(`${name}.${testCase.schema}`)),
          name: xmlAttribute(escapeText(testCase.name)),
          ...(testCase.file ? { file: xmlAttribute(escapeText(testCase.file)) } : {}),
        });
        const errors = testCase.findings.filter((finding) => finding.severity === 'error');
        const warnings = testCase.findings.filter((finding) => finding.severity === 'warning');
        if (errors.length > 0) {
          counts.failures += 1;
          const message = errors.length === 1 ? errors[0]!.message : `${errors.length} errors: ${errors[0]!.message} (and ${errors.length - 1} more)`;
          element
            .ele('failure', { message: xmlAttribute(escapeText(message)), type: errors[0]!.code })
            .txt(xmlText(testCase.findings.map(describeFinding).join('\n')));
        } else if (warnings.length > 0) {
          counts.skipped += 1;
          element.ele('skipped', { message: xmlAttribute(escapeText(warnings.map((finding) => `warning ${finding.code}: ${finding.message}`).join('; '))) });
        }
      }
      suite.att({ tests: String(counts.tests), failures: String(counts.failures), errors: '0', skipped: String(counts.skipped) });
      totals.tests += counts.tests;
      totals.failures += counts.failures;
      totals.skipped += counts.skipped;
    }
    root.att({ tests: String(totals.tests), failures: String(totals.failures), errors: '0', skipped: String(totals.skipped) });
    const notes = [
      summaryLine(result),
      ...baselineLines(result),
      ...result.problems.map((problem) => `note: ${problem.source}: ${problem.ref}: ${problem.message}`),
    ];
    root.ele('system-out').txt(xmlText(notes.map(escapeText).join('\n')));
    return `${root.end({ prettyPrint: true, indent: '  ' })}\n`;
  },
};

function describeFinding(finding: Finding): string {
  const lines = [`${finding.severity} ${finding.code}: ${escapeText(finding.message)}`];
  if (finding.expected !== null && finding.expected !== undefined) lines.push(`  expected ${escapeText(describeValue(finding.expected))}`);
  if (finding.actual !== null && finding.actual !== undefined) lines.push(`  actual   ${escapeText(describeValue(finding.actual))}`);
  const cause = describeCause(finding);
  if (cause) lines.push(`  cause    ${escapeText(cause)}`);
  lines.push(`  key ${escapeText(finding.key)}`);
  return lines.join('\n');
}

/** xmlbuilder2 and its DOM are a tenth of a second to load: loaded when a JUnit report is written, not on every run. */
function xmlbuilder2(): typeof import('xmlbuilder2') {
  return createRequire(import.meta.url)('xmlbuilder2') as typeof import('xmlbuilder2');
}

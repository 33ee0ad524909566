import { isAbsolute, relative, sep } from 'node:path';
import type { Log, ReportingDescriptor, Result } from 'sarif';
import type { Finding } from '../check/finding.ts';
import { rulesMeta } from '../rules/index.ts';
import type { RuleMeta } from '../rules/rule.ts';
import { escapeText } from './escape-text.ts';
import { summaryLine } from './finding-groups.ts';
import { describeCause } from './describe-cause.ts';
import { docsUrl, type Reporter } from './reporter.ts';

/**
 * SARIF 2.1.0 (the OASIS standard GitHub code scanning and IDE viewers read): one run, every rule's
 * metadata (code, description, next step, page, default level) and one result per finding, located at
 * the file (and line, when the adapter knows it) of the model that declares the table, with the
 * schema-qualified name as a logical location and the finding key as its fingerprint. Codes turned off
 * are rule configuration overrides of the invocation (`enabled: false`). JSON
 * serialization escapes every value; control characters are made visible in messages.
 */
export const sarifReporter: Reporter = {
  name: 'sarif',
  render(result, context = {}) {
    const metas: Readonly<Record<string, RuleMeta>> = context.rules ?? rulesMeta;
    const codes = Object.keys(metas);
    const off: readonly string[] = result.off ?? [];
    const rules: ReportingDescriptor[] = codes.map((code) => {
      const meta = metas[code]!;
      const help = docsUrl(meta.docs, context.docsBaseUrl);
      return {
        id: code,
        name: code,
        shortDescription: { text: meta.description },
        fullDescription: { text: `${meta.description} Next step: ${meta.nextStep}.` },
        help: {
          text: `${meta.description} Next step: ${meta.nextStep}. See ${help ?? meta.docs}.`,
          markdown: `${meta.description} Next step: ${meta.nextStep}. See [${meta.code}](${help ?? meta.docs}).`,
        },
        ...(help ? { helpUri: help } : {}),
        defaultConfiguration: { level: defaultLevel(meta) },
      };
    });
    const log: Log = {
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      version: '2.1.0',
      runs: [
        {
          tool: { driver: { name: 'ormdrift', ...(context.version ? { semanticVersion: context.version } : {}), rules } },
          ...(context.cwd ? { originalUriBaseIds: { SRCROOT: { uri: directoryUri(context.cwd) } } } : {}),
          results: result.findings.map((finding) => toResult(finding, codes.indexOf(finding.code), context.cwd)),
          invocations: [
            {
              executionSuccessful: true,
              // SARIF's own record of a rule turned off for this run: a configuration override with `enabled: false`
              ...(off.length > 0
                ? {
                    ruleConfigurationOverrides: off.map((code) => ({
                      descriptor: { id: code, ...(codes.includes(code) ? { index: codes.indexOf(code) } : {}) },
                      configuration: { enabled: false },
                    })),
                  }
                : {}),
              toolExecutionNotifications: [
                { message: { text: escapeText(summaryLine(result)) }, level: 'note' },
                ...result.problems.map((problem) => ({
                  message: { text: escapeText(`${problem.source}: ${problem.ref}: ${problem.message}`) },
                  level: 'warning' as const,
                })),
              ],
            },
          ],
        },
      ],
    };
    return `${JSON.stringify(log, null, 2)}\n`;
  },
};

/** The level a rule reports at without configuration: an error when any of its messages is one. */
function defaultLevel(meta: RuleMeta): 'error' | 'warning' {
  return Object.values(meta.messages).includes('error') ? 'error' : 'warning';
}

function toResult(finding: Finding, ruleIndex: number, cwd: string | undefined): Result {
  const name = [finding.schema, finding.table, finding.column].filter((part) => part !== undefined).join('.');
  const source = finding.sources.find((candidate) => candidate.file);
  const cause = describeCause(finding);
  return {
    ruleId: finding.code,
    ...(ruleIndex >= 0 ? { ruleIndex } : {}),
    level: finding.severity,
    message: { text: escapeText(cause ? `${finding.message}. ${cause}` : finding.message) },
    locations: [
      {
        ...(source?.file
          ? { physicalLocation: { artifactLocation: artifact(source.file, cwd), ...(source.line ? { region: { startLine: source.line } } : {}) } }
          : {}),
        logicalLocations: [{ fullyQualifiedName: escapeText(name), kind: finding.column === undefined ? 'type' : 'member' }],
      },
    ],
    partialFingerprints: { 'ormdriftKey/v1': finding.key },
    properties: {
      key: finding.key,
      schema: finding.schema,
      ...(finding.table ? { table: finding.table } : {}),
      ...(finding.column ? { column: finding.column } : {}),
      expected: finding.expected,
      actual: finding.actual,
      ...(finding.cause ? { cause: finding.cause } : {}),
    },
  };
}

/** A file relative to the run's root (`%SRCROOT%`) when under it, as a percent-encoded URI reference. */
function artifact(file: string, cwd: string | undefined): { uri: string; uriBaseId?: string } {
  const path = cwd && isAbsolute(file) ? relative(cwd, file) : file;
  if (isAbsolute(path) || path.startsWith('..')) return { uri: new URL(`file://${isAbsolute(path) ? '' : '/'}${path.split(sep).join('/')}`).href };
  return { uri: path.split(sep).map(encodeURIComponent).join('/'), ...(cwd ? { uriBaseId: 'SRCROOT' } : {}) };
}

function directoryUri(directory: string): string {
  const href = new URL(`file://${directory.split(sep).join('/')}`).href;
  return href.endsWith('/') ? href : `${href}/`;
}

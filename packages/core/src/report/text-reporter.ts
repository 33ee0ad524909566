import { qualifiedAsPrinted } from '../sql/quote.ts';
import type { Finding } from '../check/finding.ts';
import { rulesMeta } from '../rules/index.ts';
import type { RuleMeta } from '../rules/rule.ts';
import { describeCause } from './describe-cause.ts';
import { baselineLines, describeValue, isClean, summaryLine } from './finding-groups.ts';
import { escapeText } from './escape-text.ts';
import type { Reporter } from './reporter.ts';

export interface TextReporterOptions {
  /** ANSI colours; the CLI turns them on only for a TTY without NO_COLOR. */
  readonly color?: boolean;
}

/** Findings grouped by table, each with what the models expect and what the database has. */
export function createTextReporter(options: TextReporterOptions = {}): Reporter {
  const paint = (code: number, text: string) => (options.color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const red = (text: string) => paint(31, text);
  const yellow = (text: string) => paint(33, text);
  const dim = (text: string) => paint(2, text);
  const bold = (text: string) => paint(1, text);

  return {
    name: 'text',
    render(result, context = {}) {
      const lines: string[] = [];
      const groups = new Map<string, Finding[]>();
      for (const finding of result.findings) {
        const key = finding.table === undefined ? finding.schema : qualifiedAsPrinted({ schema: finding.schema, name: finding.table });
        groups.set(key, [...(groups.get(key) ?? []), finding]);
      }
      for (const [table, findings] of groups) {
        lines.push(bold(escapeText(table)));
        for (const finding of findings) {
          const severity = finding.severity === 'error' ? red('error  ') : yellow('warning');
          lines.push(`  ${severity} ${escapeText(finding.message)}  ${dim(finding.code)}`);
          if (finding.expected !== null && finding.expected !== undefined)
            lines.push(`          ${dim('expected')} ${escapeText(describeValue(finding.expected))}`);
          if (finding.actual !== null && finding.actual !== undefined) lines.push(`          ${dim('actual  ')} ${escapeText(describeValue(finding.actual))}`);
          const cause = describeCause(finding);
          if (cause) lines.push(`          ${dim('cause   ')} ${escapeText(cause)}`);
        }
        lines.push('');
      }
      const mark = isClean(result) ? paint(32, '✔') : result.summary.errors > 0 ? red('✖') : yellow('!');
      lines.push(`${mark} ${summaryLine(result)}`);
      for (const line of baselineLines(result)) lines.push(dim(escapeText(line)));
      for (const problem of result.problems) lines.push(yellow(escapeText(`note: ${problem.source}: ${problem.ref}: ${problem.message}`)));
      if (result.findings.length > 0)
        lines.push(...nextSteps(result.findings, context.rules ?? rulesMeta, context.nextStep, context.builtFromMigrations === true));
      return `${lines.join('\n')}\n`;
    },
  };
}

/**
 * How many findings of each code, most first, and the next step for the largest group (errors before
 * warnings): with 300 findings, where to start.
 */
function nextSteps(
  findings: readonly Finding[],
  metas: Readonly<Record<string, RuleMeta>>,
  override: string | undefined,
  builtFromMigrations: boolean,
): string[] {
  const groups = new Map<string, { count: number; errors: number }>();
  for (const finding of findings) {
    const group = groups.get(finding.code) ?? { count: 0, errors: 0 };
    groups.set(finding.code, { count: group.count + 1, errors: group.errors + (finding.severity === 'error' ? 1 : 0) });
  }
  const order = Object.keys(metas);
  const sorted = [...groups].sort(([a, left], [b, right]) => right.count - left.count || order.indexOf(a) - order.indexOf(b));
  const lines = [`by code: ${sorted.map(([code, { count }]) => `${count} ${code}`).join(', ')}`];
  if (override !== undefined) return [...lines, `next: ${escapeText(override)}`];
  const [code] = [...sorted].sort(
    ([a, left], [b, right]) => Number(right.errors > 0) - Number(left.errors > 0) || right.count - left.count || order.indexOf(a) - order.indexOf(b),
  )[0]!;
  const meta = metas[code];
  if (meta) lines.push(`next: ${(builtFromMigrations ? meta.migrationsNextStep : undefined) ?? meta.nextStep} (${code}, see ${meta.docs})`);
  return lines;
}

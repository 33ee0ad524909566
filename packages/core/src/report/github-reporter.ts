import { qualifiedAsPrinted } from '../sql/quote.ts';
import type { Finding } from '../check/finding.ts';
import { workflowCommandData, workflowCommandProperty } from './escape.ts';
import { escapeText } from './escape-text.ts';
import { baselineLines, summaryLine } from './finding-groups.ts';
import { describeCause } from './describe-cause.ts';
import type { Reporter } from './reporter.ts';

/**
 * GitHub Actions workflow commands: one `::error` or `::warning` annotation per finding, at the file
 * (and line, when known) of the model that declares the table, so findings show on the pull request;
 * then the summary as plain log lines. Properties and messages are escaped as the Actions toolkit
 * escapes them, so a name with `%`, `:`, `,` or a newline cannot end or forge a command. The job
 * summary (`GITHUB_STEP_SUMMARY`) is the Markdown report; the CLI writes it.
 */
export const githubReporter: Reporter = {
  name: 'github',
  render(result) {
    const lines = result.findings.map(annotation);
    for (const problem of result.problems)
      lines.push(
        `::notice title=${workflowCommandProperty('ormdrift: not checked')}::${workflowCommandData(escapeText(`${problem.source}: ${problem.ref}: ${problem.message}`))}`,
      );
    lines.push(...[summaryLine(result), ...baselineLines(result)].map(escapeText).map(stopCommands));
    return `${lines.join('\n')}\n`;
  },
};

function annotation(finding: Finding): string {
  const source = finding.sources.find((candidate) => candidate.file);
  const place = finding.table === undefined ? finding.schema : qualifiedAsPrinted({ schema: finding.schema, name: finding.table });
  const properties = [
    ...(source?.file ? [`file=${workflowCommandProperty(source.file)}`] : []),
    ...(source?.file && source.line ? [`line=${source.line}`] : []),
    `title=${workflowCommandProperty(`ormdrift ${finding.code}: ${place}`)}`,
  ];
  // names inside the message are escaped (a newline in one shows as `\n`): only the break before the cause is a line
  const cause = describeCause(finding);
  const message = cause ? `${escapeText(finding.message)}\n${escapeText(cause)}` : escapeText(finding.message);
  return `::${finding.severity === 'error' ? 'error' : 'warning'} ${properties.join(',')}::${workflowCommandData(message)}`;
}

/**
 * A plain log line that starts with `::` would be read as a command, even after spaces (the runner trims them
 * first): prefix it with a word.
 */
function stopCommands(line: string): string {
  return /^\s*::/.test(line) ? `ormdrift: ${line.trimStart()}` : line;
}

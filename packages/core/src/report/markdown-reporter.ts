import type { CheckResult, Finding } from '../check/finding.ts';
import { displayName, qualifiedKey } from '../model/qualified-name.ts';
import type { QualifiedName, TableModel } from '../model/schema-model.ts';
import { rulesMeta } from '../rules/index.ts';
import { markdownText, mermaidString, mermaidWord } from './escape.ts';
import { baselineLines, describeValue, groupFindings, isClean, plural, summaryLine, type FindingGroup } from './finding-groups.ts';
import { describeCause } from './describe-cause.ts';
import { docsUrl, type Reporter } from './reporter.ts';

/** GitHub's limit on the body of a pull-request comment, in characters. */
export const githubCommentLimit = 65_536;

export interface MarkdownReporterOptions {
  /** The most characters the report may have; it is truncated with a note past it. Default: GitHub's comment limit. */
  readonly maxLength?: number;
}

/**
 * A report for a pull-request comment or a job summary (GitHub-flavoured Markdown): a summary line, a
 * table of findings per table with their details collapsed, and a Mermaid ER diagram of the tables
 * with findings. Every name and value from the models or the database is escaped; past `maxLength`
 * the tables that do not fit are left out and a closing note says how many.
 */
export function createMarkdownReporter(options: MarkdownReporterOptions = {}): Reporter {
  const maxLength = options.maxLength ?? githubCommentLimit;
  return {
    name: 'markdown',
    render(result, context = {}) {
      const metas = context.rules ?? rulesMeta;
      const { errors } = result.summary;
      const icon = isClean(result) ? '✅' : errors > 0 ? '❌' : '⚠️';
      const head = [`## ${icon} ormdrift: ${summaryLine(result)}`, ''];
      const notes = [
        ...baselineLines(result).map((line) => `> ${markdownText(line.trim())}`),
        ...result.problems.map((problem) => `> **note** ${markdownText(`${problem.source}: ${problem.ref}: ${problem.message}`)}`),
      ];
      if (notes.length > 0) head.push(...notes.flatMap((line) => [line, '>']).slice(0, -1), '');
      const groups = groupFindings(result.findings);
      const sections = groups.map((group) => section(group, metas, context.docsBaseUrl));
      const diagram = result.findings.length === 0 ? '' : erDiagram(result);

      let text = `${head.join('\n').trimEnd()}\n\n`;
      let shown = 0;
      const reserve = 400; // room for the truncation note
      for (const body of sections) {
        if (text.length + body.length + reserve > maxLength) break;
        text += body;
        shown += 1;
      }
      if (shown < sections.length) {
        const left = groups.slice(shown);
        const count = left.reduce((sum, group) => sum + group.findings.length, 0);
        return `${text}\n> **Truncated** to stay under ${maxLength} characters: ${plural(left.length, 'more table')} with ${plural(count, 'finding')} not shown. Run \`ormdrift check --format text\` for the full report.\n`;
      }
      if (diagram && text.length + diagram.length <= maxLength) text += diagram;
      return text;
    },
  };
}

function section(group: FindingGroup, metas: Readonly<Record<string, { docs: string }>>, docsBaseUrl: string | undefined): string {
  const title = group.service === undefined ? group.title : `${group.service} · ${group.title}`;
  const lines = [
    `### ${markdownText(title)} (${plural(group.findings.length, 'finding')})`,
    '',
    '| severity | code | column | message |',
    '| --- | --- | --- | --- |',
  ];
  for (const finding of group.findings) {
    const severity = finding.severity === 'error' ? '❌ error' : '⚠️ warning';
    const docs = docsUrl(metas[finding.code]?.docs, docsBaseUrl);
    const code = docs ? `[${markdownText(finding.code)}](${docs})` : markdownText(finding.code);
    lines.push(`| ${severity} | ${code} | ${finding.column === undefined ? '' : markdownText(finding.column)} | ${markdownText(finding.message)} |`);
  }
  lines.push('', '<details><summary>Details</summary>', '');
  for (const finding of group.findings) lines.push(...details(finding));
  lines.push('</details>', '', '');
  return lines.join('\n');
}

function details(finding: Finding): string[] {
  const lines = [
    `- ${markdownText(finding.code)} ${finding.column === undefined ? '' : `on ${markdownText(finding.column)} `}· key ${markdownText(finding.key)}`,
  ];
  if (finding.expected !== null && finding.expected !== undefined) lines.push(`  - expected: ${markdownText(describeValue(finding.expected))}`);
  if (finding.actual !== null && finding.actual !== undefined) lines.push(`  - actual: ${markdownText(describeValue(finding.actual))}`);
  const declared = finding.sources
    .map((source) => [source.model, source.file && (source.line ? `${source.file}:${source.line}` : source.file)].filter(Boolean).join(' in '))
    .filter(Boolean);
  if (declared.length > 0) lines.push(`  - declared by: ${markdownText(declared.join(', '))}`);
  const cause = describeCause(finding);
  if (cause) lines.push(`  - cause: ${markdownText(cause)}`);
  lines.push('');
  return lines;
}

/**
 * A Mermaid ER diagram of the tables with findings: their key, foreign-key and drifted columns (the
 * drifted ones marked with their codes), the foreign keys between them and to the tables they point to.
 */
function erDiagram(result: CheckResult): string {
  const declared = new Map((result.expected?.tables ?? []).map((table) => [qualifiedKey(table), table]));
  const drifted = new Map<string, Finding[]>();
  for (const finding of result.findings) {
    if (finding.table === undefined) continue;
    const key = qualifiedKey({ schema: finding.schema, name: finding.table });
    drifted.set(key, [...(drifted.get(key) ?? []), finding]);
  }
  if (drifted.size === 0) return '';

  // Entities: the tables with findings and the tables their foreign keys point to.
  const entities = new Map<string, QualifiedName>();
  for (const finding of result.findings)
    if (finding.table !== undefined)
      entities.set(qualifiedKey({ schema: finding.schema, name: finding.table }), { schema: finding.schema, name: finding.table });
  for (const key of drifted.keys()) for (const fk of declared.get(key)?.foreignKeys ?? []) entities.set(qualifiedKey(fk.references), fk.references);
  const names = entityNames([...entities.values()]);

  const lines = ['erDiagram'];
  for (const [key, name] of entities) {
    const table = declared.get(key);
    const marks = drifted.get(key) ?? [];
    const attributes = attributesOf(table, marks);
    const label = `%% ${mermaidString(displayName(name))}${marks.length > 0 ? `: ${plural(marks.length, 'finding')}` : ''}`;
    lines.push(`  ${label}`);
    if (attributes.length === 0) lines.push(`  ${names.get(key)!}`);
    else lines.push(`  ${names.get(key)!} {`, ...attributes.map((line) => `    ${line}`), '  }');
  }
  for (const key of drifted.keys()) {
    const table = declared.get(key);
    for (const fk of table?.foreignKeys ?? []) {
      const target = names.get(qualifiedKey(fk.references));
      const missing = (drifted.get(key) ?? []).some((finding) => finding.code === 'missing-foreign-key' && sameColumns(finding, fk.columns));
      lines.push(`  ${names.get(key)!} }o--|| ${target!} : "${mermaidString(`${fk.columns.join(', ')}${missing ? ' (missing in the database)' : ''}`)}"`);
    }
  }
  return ['### Tables with findings', '', '```mermaid', ...lines, '```', ''].join('\n');
}

function sameColumns(finding: Finding, columns: readonly string[]): boolean {
  const expected = finding.expected as { columns?: unknown } | null;
  return Array.isArray(expected?.columns) && expected.columns.join('\u0000') === columns.join('\u0000');
}

/** Key, foreign-key and drifted columns as Mermaid attributes; drifted ones carry their codes as the comment. */
function attributesOf(table: TableModel | undefined, findings: readonly Finding[]): string[] {
  const codes = new Map<string, string[]>();
  for (const finding of findings) if (finding.column !== undefined) codes.set(finding.column, [...(codes.get(finding.column) ?? []), finding.code]);
  const lines: string[] = [];
  const seen = new Set<string>();
  const fkColumns = new Set(table?.foreignKeys.flatMap((fk) => fk.columns) ?? []);
  const pkColumns = new Set(table?.primaryKey?.columns ?? []);
  for (const column of table?.columns ?? []) {
    if (!pkColumns.has(column.name) && !fkColumns.has(column.name) && !codes.has(column.name)) continue;
    seen.add(column.name);
    const keys = [pkColumns.has(column.name) ? 'PK' : '', fkColumns.has(column.name) ? 'FK' : ''].filter(Boolean).join(', ');
    lines.push(attribute(column.type.name, column.name, keys, codes.get(column.name)));
  }
  // Columns only the database has (extra-column) are drifted too.
  for (const finding of findings) {
    if (finding.column === undefined || seen.has(finding.column)) continue;
    seen.add(finding.column);
    const actual = finding.actual as { type?: unknown } | null;
    lines.push(attribute(typeof actual?.type === 'string' ? actual.type : 'unknown', finding.column, '', codes.get(finding.column)));
  }
  return lines;
}

function attribute(type: string, name: string, keys: string, codes: readonly string[] | undefined): string {
  const comment = codes ? ` "${mermaidString(`drift: ${codes.join(', ')}`)}"` : '';
  return `${mermaidWord(type)} ${mermaidWord(name)}${keys ? ` ${keys}` : ''}${comment}`;
}

/** Mermaid entity names: the table name made a Mermaid word, qualified by schema and numbered only when needed. */
function entityNames(tables: readonly QualifiedName[]): Map<string, string> {
  const names = new Map<string, string>();
  const used = new Set<string>();
  for (const table of tables) {
    let name = mermaidWord(table.schema === 'public' ? table.name : `${table.schema}_${table.name}`);
    for (let n = 2; used.has(name); n += 1) name = `${mermaidWord(table.name)}_${n}`;
    used.add(name);
    names.set(qualifiedKey(table), name);
  }
  return names;
}

/**
 * Names written to break line-based formats, read back the way each format's consumer reads it: the GitHub runner's
 * workflow-command parser, a strict XML parser, JSON.parse, a Markdown table, a terminal. A name may hold a newline
 * followed by a forged verdict, a carriage return, literal percent-escapes and `::`, a terminal escape, a table-cell
 * bar, a CDATA terminator and entity-looking text; none may add a line, a command, a cell or another character.
 */
import sax from 'sax';
import { describe, expect, it } from 'vitest';
import { escapeText, evaluate, mergeRegistries, qualifiedAsPrinted, reporters, type CheckResult } from '@ormdrift/core';
import { column, dbTable, schema, source, table } from './support/models.ts';

const forged = '✔ no drift: 9 declared tables match the database';
const names = [
  `forged\n${forged}`,
  'carriage\rreturn',
  'percent%0Aliteral%25::error::x',
  'ansi\u001b[31mred',
  'pipe|cell',
  'cdata]]>end',
  'entities&lt;&#10;&foo;',
];

/** Every hostile name is a declared table the database lacks (missing-table), plus one kept table with a hostile extra column. */
const result: CheckResult = evaluate({
  expected: mergeRegistries([
    schema([
      ...names.map((name) => table(name, [column('id', 'integer')], { sources: [source('Odd')] })),
      table('kept', [column('id', 'integer')], { sources: [source('Kept')] }),
    ]),
  ]),
  actual: schema([dbTable('kept', [column('id', 'integer'), column(`col\n${forged}`, 'text', { nullable: true })])]),
});

const summary = '7 errors, 1 warning in 8 declared tables';
const render = (format: keyof typeof reporters) => reporters[format]().render(result, { cwd: '/repo' });

/** The GitHub runner's reading of one log line (`ActionCommand.TryParseV2`): leading spaces trimmed, then `::name props::data`. */
function runnerCommand(line: string): { command: string; properties: Record<string, string>; data: string } | undefined {
  const message = line.trimStart();
  if (!message.startsWith('::')) return undefined;
  const end = message.indexOf('::', 2);
  if (end < 0) return undefined;
  const info = message.slice(2, end);
  const space = info.indexOf(' ');
  const command = space < 0 ? info : info.slice(0, space);
  if (!['error', 'warning', 'notice', 'debug', 'group', 'endgroup', 'add-mask', 'stop-commands'].includes(command)) return undefined;
  const properties: Record<string, string> = {};
  for (const pair of (space < 0 ? '' : info.slice(space + 1)).split(',').filter(Boolean)) {
    const [key, value] = pair.split(/=(.*)/s);
    if (key && value)
      properties[key] = runnerUnescape(value, [
        ['%0D', '\r'],
        ['%0A', '\n'],
        ['%3A', ':'],
        ['%2C', ','],
        ['%25', '%'],
      ]);
  }
  return {
    command,
    properties,
    data: runnerUnescape(message.slice(end + 2), [
      ['%0D', '\r'],
      ['%0A', '\n'],
      ['%25', '%'],
    ]),
  };
}

/** The runner's unescaping: each mapping replaced in turn, `%25` last. */
function runnerUnescape(text: string, mappings: readonly [string, string][]): string {
  return mappings.reduce((value, [from, to]) => value.split(from).join(to), text);
}

describe('hostile names, read back by each format’s consumer', () => {
  it('the fixture carries every hostile name into a finding', () => {
    expect(result.findings.filter((finding) => finding.code === 'missing-table').map((finding) => finding.table)).toEqual(expect.arrayContaining(names));
    expect(result.findings.some((finding) => finding.column === `col\n${forged}`)).toBe(true);
  });

  it('github: one command per finding, each name escaped so it adds no line, command or verdict', () => {
    const lines = render('github').trimEnd().split('\n');
    const commands = lines.map(runnerCommand);
    expect(commands.filter(Boolean)).toHaveLength(result.findings.length);
    // the plain lines are the summary only: nothing a name held became a line of the log
    expect(lines.filter((_, index) => !commands[index])).toEqual([summary]);
    for (const finding of result.findings) {
      const place = qualifiedAsPrinted({ schema: finding.schema, name: finding.table! });
      const annotation = commands.find((command) => command?.properties['title'] === `ormdrift ${finding.code}: ${escapeText(place)}`);
      expect(annotation, place).toBeDefined();
      // as GitHub shows the annotation: the message on one line, the name's newline visible as \n
      expect(annotation!.data).toBe(escapeText(finding.message));
      expect(annotation!.data.split('\n')).toHaveLength(1);
    }
    const percent = commands.find((command) => command?.data.includes('percent'))!;
    expect(percent.data).toContain('"percent%0Aliteral%25::error::x"');
    for (const command of commands) expect(command?.data ?? '').not.toMatch(/[\r\u001b]|^✔/m);
  });

  it('github: a plain line that starts with :: (after spaces) cannot become a command', () => {
    const baseline: CheckResult = {
      ...result,
      baseline: { file: 'b.json', accepted: 0, fixed: [{ key: '::error::forged', count: 1 }] },
    };
    const lines = reporters.github().render(baseline).trimEnd().split('\n');
    expect(lines.map(runnerCommand).filter(Boolean)).toHaveLength(result.findings.length);
    expect(lines).toContain('ormdrift: ::error::forged');
  });

  it('junit: a strict XML parser reads every name back exactly, newlines kept as &#10;, controls shown as escapes', () => {
    const xml = render('junit');
    expect(xml).toContain('name="forged&#10;✔ no drift');
    const testCases: string[] = [];
    const attributes: string[] = [];
    let text = '';
    const parser = sax.parser(true);
    parser.onopentag = (node) => {
      const values = Object.values(node.attributes).map(String);
      attributes.push(...values);
      if (node.name === 'testcase') testCases.push(String(node.attributes['name']));
    };
    parser.ontext = (chunk) => {
      text += chunk;
    };
    parser.write(xml).close();
    expect(testCases.sort()).toEqual([...names.map((name) => name.replace('\r', '\\r').replace('\u001b', '\\x1b')), 'kept'].sort());
    for (const value of [...attributes, text]) expect(value).not.toMatch(/[\r\u001b]/);
    expect(text).toContain(summary);
  });

  it('markdown: every table row keeps its four cells and no name starts a line', () => {
    const output = render('markdown');
    const [markdown] = output.split('```mermaid');
    for (const line of markdown!.split('\n')) {
      expect(line).not.toMatch(/^✔|\u001b|\r/);
      if (line.startsWith('| ') && !line.startsWith('| severity') && !line.startsWith('| ---')) expect(line.split(/(?<!\\)\|/)).toHaveLength(6);
    }
    expect(output).toContain('pipe\\|cell');
    expect(output).toContain('cdata\\]\\]&gt;end');
    expect(output).toContain('ansi\\\\001b\\[31mred');
    expect(output).toContain('forged\\\\000a✔ no drift');
  });

  it("text: a name holding a control character is printed in PostgreSQL's Unicode-escape form, never as a line", () => {
    const output = reporters.text({ color: false }).render(result);
    const lines = output.trimEnd().split('\n');
    expect(lines.filter((line) => line.startsWith('✔'))).toEqual([]);
    expect(lines).toContain(`✖ ${summary}`);
    expect(lines).toContain(`U&"forged\\000a${forged}"`);
    expect(lines).toContain('U&"ansi\\001b[31mred"');
    expect(lines).toContain('U&"carriage\\000dreturn"');
    for (const line of lines) expect(line).not.toMatch(/[\r\u001b]/);
  });

  it('json and sarif: the names arrive unchanged through JSON escaping', () => {
    const json = JSON.parse(render('json')) as { findings: { table: string }[] };
    expect(json.findings.map((finding) => finding.table)).toEqual(expect.arrayContaining(names));
    const sarif = JSON.parse(render('sarif'));
    expect(sarif.runs[0].results.map((entry: { properties: { table: string } }) => entry.properties.table)).toEqual(expect.arrayContaining(names));
    for (const entry of sarif.runs[0].results) expect(entry.message.text).not.toMatch(/[\n\r\u001b]/);
  });
});

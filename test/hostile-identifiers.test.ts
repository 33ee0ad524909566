/**
 * Property: any identifier PostgreSQL accepts — control characters, quotes, backslashes, bidirectional overrides,
 * emoji, names past the 63-byte limit — survives introspection exactly (as PostgreSQL truncated it), reaches the JSON
 * report unchanged, and reaches the text and GitHub reports escaped: it never adds a line or a workflow command and
 * never carries a control character.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { escapeText, evaluate, mergeRegistries, qualifiedAsPrinted, reporters, type SchemaModel, type TableModel } from '@ormdrift/core';
import { postgresIntrospector } from '@ormdrift/postgres';
import { createTestDatabase, type TestDatabase } from './support/test-database.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.drop());

const hostile = [
  '\u001b',
  '[',
  '2',
  'J',
  '\n',
  '\r',
  '\t',
  '\u0007',
  '\u007f',
  '\u009b',
  '"',
  "'",
  '\\',
  ' ',
  '.',
  'a',
  'Z',
  'é',
  'ß',
  '✔',
  '😀',
  '\u202e',
  '\u2066',
  '\u200b',
  '\ufeff',
  '\u2028',
];
const identifier = fc.oneof(
  fc.string({ unit: fc.constantFrom(...hostile), minLength: 1, maxLength: 80 }),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }).filter((text) => !text.includes('\u0000')),
);

/** What PostgreSQL keeps of an identifier: at most 63 bytes of UTF-8, cut at a character boundary. */
function truncated(name: string): string {
  let bytes = 0;
  let kept = '';
  for (const char of name) {
    bytes += Buffer.byteLength(char);
    if (bytes > 63) break;
    kept += char;
  }
  return kept;
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
const unsafe = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/u;

it('random identifiers round-trip through introspection and never control the text report', async () => {
  let run = 0;
  await fc.assert(
    fc.asyncProperty(fc.uniqueArray(identifier, { minLength: 1, maxLength: 4, selector: truncated }), identifier, async (tableNames, columnName) => {
      const schema = `hostile_${run++}`;
      await database.query(
        [`create schema ${schema}`, ...tableNames.map((name) => `create table ${schema}.${quote(name)} (${quote(columnName)} integer)`)].join(';\n'),
      );
      try {
        const actual = await postgresIntrospector(database.url).introspect({ schemas: [schema] });
        expect(actual.tables.map((table) => table.name).sort()).toEqual(tableNames.map(truncated).sort());
        for (const table of actual.tables) expect(table.columns.map((column) => column.name)).toEqual([truncated(columnName)]);

        // The models expect one more column in each table (named like the real one, plus a suffix): one
        // missing-column finding per table, whose message, expected and actual carry the hostile names.
        const declared: TableModel[] = actual.tables.map((table) => ({
          ...table,
          columns: [...table.columns, { ...table.columns[0]!, name: `${table.columns[0]!.name}\n2` }],
          sources: [{ orm: 'test', registry: 'hostile', model: table.name }],
        }));
        const expected: SchemaModel = { tables: declared, enums: [] };
        const result = { ...evaluate({ expected: mergeRegistries([expected]), actual, schemas: [schema] }), problems: [] };
        expect(result.findings.length).toBeGreaterThanOrEqual(tableNames.length);

        const text = reporters.text().render(result);
        expect(text).not.toMatch(unsafe);
        const lines = text.split('\n');
        // each table's header names it as PostgreSQL prints it, quoted where SQL needs quotes
        const header = (name: string) => escapeText(qualifiedAsPrinted({ schema, name }));
        for (const table of actual.tables) expect(lines).toContain(header(table.name));
        // every line is one the reporter wrote: a table header, a finding, its expected/actual, a blank, or the verdict
        const headers = new Set(actual.tables.map((table) => header(table.name)));
        for (const line of lines)
          expect(line === '' || headers.has(line) || /^( {2}(error {2}|warning) | {10}(expected|actual {2}) |[✖!] |by code: |next: )/.test(line)).toBe(true);

        // GitHub Actions: one workflow command per finding, then the summary; no name adds a line or a command
        // (the runner reads a command at any line start, after spaces)
        const github = reporters.github().render(result).trimEnd().split('\n');
        expect(github).toHaveLength(result.findings.length + 1);
        expect(github.filter((line) => /^\s*::(error|warning) /.test(line))).toHaveLength(result.findings.length);
        expect(github.at(-1)).toMatch(/^\d+ errors?, \d+ warnings? in /);
        for (const line of github) expect(line).not.toMatch(unsafe);
        // as GitHub shows an annotation (the runner decodes %0A): one line, since these findings have no cause
        for (const line of github.slice(0, -1)) expect(line.slice(line.indexOf('::', 2))).not.toContain('%0A');

        const json = JSON.parse(reporters.json().render(result)) as { findings: { table: string }[] };
        expect(new Set(json.findings.map((finding) => finding.table))).toEqual(new Set(actual.tables.map((table) => table.name)));
      } finally {
        await database.query(`drop schema ${schema} cascade`);
      }
    }),
    { numRuns: 25 },
  );
}, 120_000);

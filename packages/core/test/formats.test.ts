import { readFileSync } from 'node:fs';
import Ajv, { type ValidateFunction } from 'ajv-draft-04';
import { create } from 'xmlbuilder2';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluate, mergeRegistries, reporters, type CheckResult, type Provenance, type ReporterName } from '@ormdrift/core';
import { column, dbTable, foreignKey, schema, table } from './support/models.ts';

const declared = (model: string, orm: string, file: string, line?: number): Provenance => ({
  orm,
  registry: 'default',
  model,
  file,
  ...(line ? { line } : {}),
});

/**
 * A drifted database with the shapes every format must carry: a missing table, a missing column, a
 * too-wide type, a NOT NULL column nobody declares, a dropped foreign key, a table nobody declares, a
 * clean table, a note from an adapter, and names written to break formats (`|`, `<`, `@`, `%`, `:`,
 * `,`, a newline and a terminal escape).
 */
const drifted: CheckResult = {
  ...evaluate({
    expected: mergeRegistries([
      schema([
        table('users', [column('id', 'integer'), column('email', 'varchar(255)')], {
          primaryKey: ['id'],
          sources: [declared('User', 'typeorm', 'src/entity/user.ts', 12)],
        }),
        table(
          'user_sessions',
          [
            column('id', 'integer'),
            column('user_id', 'integer'),
            column('title', 'varchar(50)', { nullable: true }),
            column('message_count', 'integer', { nullable: true, default: '0' }),
          ],
          {
            primaryKey: ['id'],
            foreignKeys: [foreignKey(['user_id'], 'users(id)', { onDelete: 'CASCADE' })],
            sources: [declared('UserSession', 'sequelize', 'src/models/session.ts')],
          },
        ),
        table('teams', [column('id', 'uuid', { default: 'gen_random_uuid()' })], {
          primaryKey: ['id'],
          sources: [declared('Team', 'drizzle', 'src/db/schema.ts', 40)],
        }),
        table('odd|<b>@team%1:2,3', [column('id', 'integer'), column('note\nline\u001b[31m', 'text')], {
          primaryKey: ['id'],
          sources: [declared('Odd', 'typeorm', 'src/odd, file:1.ts', 3)],
        }),
      ]),
    ]),
    actual: schema([
      dbTable('users', [column('id', 'integer'), column('email', 'character varying(255)')], { primaryKey: ['id'] }),
      dbTable(
        'user_sessions',
        [column('id', 'integer'), column('user_id', 'integer'), column('title', 'character varying(255)', { nullable: true }), column('tenant_id', 'integer')],
        { primaryKey: ['id'] },
      ),
      dbTable('legacy_audit', [column('id', 'bigint'), column('payload', 'jsonb', { nullable: true })]),
      dbTable('odd|<b>@team%1:2,3', [column('id', 'integer')], { primaryKey: ['id'] }),
    ]),
  }),
  problems: [
    { type: 'unsupported-type', ref: 'User.avatar', message: 'design:type is Object; give the column an explicit type', source: 'typeorm:AppDataSource' },
  ],
};

const clean: CheckResult = evaluate({
  expected: mergeRegistries([schema([table('users', [column('id', 'integer')], { primaryKey: ['id'] })])]),
  actual: schema([dbTable('users', [column('id', 'integer')], { primaryKey: ['id'] })]),
});

const context = { cwd: '/repo', docsBaseUrl: 'https://example.com/ormdrift/blob/main/', version: '0.1.0' };
const render = (name: ReporterName, result: CheckResult) => reporters[name]().render(result, context);
const extension: Record<ReporterName, string> = { text: 'txt', json: 'json', markdown: 'md', junit: 'xml', sarif: 'sarif', github: 'txt' };

describe('golden files', () => {
  for (const name of Object.keys(reporters) as ReporterName[]) {
    it(`${name}: the drifted database`, async () => {
      await expect(render(name, drifted)).toMatchFileSnapshot(`./fixtures/formats/drifted.${name}.${extension[name]}`);
    });
    it(`${name}: a clean database`, async () => {
      await expect(render(name, clean)).toMatchFileSnapshot(`./fixtures/formats/clean.${name}.${extension[name]}`);
    });
  }
});

describe('every format carries the drift it is given', () => {
  it('has the fixture it needs: five codes, errors and warnings', () => {
    expect(new Set(drifted.findings.map((finding) => finding.code))).toEqual(
      new Set(['missing-table', 'missing-column', 'column-type-mismatch', 'extra-column', 'missing-foreign-key', 'orphan-table']),
    );
    expect(drifted.summary.errors).toBeGreaterThan(0);
    expect(drifted.summary.warnings).toBeGreaterThan(0);
  });

  it('markdown: a summary line, a table per table, details, a diagram with the foreign key and the drifted columns', () => {
    const output = render('markdown', drifted);
    expect(output.split('\n')[0]).toBe(`## ❌ ormdrift: ${drifted.summary.errors} errors, ${drifted.summary.warnings} warnings in 4 declared tables`);
    for (const title of ['legacy\\_audit', 'teams', 'user\\_sessions']) expect(output).toContain(`### ${title} (`);
    expect(output).toContain('<details><summary>Details</summary>');
    expect(output).toContain('```mermaid\nerDiagram');
    expect(output).toMatch(/user_sessions }o--\|\| users : "user_id \(missing in the database\)"/);
    expect(output).toMatch(/integer message_count "drift: missing-column"/);
    expect(output).toMatch(/integer tenant_id "drift: extra-column"/);
  });

  it('markdown: names from the database cannot open a cell, a tag, a mention or a new line', () => {
    const output = render('markdown', drifted);
    const [markdown, diagram] = output.split('```mermaid');
    const odd = markdown!.split('\n').filter((line) => line.includes('odd'));
    expect(odd.length).toBeGreaterThan(0);
    for (const line of odd) {
      expect(line).not.toMatch(/[^\\]\|<b>|<b>|@team|\u001b/);
      if (line.startsWith('|')) expect(line.split(/(?<!\\)\|/).length).toBe(6); // 4 cells: nothing split one
    }
    expect(output).toContain('odd\\|&lt;b&gt;&#64;team%1:2,3');
    expect(output).toContain('| note\\\\nline\\\\x1b\\[31m |');
    // in the diagram, entity and attribute names are Mermaid words; the readable name is only in a comment
    expect(diagram).toContain('  odd__b__team_1_2_3 {');
    expect(diagram).toContain('text note_line__31m "drift: missing-column"');
  });

  it('markdown: stays under the limit, with a note saying what was left out', () => {
    const output = reporters.markdown({ maxLength: 2_000 }).render(drifted, context);
    expect(output.length).toBeLessThanOrEqual(2_000);
    expect(output).toMatch(/\*\*Truncated\*\* to stay under 2000 characters: \d+ more tables? with \d+ findings? not shown/);
    const many: CheckResult = { ...drifted, findings: Array.from({ length: 3_000 }, (_, n) => ({ ...drifted.findings[0]!, table: `table_${n}` })) };
    expect(reporters.markdown().render(many, context).length).toBeLessThan(65_536);
  });

  it('junit: one suite, one test case per declared table and per table with findings; failures for errors, skipped for warnings', () => {
    const document = create(render('junit', drifted)).end({ format: 'object' }) as unknown as {
      testsuites: { testsuite: { '@name': string; testcase: Record<string, unknown>[] } };
    };
    const suite = document.testsuites.testsuite;
    expect(suite['@name']).toBe('ormdrift');
    const cases = Object.fromEntries(suite.testcase.map((testCase) => [testCase['@name'], testCase]));
    expect(Object.keys(cases).sort()).toEqual(['legacy_audit', 'odd|&lt;b&gt;@team%1:2,3', 'teams', 'user_sessions', 'users'].sort());
    expect(cases['users']).not.toHaveProperty('failure');
    expect(cases['users']).not.toHaveProperty('skipped');
    expect(cases['teams']).toHaveProperty('failure');
    expect(cases['legacy_audit']).toHaveProperty('skipped');
    expect(cases['legacy_audit']).not.toHaveProperty('failure');
  });

  it('junit: one suite per service', () => {
    const withServices: CheckResult = {
      ...drifted,
      findings: drifted.findings.map((finding) => ({ ...finding, service: finding.table === 'teams' ? 'accounts' : 'billing' })),
    };
    const output = render('junit', withServices);
    expect(output).toMatch(/<testsuite name="accounts" tests="1" failures="1"/);
    expect(output).toMatch(/<testsuite name="billing"/);
  });

  // the official SARIF schema, compiled once for the tests below: compiling it is the costliest step of this file
  let validate: ValidateFunction;
  beforeAll(() => {
    const schemaFile = new URL('./fixtures/sarif/sarif-schema-2.1.0.json', import.meta.url);
    validate = new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync(schemaFile, 'utf8')));
  }, 60_000);

  it('sarif: valid against the official SARIF 2.1.0 schema, with rule metadata and located results', () => {
    // with a code off too: its rule configuration override must be SARIF as well
    for (const result of [drifted, clean, { ...drifted, off: ['extra-column' as const] }]) {
      const log = JSON.parse(render('sarif', result));
      expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    }
    const log = JSON.parse(render('sarif', drifted));
    const run = log.runs[0];
    const missingTable = run.tool.driver.rules.find((rule: { id: string }) => rule.id === 'missing-table');
    expect(missingTable).toMatchObject({
      helpUri: 'https://example.com/ormdrift/blob/main/docs/rules/missing-table.md',
      defaultConfiguration: { level: 'error' },
    });
    const teams = run.results.find((result: { ruleId: string }) => result.ruleId === 'missing-table');
    expect(teams.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'src/db/schema.ts', uriBaseId: 'SRCROOT' }, region: { startLine: 40 } });
    expect(run.tool.driver.rules[teams.ruleIndex].id).toBe('missing-table');
    const session = run.results.find(
      (result: { ruleId: string; properties: { table: string } }) => result.ruleId === 'missing-column' && result.properties.table === 'user_sessions',
    );
    expect(session.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'src/models/session.ts', uriBaseId: 'SRCROOT' } });
    expect(session.partialFingerprints['ormdriftKey/v1']).toBe(
      drifted.findings.find((finding) => finding.code === 'missing-column' && finding.table === 'user_sessions')!.key,
    );
  });

  it('sarif: the official schema rejects what is not SARIF, so the validation above can fail', () => {
    const log = JSON.parse(render('sarif', drifted));
    log.runs[0].results[0].level = 'fatal';
    expect(validate(log)).toBe(false);
  });

  it('github: one annotation per finding at the model file, escaped as the Actions toolkit escapes', () => {
    const lines = render('github', drifted).trimEnd().split('\n');
    const annotations = lines.filter((line) => /^::(error|warning) /.test(line));
    expect(annotations).toHaveLength(drifted.findings.length);
    expect(annotations).toContain(
      '::error file=src/db/schema.ts,line=40,title=ormdrift missing-table%3A teams::teams is declared by Team (drizzle) but the database has no such table',
    );
    const odd = annotations.find((line) => line.includes('odd'))!;
    expect(odd).toContain(
      'file=src/odd%2C file%3A1.ts,line=3,title=ormdrift missing-column%3A "odd|<b>@team%251%3A2%2C3"::"odd|<b>@team%251:2,3".U&"note\\000aline\\001b[31m" is declared',
    );
    for (const line of lines) expect(line).not.toMatch(/[\r\u001b]/);
    expect(lines.at(-1)).toBe(`${drifted.summary.errors} errors, ${drifted.summary.warnings} warnings in 4 declared tables`);
  });
});

describe('a name holding a newline and a name holding a backslash and n', () => {
  // two tables nobody declares: one named a + newline + b, one named a, backslash, n, b
  const twoNames: CheckResult = evaluate({
    expected: mergeRegistries([schema([table('users', [column('id', 'integer')], { primaryKey: ['id'] })])]),
    actual: schema([
      dbTable('users', [column('id', 'integer')], { primaryKey: ['id'] }),
      dbTable('a\nb', [column('id', 'integer')]),
      dbTable('a\\nb', [column('id', 'integer')]),
    ]),
  });

  // the one holding a newline in PostgreSQL's Unicode-escape form, the other as PostgreSQL prints it
  it.each([
    ['text', 'U&"a\\000ab"', '"a\\nb"'],
    ['github', 'U&"a\\000ab"', '"a\\nb"'],
    ['markdown', 'U&amp;"a\\\\000ab"', '"a\\\\nb"'],
  ] as const)('%s prints them differently', (format, newline, backslash) => {
    const output = render(format, twoNames);
    expect(output).toContain(newline);
    expect(output).toContain(backslash);
  });

  it('sarif prints them differently', () => {
    const sarif = JSON.parse(render('sarif', twoNames)) as { runs: [{ results: { message: { text: string } }[] }] };
    const messages = sarif.runs[0].results.map((result) => result.message.text);
    expect(messages).toContain('U&"a\\000ab" exists in the database but no model declares it');
    expect(messages).toContain('"a\\nb" exists in the database but no model declares it');
  });
});

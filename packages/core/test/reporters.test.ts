import { describe, expect, it } from 'vitest';
import { evaluate, isReporterName, mergeRegistries, reporters, rules, type CheckResult } from '@ormdrift/core';
import { column, dbTable, index, schema, source, table } from './support/models.ts';

const sessionId = column('id', 'serial', { default: `nextval('user_sessions_id_seq'::regclass)` });

/**
 * A small drifted database: migrations 004/005 never reached the database, someone added a NOT NULL column
 * by hand, a table the models declare is missing and another nobody declares is left over.
 */
const drifted: CheckResult = {
  ...evaluate({
    expected: mergeRegistries([
      schema([
        table(
          'user_sessions',
          [
            sessionId,
            column('session_id', 'varchar(255)'),
            column('title', 'varchar(50)', { nullable: true }),
            column('message_count', 'integer', { nullable: true, default: '0' }),
          ],
          { primaryKey: ['id'], sources: [source('UserSession', 'sequelize')] },
        ),
        table('teams', [column('id', 'uuid', { default: 'gen_random_uuid()' })], { primaryKey: ['id'], sources: [source('Team')] }),
      ]),
    ]),
    actual: schema([
      dbTable(
        'user_sessions',
        [
          column('id', 'integer', { default: `nextval('user_sessions_id_seq'::regclass)` }),
          column('session_id', 'character varying(255)'),
          column('title', 'character varying(255)', { nullable: true }),
          column('tenant_id', 'integer'),
        ],
        { primaryKey: ['id'] },
      ),
      dbTable('legacy_audit', [column('id', 'bigint'), column('payload', 'jsonb', { nullable: true })]),
    ]),
  }),
  problems: [
    { type: 'unsupported-type', ref: 'User.avatar', message: 'design:type is Object; give the column an explicit type', source: 'typeorm:AppDataSource' },
  ],
};

const clean = (tables: number): CheckResult => ({ findings: [], changes: [], summary: { errors: 0, warnings: 0, tables }, problems: [] });

/** ANSI escapes made visible: `\u001b[31m` reads `<31>`. */
const visible = (text: string) => text.replace(/\u001b\[(\d+)m/g, '<$1>');
const ansi = /\u001b\[/;

describe('text reporter', () => {
  it('prints a nested value (the index that serves a missing one) as data, not [object Object]', () => {
    const served = evaluate({
      expected: mergeRegistries([
        schema([
          table('members', [column('org_id', 'integer'), column('user_id', 'integer')], { primaryKey: ['org_id', 'user_id'], indexes: [index(['org_id'])] }),
        ]),
      ]),
      actual: schema([dbTable('members', [column('org_id', 'integer'), column('user_id', 'integer')], { primaryKey: ['org_id', 'user_id'] })]),
    });
    const output = reporters.text({ color: false }).render(served);
    expect(output).toContain('actual   servedBy: {"columns":["org_id","user_id"],"primaryKey":true}');
    expect(output).not.toContain('[object Object]');
  });

  it('groups findings by table, with what the models expect and what the database has', () => {
    const output = reporters.text({ color: false }).render(drifted);
    expect(output).not.toMatch(ansi);
    expect(output).toMatchInlineSnapshot(`
      "legacy_audit
        warning legacy_audit exists in the database but no model declares it  orphan-table
                actual   columns: id, payload

      teams
        error   teams is declared by Team (typeorm) but the database has no such table  missing-table
                expected columns: id

      user_sessions
        error   user_sessions.message_count is declared by UserSession (sequelize) but the table has no such column  missing-column
                expected integer null default 0
        warning user_sessions.title is character varying(255) in the database, wider than character varying(50) in UserSession (sequelize): the database accepts values that character varying(50) does not hold (Sequelize checks no length or size unless the model declares a validate rule, such as len), and code that assumes character varying(50) may break when it reads them  column-type-mismatch
                expected type: character varying(50)
                actual   type: character varying(255)
        error   user_sessions.tenant_id is NOT NULL with no default but UserSession (sequelize) does not declare it: every insert through the ORM fails  extra-column
                actual   integer not null

      ✖ 3 errors, 2 warnings in 2 declared tables
      note: typeorm:AppDataSource: User.avatar: design:type is Object; give the column an explicit type
      by code: 1 missing-table, 1 missing-column, 1 column-type-mismatch, 1 extra-column, 1 orphan-table
      next: run the pending migrations against this database, or generate one for the tables no migration creates (missing-table, see docs/rules/missing-table.md)
      "
    `);
  });

  it('uses no colour unless asked', () => {
    expect(reporters.text().render(drifted)).toBe(reporters.text({ color: false }).render(drifted));
  });

  it('colours severities, codes and the summary when asked, and only then', () => {
    const output = reporters.text({ color: true }).render(drifted);
    expect(output).toMatch(ansi);
    // The same text once the escapes are taken out.
    expect(output.replace(/\u001b\[\d+m/g, '')).toBe(reporters.text({ color: false }).render(drifted));
    expect(visible(output)).toMatchInlineSnapshot(`
      "<1>legacy_audit<0>
        <33>warning<0> legacy_audit exists in the database but no model declares it  <2>orphan-table<0>
                <2>actual  <0> columns: id, payload

      <1>teams<0>
        <31>error  <0> teams is declared by Team (typeorm) but the database has no such table  <2>missing-table<0>
                <2>expected<0> columns: id

      <1>user_sessions<0>
        <31>error  <0> user_sessions.message_count is declared by UserSession (sequelize) but the table has no such column  <2>missing-column<0>
                <2>expected<0> integer null default 0
        <33>warning<0> user_sessions.title is character varying(255) in the database, wider than character varying(50) in UserSession (sequelize): the database accepts values that character varying(50) does not hold (Sequelize checks no length or size unless the model declares a validate rule, such as len), and code that assumes character varying(50) may break when it reads them  <2>column-type-mismatch<0>
                <2>expected<0> type: character varying(50)
                <2>actual  <0> type: character varying(255)
        <31>error  <0> user_sessions.tenant_id is NOT NULL with no default but UserSession (sequelize) does not declare it: every insert through the ORM fails  <2>extra-column<0>
                <2>actual  <0> integer not null

      <31>✖<0> 3 errors, 2 warnings in 2 declared tables
      <33>note: typeorm:AppDataSource: User.avatar: design:type is Object; give the column an explicit type<0>
      by code: 1 missing-table, 1 missing-column, 1 column-type-mismatch, 1 extra-column, 1 orphan-table
      next: run the pending migrations against this database, or generate one for the tables no migration creates (missing-table, see docs/rules/missing-table.md)
      "
    `);
  });

  it('says so when there is no drift', () => {
    expect(reporters.text({ color: false }).render(clean(12))).toMatchInlineSnapshot(`
      "✔ no drift: 12 declared tables match the database
      "
    `);
    expect(visible(reporters.text({ color: true }).render(clean(12)))).toMatchInlineSnapshot(`
      "<32>✔<0> no drift: 12 declared tables match the database
      "
    `);
  });

  it('never says "no drift" when nothing was compared or codes were off, in any format', () => {
    const nothing = clean(0);
    const withCodesOff: CheckResult = { ...clean(4), off: ['missing-table', 'missing-column'] };
    expect(reporters.text({ color: false }).render(nothing)).toBe('! nothing compared: no declared table is in scope\n');
    expect(reporters.text({ color: false }).render(withCodesOff)).toBe(
      '! no findings in 4 declared tables, with 2 finding codes off (missing-table, missing-column)\n',
    );
    for (const name of ['markdown', 'junit', 'sarif', 'github'] as const) {
      for (const result of [nothing, withCodesOff]) expect(reporters[name]({ color: false }).render(result, { cwd: '/app' }), name).not.toMatch(/no drift|✅/i);
    }
  });

  it('agrees the verb with a single declared table', () => {
    expect(reporters.text({ color: false }).render(clean(1))).toBe('✔ no drift: 1 declared table matches the database\n');
  });

  it('marks a run with only warnings with "!", not "✖"', () => {
    const warningsOnly: CheckResult = {
      ...drifted,
      findings: drifted.findings.filter((finding) => finding.severity === 'warning'),
      summary: { errors: 0, warnings: 2, tables: 2 },
      problems: [],
    };
    const output = reporters.text({ color: false }).render(warningsOnly);
    expect(output.split('\n')).toContain('! 0 errors, 2 warnings in 2 declared tables');
    expect(output).not.toContain('✖');
    expect(visible(reporters.text({ color: true }).render(warningsOnly))).toContain('<33>!<0> 0 errors, 2 warnings in 2 declared tables');
  });
});

describe('JSON reporter', () => {
  const output = reporters.json().render(drifted);
  const report = JSON.parse(output) as { version: number; findings: Record<string, unknown>[]; summary: unknown };

  it('writes the version-1 report', () => {
    expect(output).toMatchInlineSnapshot(`
      "{
        "version": 1,
        "findings": [
          {
            "code": "orphan-table",
            "severity": "warning",
            "key": "orphan-table:public.legacy_audit:ee0759611144",
            "schema": "public",
            "table": "legacy_audit",
            "message": "legacy_audit exists in the database but no model declares it",
            "expected": null,
            "actual": {
              "columns": [
                "id",
                "payload"
              ]
            },
            "change": "extra-table",
            "sources": []
          },
          {
            "code": "missing-table",
            "severity": "error",
            "key": "missing-table:public.teams:d077dd6093da",
            "schema": "public",
            "table": "teams",
            "message": "teams is declared by Team (typeorm) but the database has no such table",
            "expected": {
              "columns": [
                "id"
              ]
            },
            "actual": null,
            "change": "missing-table",
            "sources": [
              {
                "orm": "typeorm",
                "registry": "default",
                "model": "Team"
              }
            ]
          },
          {
            "code": "missing-column",
            "severity": "error",
            "key": "missing-column:public.user_sessions.message_count:df9c5fc39e53",
            "schema": "public",
            "table": "user_sessions",
            "column": "message_count",
            "message": "user_sessions.message_count is declared by UserSession (sequelize) but the table has no such column",
            "expected": {
              "type": "integer",
              "nullable": true,
              "default": "0"
            },
            "actual": null,
            "change": "missing-column",
            "sources": [
              {
                "orm": "sequelize",
                "registry": "default",
                "model": "UserSession"
              }
            ]
          },
          {
            "code": "column-type-mismatch",
            "severity": "warning",
            "key": "column-type-mismatch:public.user_sessions.title:b2f3703c1054",
            "schema": "public",
            "table": "user_sessions",
            "column": "title",
            "message": "user_sessions.title is character varying(255) in the database, wider than character varying(50) in UserSession (sequelize): the database accepts values that character varying(50) does not hold (Sequelize checks no length or size unless the model declares a validate rule, such as len), and code that assumes character varying(50) may break when it reads them",
            "expected": {
              "type": "character varying(50)"
            },
            "actual": {
              "type": "character varying(255)"
            },
            "change": "modify-column",
            "sources": [
              {
                "orm": "sequelize",
                "registry": "default",
                "model": "UserSession"
              }
            ]
          },
          {
            "code": "extra-column",
            "severity": "error",
            "key": "extra-column:public.user_sessions.tenant_id:5295ec468c11",
            "schema": "public",
            "table": "user_sessions",
            "column": "tenant_id",
            "message": "user_sessions.tenant_id is NOT NULL with no default but UserSession (sequelize) does not declare it: every insert through the ORM fails",
            "expected": null,
            "actual": {
              "type": "integer",
              "nullable": false,
              "default": null
            },
            "change": "extra-column",
            "sources": [
              {
                "orm": "sequelize",
                "registry": "default",
                "model": "UserSession"
              }
            ]
          }
        ],
        "summary": {
          "errors": 3,
          "warnings": 2,
          "tables": 2
        },
        "notes": [
          {
            "source": "typeorm:AppDataSource",
            "type": "unsupported-type",
            "ref": "User.avatar",
            "message": "design:type is Object; give the column an explicit type"
          }
        ]
      }
      "
    `);
  });

  it('has exactly the documented keys, in the documented order', () => {
    expect(Object.keys(report)).toEqual(['version', 'findings', 'summary', 'notes']);
    expect(report.version).toBe(1);
    expect(Object.keys(report.summary as object)).toEqual(['errors', 'warnings', 'tables']);
    for (const finding of report.findings) {
      const keys = ['code', 'severity', 'key', 'schema', 'table', 'column', 'message', 'expected', 'actual', 'change', 'sources'];
      expect(Object.keys(finding)).toEqual('column' in finding ? keys : keys.filter((key) => key !== 'column'));
    }
  });

  it('leaves column out of table-level findings only', () => {
    const byCode = Object.fromEntries(report.findings.map((finding) => [finding['code'], 'column' in finding]));
    expect(byCode).toEqual({ 'orphan-table': false, 'missing-table': false, 'missing-column': true, 'column-type-mismatch': true, 'extra-column': true });
  });

  it('spells severities "error" and "warning"', () => {
    expect(new Set(report.findings.map((finding) => finding['severity']))).toEqual(new Set(['error', 'warning']));
  });

  it('carries what adapters could not read as notes, by source', () => {
    expect(output).not.toContain('problems');
    expect((report as unknown as { notes: unknown }).notes).toEqual([
      { source: 'typeorm:AppDataSource', type: 'unsupported-type', ref: 'User.avatar', message: 'design:type is Object; give the column an explicit type' },
    ]);
  });

  it('keys each finding by code, place and a hash of expected/actual', () => {
    expect(report.findings.map((finding) => finding['key'])).toEqual([
      expect.stringMatching(/^orphan-table:public\.legacy_audit:[0-9a-f]{12}$/),
      expect.stringMatching(/^missing-table:public\.teams:[0-9a-f]{12}$/),
      expect.stringMatching(/^missing-column:public\.user_sessions\.message_count:[0-9a-f]{12}$/),
      expect.stringMatching(/^column-type-mismatch:public\.user_sessions\.title:[0-9a-f]{12}$/),
      expect.stringMatching(/^extra-column:public\.user_sessions\.tenant_id:[0-9a-f]{12}$/),
    ]);
  });

  it('writes an empty report for no drift', () => {
    expect(JSON.parse(reporters.json().render(clean(3)))).toEqual({ version: 1, findings: [], summary: { errors: 0, warnings: 0, tables: 3 }, notes: [] });
  });

  it('ends with a newline', () => {
    expect(output.endsWith('}\n')).toBe(true);
  });

  it('writes each source as orm, registry, model, file, whatever order an adapter built it in', () => {
    const scrambled = { file: 'src/db.ts', model: 'Team', registry: 'default', orm: 'sequelize' };
    const result = evaluate({ expected: mergeRegistries([schema([table('teams', [column('id', 'uuid')], { sources: [scrambled] })])]), actual: schema([]) });
    const [finding] = JSON.parse(reporters.json().render({ ...result, problems: [] })).findings;
    expect(Object.keys(finding.sources[0])).toEqual(['orm', 'registry', 'model', 'file']);
  });
});

describe('reporters', () => {
  it.each([
    ['text', true],
    ['json', true],
    ['xml', false],
    ['toString', false],
  ] as const)('%s is a reporter name: %s', (name, known) => {
    expect(isReporterName(name)).toBe(known);
  });
});

describe('codes turned off, in every format', () => {
  const withOff: CheckResult = { ...drifted, off: ['extra-column'] };
  const allOff: CheckResult = { ...clean(3), off: Object.keys(rules) as NonNullable<CheckResult['off']>[number][] };

  it('text, markdown, junit and github name the codes off after the counts when findings remain', () => {
    const line = `${drifted.summary.errors} errors, ${drifted.summary.warnings} warnings in 2 declared tables, with 1 finding code off (extra-column)`;
    expect(reporters.text({ color: false }).render(withOff)).toContain(`\n✖ ${line}\n`);
    expect(reporters.markdown().render(withOff).split('\n')[0]).toBe(`## ❌ ormdrift: ${line}`);
    expect(reporters.junit().render(withOff)).toContain(`<system-out>${line}\n`);
    expect(reporters.github().render(withOff).split('\n')).toContain(line);
  });

  it('json: summary.off lists them, and is absent when every code is on', () => {
    expect(JSON.parse(reporters.json().render(withOff)).summary).toEqual({ ...drifted.summary, off: ['extra-column'] });
    expect(JSON.parse(reporters.json().render(drifted)).summary).not.toHaveProperty('off');
  });

  it('sarif: a rule configuration override with enabled false per code off, pointing at the rule', () => {
    const run = JSON.parse(reporters.sarif().render(withOff)).runs[0];
    const overrides = run.invocations[0].ruleConfigurationOverrides;
    expect(overrides).toEqual([{ descriptor: { id: 'extra-column', index: expect.any(Number) }, configuration: { enabled: false } }]);
    expect(run.tool.driver.rules[overrides[0].descriptor.index].id).toBe('extra-column');
    expect(JSON.parse(reporters.sarif().render(drifted)).runs[0].invocations[0]).not.toHaveProperty('ruleConfigurationOverrides');
  });

  it('every code off: no count and no verdict, the same sentence in every format', () => {
    const sentence = 'all finding codes are off: nothing is reported, whatever the database holds (3 declared tables read)';
    expect(reporters.text({ color: false }).render(allOff)).toBe(`! ${sentence}\n`);
    expect(reporters.markdown().render(allOff).split('\n')[0]).toBe(`## ⚠️ ormdrift: ${sentence}`);
    expect(reporters.github().render(allOff)).toBe(`${sentence}\n`);
    expect(JSON.parse(reporters.sarif().render(allOff)).runs[0].invocations[0].toolExecutionNotifications[0].message.text).toBe(sentence);
    expect(JSON.parse(reporters.json().render(allOff)).summary.off).toEqual(Object.keys(rules));
  });
});

/** `evaluate()`: severity overrides, finding order, summary. */
import { describe, expect, it } from 'vitest';
import { rules, type RuleSettings } from '@ormdrift/core';
import { column, dbTable, index, schema, source, table, unique } from './support/models.ts';
import { id, email, users, usersInDb, fkTypeVariants, emailModel, emailDb } from './support/rule-fixtures.ts';
import { run, type Case } from './support/rule-tester.ts';

describe('severity overrides', () => {
  /** users with an undeclared NOT NULL column, a missing index and a nullable column the database makes NOT NULL. */
  const drifted = {
    name: '',
    expected: schema([table('users', [id, email, column('bio', 'text', { nullable: true })], { primaryKey: ['id'], indexes: [index(['email'])] })]),
    actual: schema([dbTable('users', [id, email, column('bio', 'text'), column('legacy_code', 'varchar(20)')], { primaryKey: ['id'] })]),
  };
  const bySeverity = (rulesSetting?: RuleSettings) =>
    run({ ...drifted, ...(rulesSetting ? { rules: rulesSetting } : {}) }).findings.map(({ code, severity, column }) => ({ code, severity, column }));

  it('reports the defaults when nothing is configured', () => {
    expect(bySeverity()).toEqual([
      { code: 'nullability-mismatch', severity: 'error', column: 'bio' },
      { code: 'missing-index', severity: 'warning', column: 'email' },
      { code: 'extra-column', severity: 'error', column: 'legacy_code' },
    ]);
  });

  it("'off' hides every report of the code, including its conditional errors", () => {
    const result = run({ ...drifted, rules: { 'extra-column': 'off' } });
    expect(result.findings.map((finding) => finding.code)).toEqual(['nullability-mismatch', 'missing-index']);
    expect(result.summary).toEqual({ errors: 1, warnings: 1, tables: 1 });
  });

  it("'warn' turns every report of the code into a warning, and leaves the other codes alone", () => {
    expect(bySeverity({ 'nullability-mismatch': 'warn', 'extra-column': 'warn' })).toEqual([
      { code: 'nullability-mismatch', severity: 'warning', column: 'bio' },
      { code: 'missing-index', severity: 'warning', column: 'email' },
      { code: 'extra-column', severity: 'warning', column: 'legacy_code' },
    ]);
  });

  it("'error' turns every report of the code into an error", () => {
    expect(bySeverity({ 'missing-index': 'error' })).toEqual([
      { code: 'nullability-mismatch', severity: 'error', column: 'bio' },
      { code: 'missing-index', severity: 'error', column: 'email' },
      { code: 'extra-column', severity: 'error', column: 'legacy_code' },
    ]);
  });

  it('turning every code off leaves no finding', () => {
    const allOff = Object.fromEntries(Object.keys(rules).map((code) => [code, 'off'])) as RuleSettings;
    const result = run({ ...drifted, rules: allOff });
    expect({ findings: result.findings, summary: result.summary }).toEqual({ findings: [], summary: { errors: 0, warnings: 0, tables: 1 } });
    // the differences are still there for whoever reads the changes (a fix plan): only the findings are off
    expect(result.changes.map((change) => change.kind).sort()).toEqual(['extra-column', 'missing-index', 'modify-column']);
  });

  describe("a foreign-key column's type drift: the model-versus-database fact is always a column-type-mismatch", () => {
    it.each(Object.keys(fkTypeVariants))("with 'fk-type-mismatch': 'off' (%s) the column-type-mismatch is still reported", (variant) => {
      const test = fkTypeVariants[variant as keyof typeof fkTypeVariants];
      const result = run({ name: '', ...test, rules: { 'fk-type-mismatch': 'off' } });
      expect(result.findings.filter((finding) => finding.table === 'posts' && finding.column === 'user_id').map(({ code }) => code)).toEqual([
        'column-type-mismatch',
      ]);
      expect(result.changes.filter((change) => change.kind === 'modify-column' && change.changed.includes('type'))).toHaveLength(1);
    });

    it("'warn' makes the fk-type-mismatch a warning, the column-type-mismatch stays an error", () => {
      const onColumn = run({ name: '', ...fkTypeVariants.models, rules: { 'fk-type-mismatch': 'warn' } }).findings.filter(
        (finding) => finding.column === 'user_id',
      );
      expect(onColumn.map(({ code, severity }) => ({ code, severity }))).toEqual([
        { code: 'column-type-mismatch', severity: 'error' },
        { code: 'fk-type-mismatch', severity: 'warning' },
      ]);
    });

    it("column-type-mismatch 'off' leaves fk-type-mismatch reported", () => {
      const onColumn = run({ name: '', ...fkTypeVariants.models, rules: { 'column-type-mismatch': 'off' } }).findings.filter(
        (finding) => finding.column === 'user_id',
      );
      expect(onColumn.map(({ code }) => code)).toEqual(['fk-type-mismatch']);
    });
  });
});

describe('finding order and summary', () => {
  const drifted: Case = {
    name: '',
    expected: schema([
      table('users', [id, email, column('zeta', 'text'), column('alpha', 'text')], { primaryKey: ['id'], indexes: [index(['email'])] }),
      table('accounts', [id], { sources: [source('Account')] }),
      table('events', [id], { schema: 'audit', sources: [source('Event')] }),
    ]),
    actual: schema([
      dbTable('users', [id, column('legacy_code', 'text'), column('email', 'varchar(50)')], { primaryKey: ['id'] }),
      dbTable('import_staging', [id]),
      dbTable('stray', [id], { schema: 'audit' }),
    ]),
  };

  it('lists findings by schema, then table, then rule order, then column', () => {
    expect(run(drifted).findings.map(({ schema: inSchema, table: onTable, code, column: onColumn }) => [inSchema, onTable, code, onColumn])).toEqual([
      ['audit', 'events', 'missing-table', undefined],
      ['audit', 'stray', 'orphan-table', undefined],
      ['public', 'accounts', 'missing-table', undefined],
      ['public', 'import_staging', 'orphan-table', undefined],
      ['public', 'users', 'missing-column', 'alpha'],
      ['public', 'users', 'missing-column', 'zeta'],
      ['public', 'users', 'column-type-mismatch', 'email'],
      ['public', 'users', 'missing-index', 'email'],
      ['public', 'users', 'extra-column', 'legacy_code'],
    ]);
  });

  it('a table-level finding comes before the column findings of its code', () => {
    const result = run({
      name: '',
      expected: emailModel({ uniques: [unique(['org_id', 'email']), unique(['email'])] }),
      actual: emailDb(),
    });
    expect(result.findings.map(({ code, column: onColumn }) => [code, onColumn])).toEqual([
      ['missing-unique', undefined],
      ['missing-unique', 'email'],
    ]);
  });

  it('counts errors, warnings and declared tables', () => {
    // errors: 2 missing tables, 2 missing columns, a narrower varchar, a NOT NULL extra column; warnings: the index, 2 orphans
    expect(run(drifted).summary).toEqual({ errors: 6, warnings: 3, tables: 3 });
  });

  it('counts findings at their configured severity, and none that are off', () => {
    expect(run({ ...drifted, rules: { 'extra-column': 'warn', 'orphan-table': 'off', 'missing-index': 'error' } }).summary).toEqual({
      errors: 6,
      warnings: 1,
      tables: 3,
    });
  });

  it('counts only the declared tables of the schemas option', () => {
    const result = run({ ...drifted, schemas: ['public'] });
    expect(result.summary).toEqual({ errors: 5, warnings: 2, tables: 2 });
    expect(result.findings.filter((finding) => finding.schema !== 'public')).toEqual([]);
  });

  it('counts nothing when there is no drift', () => {
    expect(run({ name: '', expected: users(['email', 'varchar(255)']), actual: usersInDb(['email', 'varchar(255)']) })).toEqual({
      findings: [],
      changes: [],
      summary: { errors: 0, warnings: 0, tables: 1 },
      problems: [],
      // the declared schema in scope, which reports list (JUnit) and draw (Markdown)
      expected: { tables: [expect.objectContaining({ schema: 'public', name: 'users' })], enums: [] },
      off: [],
    });
  });
});

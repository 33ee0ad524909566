/** Rule settings as configuration writes them: validated against the registry and each rule's options schema. */
import { describe, expect, it } from 'vitest';
import { RuleSettingsError, resolveRuleSettings, validateRuleSettings } from '@ormdrift/core';
import { dbTable } from './support/models.ts';
import { id, users, usersDbWith } from './support/rule-fixtures.ts';
import { run } from './support/rule-tester.ts';

describe('validateRuleSettings', () => {
  it('accepts severities and [severity, options] tuples, and returns them as given', () => {
    const settings = { 'extra-column': 'off', 'orphan-table': ['warn', { ignore: ['legacy_*'] }], 'missing-index': ['error'] };
    expect(validateRuleSettings(settings)).toBe(settings);
    expect(validateRuleSettings(undefined)).toBeUndefined();
  });

  it('resolves each configured rule to its severity and parsed options', () => {
    expect(Object.fromEntries(resolveRuleSettings({ 'orphan-table': ['warn', { ignore: ['a'] }], 'extra-column': ['error'], 'missing-table': 'off' }))).toEqual(
      {
        'orphan-table': { severity: 'warn', options: { ignore: ['a'] } },
        'extra-column': { severity: 'error', options: {} },
        'missing-table': { severity: 'off', options: {} },
      },
    );
  });

  const wrong: [name: string, settings: unknown, message: string][] = [
    ['not an object', ['off'], "rules must be an object of finding codes to 'off', 'warn', 'error' or [severity, options]"],
    ['an unknown code', { 'extra-columns': 'off' }, 'rules: unknown rule "extra-columns": the codes are registry-conflict, missing-table,'],
    ['an ESLint number severity', { 'extra-column': 1 }, `rules: rule "extra-column": the severity must be 'off', 'warn' or 'error', not 1`],
    [
      'a severity spelled as a finding has it',
      { 'extra-column': ['warning', {}] },
      `rules: rule "extra-column": the severity must be 'off', 'warn' or 'error', not "warning"`,
    ],
    ['an empty tuple', { 'extra-column': [] }, `rules: rule "extra-column": write a severity or [severity, options], as ['warn', { ... }]`],
    ['options for a rule that takes none', { 'missing-table': ['warn', { ignore: ['x'] }] }, 'rules: rule "missing-table" takes no options'],
    ['a misspelled option', { 'orphan-table': ['warn', { ignor: ['x'] }] }, 'rules: rule "orphan-table": unknown option "ignor"'],
    [
      'a string where globs go',
      { 'orphan-table': ['warn', { ignore: 'legacy_*' }] },
      'rules: rule "orphan-table": option "ignore": expected an array of glob strings',
    ],
    ['an empty glob', { 'extra-column': ['warn', { ignore: ['ok', ''] }] }, 'rules: rule "extra-column": option "ignore.1": a glob cannot be empty'],
    ['options that are not an object', { 'extra-column': ['warn', 'legacy'] }, 'rules: rule "extra-column": options: expected object, received string'],
  ];
  it.each(wrong)('rejects %s, naming the rule and the option', (_name, settings, message) => {
    expect(() => validateRuleSettings(settings)).toThrow(RuleSettingsError);
    expect(() => validateRuleSettings(settings)).toThrow(message);
  });

  it('names the setting as the caller does', () => {
    expect(() => validateRuleSettings({ nope: 'off' }, 'ormdrift.config.ts: rules')).toThrow('ormdrift.config.ts: rules: unknown rule "nope"');
  });
});

describe('evaluate with rule options', () => {
  it('validates the settings before it compares anything', () => {
    expect(() => run({ name: '', expected: users(), actual: usersDbWith(), rules: { 'orphan-table': ['warn', { ignore: 'x' }] } as never })).toThrow(
      'rules: rule "orphan-table": option "ignore": expected an array of glob strings',
    );
  });

  it('passes the options to the rule and the severity to its findings', () => {
    const actual = usersDbWith(dbTable('app_migrations', [id]), dbTable('stray', [id]));
    expect(run({ name: '', expected: users(), actual }).findings.map((finding) => `${finding.severity} ${finding.table}`)).toEqual([
      'warning app_migrations',
      'warning stray',
    ]);
    const configured = run({ name: '', expected: users(), actual, rules: { 'orphan-table': ['error', { ignore: ['app_migrations'] }] } });
    expect(configured.findings.map((finding) => `${finding.severity} ${finding.table}`)).toEqual(['error stray']);
    expect(configured.summary).toEqual({ errors: 1, warnings: 0, tables: 1 });
  });
});

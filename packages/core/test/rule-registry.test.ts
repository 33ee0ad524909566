/** The rule registry against the diff's change kinds, the docs and the rule tables: nothing may fall between them. */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { rules, rulesMeta, schemaChangeKinds } from '@ormdrift/core';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const handled = (kind: string) => Object.values(rules).some((rule) => kind in rule.create({ options: {}, report() {} }));

describe('the rule registry', () => {
  it('has a rule for every change kind the diff produces', () => {
    expect(schemaChangeKinds.filter((kind) => !handled(kind))).toEqual([]);
  });

  it('has only handlers for change kinds that exist', () => {
    const kinds = new Set<string>(schemaChangeKinds);
    for (const rule of Object.values(rules)) expect(Object.keys(rule.create({ options: {}, report() {} })).filter((kind) => !kinds.has(kind))).toEqual([]);
  });

  it.each(Object.entries(rules))('%s: meta.code is its registry key', (code, rule) => {
    expect(rule.meta.code).toBe(code);
  });

  it.each(Object.entries(rulesMeta))('%s: has its docs page, listed in the index', (code, meta) => {
    expect(meta.docs).toBe(`docs/rules/${code}.md`);
    expect(existsSync(`${root}${meta.docs}`)).toBe(true);
    expect(readFileSync(`${root}docs/rules/README.md`, 'utf8')).toContain(`[\`${code}\`](${code}.md)`);
  });

  it.each(Object.entries(rulesMeta))('%s: has a description, a next step and a default severity per message', (_code, meta) => {
    expect(meta.description).not.toBe('');
    expect(meta.nextStep).not.toBe('');
    expect(Object.keys(meta.messages).length).toBeGreaterThan(0);
  });

  it.each(Object.keys(rules))('%s: has its rule table', (code) => {
    expect(existsSync(`${root}packages/core/test/rules/${code}.test.ts`)).toBe(true);
  });
});

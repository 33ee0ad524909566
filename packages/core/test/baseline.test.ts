import { describe, expect, it } from 'vitest';
import {
  applyBaseline,
  BaselineFormatError,
  createBaseline,
  parseBaseline,
  pruneBaseline,
  serializeBaseline,
  type CheckResult,
  type Finding,
} from '@ormdrift/core';

const finding = (key: string, severity: Finding['severity'] = 'error'): Finding => ({
  code: 'missing-column',
  severity,
  key,
  schema: 'public',
  table: 't',
  message: key,
  expected: null,
  actual: null,
  sources: [],
});
const result = (findings: Finding[]): CheckResult => ({
  findings,
  changes: [],
  summary: { errors: findings.filter((f) => f.severity === 'error').length, warnings: findings.filter((f) => f.severity === 'warning').length, tables: 1 },
  problems: [],
});

describe('baseline file', () => {
  it('counts findings per key, sorted by key, and reads back what it writes', () => {
    const baseline = createBaseline([finding('b'), finding('a'), finding('b')]);
    expect(baseline.entries).toEqual([
      { key: 'a', count: 1 },
      { key: 'b', count: 2 },
    ]);
    const text = serializeBaseline(baseline);
    expect(parseBaseline(text)).toEqual(baseline);
    expect(serializeBaseline(parseBaseline(text))).toBe(text);
    expect(JSON.parse(text)).toMatchObject({
      version: 1,
      findings: [
        { key: 'a', count: 1 },
        { key: 'b', count: 2 },
      ],
    });
  });

  it('rejects what is not a baseline, saying why', () => {
    expect(() => parseBaseline('nope')).toThrow(BaselineFormatError);
    expect(() => parseBaseline('{"version":2,"findings":[]}')).toThrow(/version 2 is not one this ormdrift reads \(1\)/);
    expect(() => parseBaseline('{"version":1,"findings":[{"key":"a","count":0}]}')).toThrow(/entry 1 needs a key and a count of at least 1/);
  });
});

describe('applyBaseline', () => {
  it('accepts as many findings per key as recorded; the rest are new and alone decide the summary', () => {
    const baseline = createBaseline([finding('a'), finding('b', 'warning')]);
    const applied = applyBaseline(result([finding('a'), finding('a'), finding('b', 'warning'), finding('c', 'warning')]), baseline, 'base.json');
    expect(applied.findings.map((f) => f.key)).toEqual(['a', 'c']);
    expect(applied.summary).toEqual({ errors: 1, warnings: 1, tables: 1 });
    expect(applied.baseline).toEqual({ file: 'base.json', accepted: 2, fixed: [] });
  });

  it('lists entries that no longer occur, or occur fewer times, as fixed; prune removes exactly those', () => {
    const baseline = createBaseline([finding('a'), finding('a'), finding('b'), finding('gone')]);
    const now = [finding('a'), finding('b'), finding('new')];
    const applied = applyBaseline(result(now), baseline, 'base.json');
    expect(applied.findings.map((f) => f.key)).toEqual(['new']);
    expect(applied.baseline?.fixed).toEqual([
      { key: 'a', count: 1 },
      { key: 'gone', count: 1 },
    ]);
    expect(pruneBaseline(baseline, now).entries).toEqual([
      { key: 'a', count: 1 },
      { key: 'b', count: 1 },
    ]);
  });

  it('keeps the entries of a code that is off: that run did not look for them', () => {
    const typeKey = 'column-type-mismatch:public.users.name:0123456789ab';
    const baseline = createBaseline([finding(typeKey), finding('orphan-table:public.legacy:ba9876543210')]);
    const now = { ...result([]), off: ['column-type-mismatch' as const] };
    expect(applyBaseline(now, baseline, 'base.json').baseline?.fixed).toEqual([{ key: 'orphan-table:public.legacy:ba9876543210', count: 1 }]);
    expect(pruneBaseline(baseline, [], now.off).entries).toEqual([{ key: typeKey, count: 1 }]);
  });
});

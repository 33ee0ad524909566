/**
 * Options written by hand are checked before anything is read: a typo in the guard's mode or in a finding code must
 * not quietly let an app start on a drifted database, nor let a matcher pass. The database URL here points at a port
 * nothing listens on: a check that got as far as connecting would fail with a connection error instead.
 */
import { describe, expect, it } from 'vitest';
import { RuleSettingsError } from '@ormdrift/core';
import { allowFindings, checkSchema, guardDataSource, guardSchema } from '@ormdrift/guard';
import { ormdriftMatchers } from '@ormdrift/vitest';

const nowhere = 'postgres://nobody@127.0.0.1:1/nothing';
const sources = { name: 'nothing', load: () => Promise.reject(new Error('the models were read')) };
const db = { query: () => Promise.reject(new Error('the database was read')) };

describe('the guard refuses wrong options before reading anything', () => {
  it("an unknown mode ('thorw') is a TypeError naming mode and its values, in guardSchema and guardDataSource", async () => {
    const options = { sources, db, mode: 'thorw' } as unknown as Parameters<typeof guardSchema>[0];
    await expect(guardSchema(options)).rejects.toThrow(new TypeError(`ormdrift: mode must be 'throw' or 'warn', not "thorw"`));
    await expect(guardDataSource(db, { mode: 'thorw' } as never)).rejects.toThrow(/mode must be 'throw' or 'warn', not "thorw"/);
  });

  it('wrong types of timeoutMs, logger, env, schemas, statementTimeoutMs are TypeErrors naming the option', async () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ timeoutMs: '5000' }, /timeoutMs must be a positive number of milliseconds, not "5000"/],
      [{ timeoutMs: -1 }, /timeoutMs must be a positive number/],
      [{ logger: {} }, /logger must have a warn\(message\) method/],
      [{ env: 'production' }, /env must be an object/],
      [{ schemas: 'public' }, /schemas must be an array of schema names/],
      [{ statementTimeoutMs: Number.NaN }, /statementTimeoutMs must be a positive number/],
    ];
    for (const [option, message] of cases) {
      const rejected = guardSchema({ sources, db, mode: 'warn', ...option } as never);
      await expect(rejected).rejects.toThrow(TypeError);
      await expect(guardSchema({ sources, db, mode: 'warn', ...option } as never)).rejects.toThrow(message);
    }
  });

  it("an unknown code in allow ('missing-colum') is a TypeError naming it and listing the codes, in warn mode too", async () => {
    const rejected = guardSchema({ sources, db: nowhere, mode: 'warn', allow: ['missing-colum' as never] });
    await expect(rejected).rejects.toThrow(TypeError);
    await expect(guardSchema({ sources, db: nowhere, mode: 'warn', allow: [{ code: 'extra-colum' as never, table: 'users' }] })).rejects.toThrow(
      /allow: unknown finding code "extra-colum": the codes are registry-conflict, missing-table, missing-column, .*extra-column/,
    );
    await expect(checkSchema({ sources, db: nowhere, allow: ['missing-colum' as never] })).rejects.toThrow(/unknown finding code "missing-colum"/);
  });

  it('an unknown code in rules is a RuleSettingsError naming it and listing the codes', async () => {
    const rejected = guardSchema({ sources, db: nowhere, mode: 'warn', rules: { 'extra-colum': 'off' } as never });
    await expect(rejected).rejects.toThrow(RuleSettingsError);
    await expect(checkSchema({ sources, db: nowhere, rules: { 'extra-colum': 'off' } as never })).rejects.toThrow(
      /rules: unknown rule "extra-colum": the codes are registry-conflict, missing-table/,
    );
  });

  it('allowFindings refuses an unknown code even when the result has no finding', () => {
    const result = { findings: [], changes: [], problems: [], summary: { tables: 1, errors: 0, warnings: 0 } } as never;
    expect(() => allowFindings(result, ['missing-colum' as never])).toThrow(/unknown finding code "missing-colum"/);
    expect(allowFindings(result, ['missing-column'])).toStrictEqual(result);
  });
});

describe('the matchers refuse unknown codes', () => {
  const context = { isNot: false };
  it("toMatchDatabase with allow: ['missing-colum'] throws naming the code, before connecting", async () => {
    await expect(ormdriftMatchers.toMatchDatabase.call(context, sources, nowhere, { allow: ['missing-colum' as never] })).rejects.toThrow(
      /unknown finding code "missing-colum": the codes are .*missing-column/,
    );
  });

  it('toMatchDatabase with an unknown rules code throws naming it', async () => {
    await expect(ormdriftMatchers.toMatchDatabase.call(context, sources, nowhere, { rules: { 'missing-colum': 'off' } as never })).rejects.toThrow(
      /unknown rule "missing-colum"/,
    );
  });

  it('toHaveNoDrift with an unknown allow code throws naming it, on a clean result too', () => {
    const result = { findings: [], changes: [], problems: [], summary: { tables: 1, errors: 0, warnings: 0 } };
    expect(() => ormdriftMatchers.toHaveNoDrift.call(context, result, { allow: ['missing-colum' as never] })).toThrow(/unknown finding code "missing-colum"/);
  });
});

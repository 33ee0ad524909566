import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareLiterals, type Queryable } from '@ormdrift/postgres';
import { createTestDatabase, type TestDatabase } from './support/test-database.ts';

describe('compareLiterals: constant defaults compared by the server', () => {
  let database: TestDatabase;
  let client: pg.Client;
  const statements: string[] = [];
  const queryable: Queryable = {
    query: (text, values) => {
      statements.push(text);
      return client.query(text, values);
    },
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    await database.query(`create type mood as enum ('sad', 'ok')`);
    client = new pg.Client({ connectionString: database.url });
    await client.connect();
  });
  afterAll(async () => {
    await client?.end();
    await database?.drop();
  });

  it('decides every pair in one statement of a read-only transaction', async () => {
    statements.length = 0;
    const verdicts = await compareLiterals(queryable, [
      { type: 'interval', expected: '1 hour', actual: '01:00:00' },
      { type: 'interval', expected: '1 day', actual: '24:00:00' },
      { type: 'inet', expected: '10.0.0.1/32', actual: '10.0.0.1' },
      { type: 'inet', expected: '10.0.0.1', actual: '10.0.0.2' },
      { type: 'money', expected: '0', actual: '$0.00' },
      { type: 'point', expected: '(1,2)', actual: '(1, 2)' },
      { type: 'bit(3)', expected: '101', actual: '100' },
      { type: 'timestamp with time zone', expected: '2024-01-01 01:00:00+01', actual: '2024-01-01 00:00:00+00' },
      { type: 'mood', expected: 'ok', actual: 'ok' },
    ]);
    expect(verdicts).toEqual([true, false, true, false, true, true, false, true, true]);
    const selects = statements.filter((text) => /^select \$|^select case/.test(text));
    expect(selects).toHaveLength(1);
    expect(statements[0]).toBe('begin read only');
    expect(statements.at(-1)).toBe('rollback');
  });

  it('leaves undecided a text the type does not accept, and still decides the others', async () => {
    const verdicts = await compareLiterals(queryable, [
      { type: 'interval', expected: 'soon', actual: '01:00:00' },
      { type: 'integer', expected: '1', actual: '01' },
    ]);
    // pg_input_is_valid exists on every server the tests run (16 and 18)
    expect(verdicts).toEqual([undefined, true]);
  });

  it('never sends a type name that is not one, and never runs a function of the caller', async () => {
    statements.length = 0;
    const verdicts = await compareLiterals(queryable, [
      { type: 'integer; drop table x', expected: '1', actual: '1' },
      { type: 'timestamp with time zone', expected: 'now', actual: 'now' },
    ]);
    expect(verdicts[0]).toBeUndefined();
    expect(statements.some((text) => text.includes('drop table'))).toBe(false);
    // the literal texts travel as parameters: 'now' is read by the type's input function, nothing else runs
    expect(statements.join('\n')).not.toMatch(/'now'/);
  });
});

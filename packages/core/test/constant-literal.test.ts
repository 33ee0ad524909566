import { describe, expect, it } from 'vitest';
import { constantLiteral } from '@ormdrift/core';

describe('constantLiteral: only single constants may be handed to the server', () => {
  it.each([
    [`'1 hour'`, '1 hour'],
    [`'01:00:00'::interval`, '01:00:00'],
    [`INTERVAL '30 days'`, '30 days'],
    [`TIMESTAMP WITH TIME ZONE '2024-01-01 00:00:00+00'`, '2024-01-01 00:00:00+00'],
    [`('-1'::integer)::integer`, '-1'],
    [`(-1)`, '-1'],
    [`1e-7`, '1e-7'],
    [`'it''s'::text`, "it's"],
    [`B'101'`, '101'],
    [`X'A'`, '1010'],
    [`'10.0.0.1'::inet`, '10.0.0.1'],
    [`'member'::"public"."Accounts_role_enum"`, 'member'],
  ])('%s is the constant %j', (expression, literal) => {
    expect(constantLiteral(expression)).toBe(literal);
  });

  it.each([`now()`, `(now() + '1 day'::interval)`, `nextval('users_id_seq'::regclass)`, `'a' || 'b'`, `random()`, `ARRAY[1, 2]`, `E'a\\nb'`, `1 + 1`])(
    '%s is not a single constant',
    (expression) => {
      expect(constantLiteral(expression)).toBeUndefined();
    },
  );
});

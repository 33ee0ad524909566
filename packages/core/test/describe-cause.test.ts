import { describe, expect, it } from 'vitest';
import type { Finding } from '../src/check/finding.ts';
import { describeCause } from '../src/report/describe-cause.ts';

const finding = (overrides: Partial<Finding>): Finding => ({
  code: 'missing-column',
  severity: 'error',
  key: 'k',
  schema: 'public',
  table: 'user_sessions',
  message: 'm',
  expected: null,
  actual: null,
  sources: [],
  ...overrides,
});

describe('describeCause', () => {
  it('is undefined without a cause', () => expect(describeCause(finding({ column: 'message_count' }))).toBeUndefined());

  it.each<[Partial<Finding>, string]>([
    [{ column: 'message_count' }, 'user_sessions.message_count is added by 004.sql, which this database has not applied'],
    [{ code: 'missing-table', table: 'events', schema: 'audit' }, 'audit.events is created by 004.sql, which this database has not applied'],
    [{ code: 'missing-enum', expected: { enum: 'session_state' } }, 'type session_state is created by 004.sql, which this database has not applied'],
    [
      { code: 'missing-index', expected: { columns: ['user_id', 'created_at'] } },
      'the index on user_sessions(user_id, created_at) is created by 004.sql, which this database has not applied',
    ],
    [
      { code: 'missing-unique', expected: { columns: ['session_id'] } },
      'the unique constraint on user_sessions(session_id) is created by 004.sql, which this database has not applied',
    ],
    [
      { code: 'missing-foreign-key', expected: { columns: ['user_id'] } },
      'the foreign key user_sessions(user_id) is created by 004.sql, which this database has not applied',
    ],
  ])('names the missing object: %j', (overrides, sentence) =>
    expect(describeCause(finding({ ...overrides, cause: { migration: '004.sql', applied: false } }))).toBe(sentence),
  );

  it('an applied migration whose object is missing: changed by hand since', () =>
    expect(describeCause(finding({ column: 'message_count', cause: { migration: '004.sql', applied: true } }))).toBe(
      'user_sessions.message_count is added by 004.sql, which this database has applied: it was removed or changed by hand since',
    ));
});

/** The `index-mismatch` rule: a declared index that exists on the same columns, but differs. */
import { index, unique } from '../support/models.ts';
import { emailDb, emailModel } from '../support/rule-fixtures.ts';
import { ruleTester } from '../support/rule-tester.ts';

ruleTester('index-mismatch', {
  valid: [
    { name: 'the full index exists', expected: emailModel({ indexes: [index(['email'])] }), actual: emailDb({ indexes: [index(['email'])] }) },
    {
      name: 'a full and a partial index on the same columns',
      expected: emailModel({ indexes: [index(['email'])] }),
      actual: emailDb({ indexes: [index(['email'], { where: '(deleted_at IS NULL)' }), index(['email'])] }),
    },
    { name: 'no index at all is missing-index business', expected: emailModel({ indexes: [index(['email'])] }), actual: emailDb() },
    {
      name: 'a partial index in another column order is missing-index business',
      expected: emailModel({ indexes: [index(['email', 'org_id'])] }),
      actual: emailDb({ indexes: [index(['org_id', 'email'], { where: '(deleted_at IS NULL)' })] }),
    },
  ],
  invalid: [
    {
      name: 'only a partial index on the same columns',
      expected: emailModel({ indexes: [index(['email'])] }),
      actual: emailDb({ indexes: [index(['email'], { where: '(deleted_at IS NULL)' })] }),
      findings: [{ severity: 'warning', table: 'users', column: 'email', expected: { columns: ['email'] }, actual: { columns: ['email'], where: '(deleted_at IS NULL)' } }],
    },
    {
      name: 'only a partial unique index on the same columns',
      expected: emailModel({ indexes: [index(['email'])] }),
      actual: emailDb({ uniques: [unique(['email'], { where: '(deleted_at IS NULL)' })] }),
      findings: [{ severity: 'warning', table: 'users', column: 'email' }],
    },
  ],
});

import { User, users, usersInDb } from '../support/rule-fixtures.ts';
import { ruleTester } from '../support/rule-tester.ts';

ruleTester('nullability-mismatch', {
  valid: [
    { name: 'NOT NULL on both sides', expected: users(['email', 'text']), actual: usersInDb(['email', 'text']) },
    { name: 'nullable on both sides', expected: users(['bio', 'text', { nullable: true }]), actual: usersInDb(['bio', 'text', { nullable: true }]) },
  ],
  invalid: [
    {
      name: 'nullable in the model, NOT NULL in the database: inserts of null fail',
      expected: users(['bio', 'text', { nullable: true }]),
      actual: usersInDb(['bio', 'text']),
      findings: [
        {
          severity: 'error',
          table: 'users',
          column: 'bio',
          message: 'users.bio is nullable in User (typeorm) but NOT NULL in the database: saving a null fails',
          expected: { nullable: true },
          actual: { nullable: false },
          sources: [User],
        },
      ],
    },
    {
      name: 'NOT NULL in the model, nullable in the database',
      expected: users(['bio', 'text']),
      actual: usersInDb(['bio', 'text', { nullable: true }]),
      findings: [
        {
          severity: 'warning',
          table: 'users',
          column: 'bio',
          message: 'users.bio is NOT NULL in User (typeorm) but nullable in the database',
          expected: { nullable: false },
          actual: { nullable: true },
        },
      ],
    },
  ],
});

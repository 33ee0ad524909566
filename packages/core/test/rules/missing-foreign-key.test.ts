/** The `missing-foreign-key` rule: which differences it reports, and how. */
import { foreignKey } from '../support/models.ts';
import { Post, postsWithForeignKey, grants } from '../support/rule-fixtures.ts';
import { ruleTester } from '../support/rule-tester.ts';

ruleTester('missing-foreign-key', {
  valid: [
    { name: 'the foreign key exists', ...postsWithForeignKey(foreignKey(['user_id'], 'users(id)'), [foreignKey(['user_id'], 'users(id)')]) },
    {
      name: 'a differently named constraint',
      ...postsWithForeignKey(foreignKey(['user_id'], 'users(id)', { name: 'FK_posts_user', onDelete: 'CASCADE' }), [
        foreignKey(['user_id'], 'users(id)', { name: 'posts_user_id_fkey', onDelete: 'CASCADE' }),
      ]),
    },
    {
      name: 'RESTRICT where the model says NO ACTION (they differ only for deferred constraints)',
      ...postsWithForeignKey(foreignKey(['user_id'], 'users(id)'), [foreignKey(['user_id'], 'users(id)', { onDelete: 'RESTRICT' })]),
    },
    {
      name: 'a composite key with its column pairs in another order',
      ...grants(foreignKey(['org_id', 'user_id'], 'memberships(org_id, user_id)'), [foreignKey(['user_id', 'org_id'], 'memberships(user_id, org_id)')]),
    },
    {
      name: 'a foreign key with other actions is foreign-key-mismatch business',
      ...postsWithForeignKey(foreignKey(['user_id'], 'users(id)', { onDelete: 'CASCADE' }), [foreignKey(['user_id'], 'users(id)', { onDelete: 'SET NULL' })]),
    },
  ],
  invalid: [
    {
      name: 'the database has no foreign key',
      ...postsWithForeignKey(foreignKey(['user_id'], 'users(id)', { onDelete: 'CASCADE' }), []),
      findings: [
        {
          severity: 'warning',
          table: 'posts',
          column: 'user_id',
          message: 'posts(user_id) references users(id) in Post (typeorm) but the database has no such foreign key',
          expected: { columns: ['user_id'], references: 'users(id)', onDelete: 'CASCADE', onUpdate: 'NO ACTION' },
          actual: null,
          sources: [Post],
        },
      ],
    },
    {
      name: 'the foreign key references another table',
      ...postsWithForeignKey(foreignKey(['user_id'], 'users(id)'), [foreignKey(['user_id'], 'accounts(id)')]),
      findings: [
        {
          severity: 'warning',
          table: 'posts',
          column: 'user_id',
          expected: { columns: ['user_id'], references: 'users(id)', onDelete: 'NO ACTION', onUpdate: 'NO ACTION' },
        },
      ],
    },
    {
      name: 'the foreign key references a table of that name in another schema',
      ...postsWithForeignKey(foreignKey(['user_id'], 'auth.users(id)', { name: 'FK_posts_auth_user' }), [foreignKey(['user_id'], 'users(id)')]),
      findings: [
        {
          severity: 'warning',
          table: 'posts',
          column: 'user_id',
          message: 'posts(user_id) references auth.users(id) in Post (typeorm) but the database has no such foreign key',
          expected: { columns: ['user_id'], references: 'auth.users(id)', onDelete: 'NO ACTION', onUpdate: 'NO ACTION', name: 'FK_posts_auth_user' },
        },
      ],
    },
    {
      name: 'a composite key is one finding with no single column',
      ...grants(foreignKey(['org_id', 'user_id'], 'memberships(org_id, user_id)'), [foreignKey(['org_id', 'user_id'], 'memberships(user_id, org_id)')]),
      findings: [
        {
          severity: 'warning',
          table: 'grants',
          message: 'grants(org_id, user_id) references memberships(org_id, user_id) in User (typeorm) but the database has no such foreign key',
          expected: { columns: ['org_id', 'user_id'], references: 'memberships(org_id, user_id)', onDelete: 'NO ACTION', onUpdate: 'NO ACTION' },
        },
      ],
    },
  ],
});

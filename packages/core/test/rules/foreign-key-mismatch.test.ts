/** The `foreign-key-mismatch` rule: a declared foreign key that exists with other ON DELETE / ON UPDATE actions. */
import { column, dbTable, foreignKey, schema, source, table } from '../support/models.ts';
import { postsWithForeignKey, usersDbTable, usersTable } from '../support/rule-fixtures.ts';
import { ruleTester } from '../support/rule-tester.ts';

const Comment = source('Comment', 'sequelize');
/** comments(post_id → posts(id)) as a Sequelize association declares it, with actions given or left to Sequelize. */
const comments = (declared: ReturnType<typeof foreignKey>, inDatabase: ReturnType<typeof foreignKey>) => ({
  expected: schema([
    usersTable('integer'),
    table('comments', [column('id', 'integer'), column('user_id', 'integer', { nullable: true })], {
      primaryKey: ['id'],
      foreignKeys: [declared],
      sources: [Comment],
    }),
  ]),
  actual: schema([
    usersDbTable('integer'),
    dbTable('comments', [column('id', 'integer'), column('user_id', 'integer', { nullable: true })], { primaryKey: ['id'], foreignKeys: [inDatabase] }),
  ]),
});

ruleTester('foreign-key-mismatch', {
  valid: [
    {
      name: 'the same actions',
      ...postsWithForeignKey(foreignKey(['user_id'], 'users(id)', { onDelete: 'CASCADE' }), [foreignKey(['user_id'], 'users(id)', { onDelete: 'CASCADE' })]),
    },
    {
      name: 'no foreign key at all is missing-foreign-key business',
      ...postsWithForeignKey(foreignKey(['user_id'], 'users(id)', { onDelete: 'CASCADE' }), []),
    },
    {
      name: 'one of two constraints on the same columns has the declared actions',
      ...postsWithForeignKey(foreignKey(['user_id'], 'users(id)', { onDelete: 'CASCADE' }), [
        foreignKey(['user_id'], 'users(id)', { onDelete: 'SET NULL' }),
        foreignKey(['user_id'], 'users(id)', { onDelete: 'CASCADE' }),
      ]),
    },
  ],
  invalid: [
    {
      name: 'the declared key added NOT VALID: rows stored before it were never checked',
      ...postsWithForeignKey(foreignKey(['user_id'], 'users(id)'), [
        { ...foreignKey(['user_id'], 'users(id)', { name: 'posts_user_id_fkey' }), notValidated: true },
      ]),
      findings: [
        {
          severity: 'warning',
          table: 'posts',
          column: 'user_id',
          message:
            'posts(user_id) references users(id) by posts_user_id_fkey NOT VALID in the database: rows stored before the key was added were never checked and may reference missing users rows',
          expected: { onDelete: 'NO ACTION', onUpdate: 'NO ACTION', validated: true },
          actual: { onDelete: 'NO ACTION', onUpdate: 'NO ACTION', validated: false, name: 'posts_user_id_fkey' },
        },
      ],
    },
    {
      name: 'a key the model defers to COMMIT is NOT DEFERRABLE in the database: children inserted first fail',
      ...postsWithForeignKey(foreignKey(['user_id'], 'users(id)', { deferrable: 'deferred' }), [
        foreignKey(['user_id'], 'users(id)', { name: 'posts_user_id_fkey' }),
      ]),
      findings: [
        {
          severity: 'error',
          table: 'posts',
          column: 'user_id',
          message:
            'posts(user_id) references users(id) NOT DEFERRABLE in the database, but DEFERRABLE INITIALLY DEFERRED in Post (typeorm): code that inserts children before their parent within a transaction fails at the first insert',
          expected: { onDelete: 'NO ACTION', onUpdate: 'NO ACTION', deferrable: 'deferred' },
          actual: { onDelete: 'NO ACTION', onUpdate: 'NO ACTION', deferrable: 'not deferrable', name: 'posts_user_id_fkey' },
        },
      ],
    },
    {
      name: 'a key the model checks at each statement is deferred to COMMIT in the database',
      ...postsWithForeignKey(foreignKey(['user_id'], 'users(id)'), [foreignKey(['user_id'], 'users(id)', { deferrable: 'deferred' })]),
      findings: [{ severity: 'warning', table: 'posts', column: 'user_id' }],
    },
    {
      name: 'other actions and another deferral: one finding each',
      ...postsWithForeignKey(foreignKey(['user_id'], 'users(id)', { onDelete: 'CASCADE', deferrable: 'immediate' }), [foreignKey(['user_id'], 'users(id)')]),
      findings: [
        { severity: 'error', table: 'posts', column: 'user_id', expected: { onDelete: 'CASCADE', onUpdate: 'NO ACTION', deferrable: 'immediate' } },
        { severity: 'warning', table: 'posts', column: 'user_id', expected: { onDelete: 'CASCADE', onUpdate: 'NO ACTION' } },
      ],
    },
    {
      name: 'the foreign key with other ON DELETE / ON UPDATE actions',
      ...postsWithForeignKey(foreignKey(['user_id'], 'users(id)', { onDelete: 'CASCADE' }), [
        foreignKey(['user_id'], 'users(id)', { name: 'posts_user_id_fkey', onDelete: 'SET NULL', onUpdate: 'CASCADE' }),
      ]),
      findings: [
        {
          severity: 'warning',
          table: 'posts',
          column: 'user_id',
          message:
            'posts(user_id) references users(id) ON DELETE SET NULL ON UPDATE CASCADE in the database, but ON DELETE CASCADE ON UPDATE NO ACTION in Post (typeorm)',
          expected: { onDelete: 'CASCADE', onUpdate: 'NO ACTION' },
          actual: { onDelete: 'SET NULL', onUpdate: 'CASCADE', name: 'posts_user_id_fkey' },
        },
      ],
    },
    {
      // Sequelize's belongsTo defaults (SET NULL / CASCADE) that the model never wrote: one severity lower, and said so
      name: 'actions the model left to its ORM differ: a warning that says so',
      ...comments(
        foreignKey(['user_id'], 'users(id)', { onDelete: 'SET NULL', onUpdate: 'CASCADE', inherited: ['onDelete', 'onUpdate'] }),
        foreignKey(['user_id'], 'users(id)', { onDelete: 'NO ACTION', onUpdate: 'NO ACTION' }),
      ),
      findings: [
        {
          severity: 'warning',
          table: 'comments',
          column: 'user_id',
          message:
            "comments(user_id) references users(id) ON DELETE NO ACTION ON UPDATE NO ACTION in the database, but ON DELETE SET NULL ON UPDATE CASCADE in Comment (sequelize); ON DELETE SET NULL, ON UPDATE CASCADE by Sequelize's default; the model does not say",
        },
      ],
    },
    {
      name: 'a declared action differs too: not a default, no note',
      ...comments(
        foreignKey(['user_id'], 'users(id)', { onDelete: 'CASCADE', onUpdate: 'CASCADE', inherited: ['onUpdate'] }),
        foreignKey(['user_id'], 'users(id)', { onDelete: 'NO ACTION', onUpdate: 'NO ACTION' }),
      ),
      findings: [
        {
          severity: 'warning',
          table: 'comments',
          column: 'user_id',
          message:
            'comments(user_id) references users(id) ON DELETE NO ACTION ON UPDATE NO ACTION in the database, but ON DELETE CASCADE ON UPDATE CASCADE in Comment (sequelize)',
        },
      ],
    },
  ],
});

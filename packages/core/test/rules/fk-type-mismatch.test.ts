/** The `fk-type-mismatch` rule: which differences it reports, and how. */
import { describe, expect, it } from 'vitest';
import { column, dbTable, foreignKey, schema, table } from '../support/models.ts';
import { Post, usersTable, usersDbTable, postsTable, postsDbTable, fkTypeVariants } from '../support/rule-fixtures.ts';
import { ruleTester, run } from '../support/rule-tester.ts';

ruleTester('fk-type-mismatch', {
  valid: [
    {
      name: 'integer references integer',
      expected: schema([usersTable('integer'), postsTable('integer')]),
      actual: schema([usersDbTable('integer'), postsDbTable('integer')]),
    },
    {
      name: 'int4 references serial',
      expected: schema([usersTable('serial'), postsTable('int4')]),
      actual: schema([usersDbTable('integer'), postsDbTable('integer')]),
    },
    { name: 'uuid references uuid', expected: schema([usersTable('uuid'), postsTable('uuid')]), actual: schema([usersDbTable('uuid'), postsDbTable('uuid')]) },
    { name: 'the referenced table is nowhere to be read', expected: schema([postsTable('uuid')]), actual: schema([]) },
  ],
  invalid: [
    {
      name: 'the models disagree with each other',
      ...fkTypeVariants.models,
      findings: [
        {
          severity: 'error',
          table: 'posts',
          column: 'user_id',
          message: 'posts.user_id is declared uuid by Post (typeorm) but references users.id, which the models declare integer',
          expected: { type: 'integer', references: 'users.id' },
          actual: { type: 'uuid' },
          sources: [Post],
        },
      ],
    },
    {
      name: 'the model disagrees with the referenced table in the database',
      ...fkTypeVariants.across,
      findings: [
        {
          severity: 'error',
          table: 'posts',
          column: 'user_id',
          message: 'posts.user_id is declared uuid by Post (typeorm) but references users.id, which is integer in the database',
          expected: { type: 'integer', references: 'users.id' },
          actual: { type: 'uuid' },
        },
      ],
    },
    {
      // The table does not exist yet: creating it would fail.
      name: 'the referencing table does not exist yet',
      expected: schema([postsTable('uuid')]),
      actual: schema([usersDbTable('integer')]),
      findings: [{ severity: 'error', table: 'posts', column: 'user_id', expected: { type: 'integer', references: 'users.id' }, actual: { type: 'uuid' } }],
    },
    {
      name: 'a foreign key only the database has',
      expected: schema([usersTable('integer'), postsTable('bigint', false)]),
      actual: schema([usersDbTable('integer'), postsDbTable('bigint')]),
      findings: [
        {
          severity: 'warning',
          table: 'posts',
          column: 'user_id',
          message:
            'posts.user_id is bigint in the database but references users.id, which is integer: it is wider than what it references, so no value is lost, but the types should match',
        },
      ],
    },
    {
      name: 'a join column narrower than the key it references is an error',
      expected: schema([usersTable('varchar(36)'), postsTable('varchar(2)')]),
      actual: schema([usersDbTable('varchar(36)'), postsDbTable('varchar(2)')]),
      findings: [{ severity: 'error', table: 'posts', column: 'user_id' }],
    },
    {
      name: 'an unbounded varchar join column to a varchar(2) key is wider: a warning',
      expected: schema([usersTable('varchar(2)'), postsTable('varchar')]),
      actual: schema([usersDbTable('varchar(2)'), postsDbTable('varchar')]),
      findings: [
        {
          severity: 'warning',
          table: 'posts',
          column: 'user_id',
          message:
            'posts.user_id is declared character varying by Post (typeorm) but references users.id, which the models declare character varying(2): it is wider than what it references, so no value is lost, but the types should match',
        },
      ],
    },
    {
      name: 'a target in another schema is named with its schema',
      expected: schema([
        table('users', [column('id', 'integer')], { schema: 'auth', primaryKey: ['id'] }),
        table('posts', [column('user_id', 'uuid')], { foreignKeys: [foreignKey(['user_id'], 'auth.users(id)')], sources: [Post] }),
      ]),
      actual: schema([
        dbTable('users', [column('id', 'integer')], { schema: 'auth', primaryKey: ['id'] }),
        dbTable('posts', [column('user_id', 'integer')], { foreignKeys: [foreignKey(['user_id'], 'auth.users(id)')] }),
      ]),
      findings: [
        {
          severity: 'error',
          table: 'posts',
          column: 'user_id',
          message: 'posts.user_id is declared uuid by Post (typeorm) but references auth.users.id, which the models declare integer',
          expected: { type: 'integer', references: 'auth.users.id' },
        },
      ],
    },
  ],
});

describe('a foreign-key column whose database type differs from the model', () => {
  it.each(['models', 'across'] as const)(
    '%s: the model-versus-database fact is a column-type-mismatch, the conflict between the models an fk-type-mismatch',
    (variant) => {
      const onColumn = run({ name: '', ...fkTypeVariants[variant] }).findings.filter((finding) => finding.table === 'posts' && finding.column === 'user_id');
      expect(onColumn.map((finding) => finding.code)).toEqual(['column-type-mismatch', 'fk-type-mismatch']);
    },
  );

  it('database: a retyped key column is one column-type-mismatch stating the model type, with the key it references', () => {
    const onColumn = run({ name: '', ...fkTypeVariants.database }).findings.filter((finding) => finding.table === 'posts' && finding.column === 'user_id');
    expect(onColumn.map(({ code, severity, message, expected, actual }) => ({ code, severity, message, expected, actual }))).toEqual([
      {
        code: 'column-type-mismatch',
        severity: 'error',
        message:
          'posts.user_id is integer in Post (typeorm) but bigint in the database; the driver reads bigint as a string where the model expects a number; it is a foreign key to users.id (integer)',
        expected: { type: 'integer', references: 'users.id', referencedType: 'integer' },
        actual: { type: 'bigint' },
      },
    ]);
  });

  it('still reports column-type-mismatch for a column with no foreign key', () => {
    const expected = schema([usersTable('integer'), postsTable('uuid', false)]);
    const actual = schema([usersDbTable('integer'), postsDbTable('integer', false)]);
    expect(run({ name: '', expected, actual }).findings.map((finding) => finding.code)).toEqual(['column-type-mismatch']);
  });
});

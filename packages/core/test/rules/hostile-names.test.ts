/**
 * Every rule's message names objects as PostgreSQL prints them, so that a name can be pasted into SQL: a
 * keyword (`order`, `select`), a capital (`userId`), a space or a double quote is quoted, a type or table in
 * another schema is schema-qualified (`audit.status`). The finding's own fields keep the raw names.
 */
import { describe, expect, it } from 'vitest';
import type { RuleCode, SchemaModel } from '@ormdrift/core';
import { check, column, dbEnum, dbTable, enumColumn, enumType, foreignKey, index, schema, source, table, unique } from '../support/models.ts';
import { run } from '../support/rule-tester.ts';

const id = column('id', 'integer');
const user = table('User', [id], { primaryKey: ['id'] });
const userInDb = dbTable('User', [id], { primaryKey: ['id'] });

interface HostileCase {
  readonly code: RuleCode;
  readonly expected: SchemaModel;
  readonly actual: SchemaModel;
  /** The raw table name the finding carries. */
  readonly table: string;
  readonly message: string;
}

/** `public."order"` with the given columns, as the models declare it and as the database holds it. */
const order = (columns: Parameters<typeof column>[], options: Parameters<typeof table>[2] = {}) =>
  table('order', [id, ...columns.map((args) => column(...args))], { primaryKey: ['id'], ...options });
const orderInDb = (columns: Parameters<typeof column>[], options: Parameters<typeof dbTable>[2] = {}) =>
  dbTable('order', [id, ...columns.map((args) => column(...args))], { primaryKey: ['id'], ...options });

const cases: readonly HostileCase[] = [
  {
    code: 'missing-table',
    expected: schema([table('Order Lines', [id], { schema: 'audit' })]),
    actual: schema([]),
    table: 'Order Lines',
    message: 'audit."Order Lines" is declared by User (typeorm) but the database has no such table',
  },
  {
    code: 'missing-column',
    expected: schema([order([['userId', 'integer']])]),
    actual: schema([orderInDb([])]),
    table: 'order',
    message: '"order"."userId" is declared by User (typeorm) but the table has no such column',
  },
  {
    code: 'column-type-mismatch',
    expected: schema([table('order', [id, enumColumn('state', 'audit.Status')], { primaryKey: ['id'] })], [enumType('audit.Status', ['new'])]),
    actual: schema([orderInDb([['state', 'text']])], [dbEnum('audit.Status', ['new'])]),
    table: 'order',
    message: '"order".state is audit."Status" in User (typeorm) but text in the database',
  },
  {
    code: 'nullability-mismatch',
    expected: schema([order([['select', 'text', { nullable: true }]])]),
    actual: schema([orderInDb([['select', 'text']])]),
    table: 'order',
    message: '"order"."select" is nullable in User (typeorm) but NOT NULL in the database: saving a null fails',
  },
  {
    code: 'default-mismatch',
    expected: schema([order([['say "hi"', 'integer', { default: '0' }]])]),
    actual: schema([orderInDb([['say "hi"', 'integer', { default: '1' }]])]),
    table: 'order',
    message: '"order"."say ""hi""" has default 1 in the database but 0 in User (typeorm)',
  },
  {
    code: 'extra-column',
    expected: schema([order([])]),
    actual: schema([orderInDb([['userId', 'integer', { nullable: true }]])]),
    table: 'order',
    message: '"order"."userId" exists in the database but User (typeorm) does not declare it',
  },
  {
    code: 'missing-unique',
    expected: schema([
      order(
        [
          ['userId', 'integer'],
          ['select', 'text'],
        ],
        { uniques: [unique(['userId', 'select'])] },
      ),
    ]),
    actual: schema([
      orderInDb([
        ['userId', 'integer'],
        ['select', 'text'],
      ]),
    ]),
    table: 'order',
    message: '"order" has no unique constraint or unique index on ("userId", "select") that User (typeorm) declares: duplicates can be stored',
  },
  {
    code: 'missing-unique',
    // a junction's primary key that no model declares, implied by the relation that owns the junction
    expected: schema([
      {
        ...table('Post Tags', [column('postId', 'integer'), column('tagId', 'integer')], { sources: [source('post_tags', 'typeorm')] }),
        primaryKey: { columns: ['postId', 'tagId'], impliedBy: ['Post.tags (@ManyToMany, @JoinTable)'] },
      },
    ]),
    actual: schema([dbTable('Post Tags', [column('postId', 'integer'), column('tagId', 'integer')])]),
    table: 'Post Tags',
    message:
      '"Post Tags" has no primary key, unique constraint or unique index on ("postId", "tagId"), the primary key of post_tags (typeorm) that Post.tags (@ManyToMany, @JoinTable) implies: duplicates can be stored',
  },
  {
    code: 'missing-foreign-key',
    expected: schema([user, order([['userId', 'integer']], { foreignKeys: [foreignKey(['userId'], 'User(id)')] })]),
    actual: schema([userInDb, orderInDb([['userId', 'integer']])]),
    table: 'order',
    message: '"order"("userId") references "User"(id) in User (typeorm) but the database has no such foreign key',
  },
  {
    code: 'foreign-key-mismatch',
    expected: schema([user, order([['userId', 'integer']], { foreignKeys: [foreignKey(['userId'], 'User(id)')] })]),
    actual: schema([
      userInDb,
      orderInDb([['userId', 'integer']], { foreignKeys: [foreignKey(['userId'], 'User(id)', { onDelete: 'CASCADE', name: 'FK_Order' })] }),
    ]),
    table: 'order',
    message:
      '"order"("userId") references "User"(id) ON DELETE CASCADE ON UPDATE NO ACTION in the database, but ON DELETE NO ACTION ON UPDATE NO ACTION in User (typeorm)',
  },
  {
    code: 'fk-type-mismatch',
    expected: schema([user, order([['userId', 'uuid']], { foreignKeys: [foreignKey(['userId'], 'User(id)')] })]),
    actual: schema([userInDb, orderInDb([['userId', 'uuid']])]),
    table: 'order',
    message: '"order"."userId" is declared uuid by User (typeorm) but references "User".id, which the models declare integer',
  },
  {
    code: 'missing-index',
    expected: schema([order([['userId', 'integer']], { indexes: [index(['userId'])] })]),
    actual: schema([orderInDb([['userId', 'integer']])]),
    table: 'order',
    message: '"order" has no index on ("userId") that User (typeorm) declares: queries on it scan the table',
  },
  {
    code: 'index-mismatch',
    expected: schema([order([['userId', 'integer']], { indexes: [index(['userId'])] })]),
    actual: schema([orderInDb([['userId', 'integer']], { indexes: [index(['userId'], { name: 'IDX_Order', where: '("userId" > 0)' })] })]),
    table: 'order',
    message:
      '"order" has only a partial index on ("userId") (WHERE ("userId" > 0)), but User (typeorm) declares a full one: queries outside the predicate scan the table',
  },
  {
    code: 'unique-mismatch',
    expected: schema([order([['userId', 'integer']], { uniques: [unique(['userId'], { nullsNotDistinct: true })] })]),
    actual: schema([orderInDb([['userId', 'integer']], { uniques: [unique(['userId'], { name: 'UQ_Order' })] })]),
    table: 'order',
    message: '"order" has a unique on ("userId") that lets NULLs repeat, but User (typeorm) declares it NULLS NOT DISTINCT: duplicate NULLs can be stored',
  },
  {
    code: 'missing-check',
    expected: schema([order([['total', 'integer']], { checks: [check('total > 0', 'CHK_Order')] })]),
    actual: schema([orderInDb([['total', 'integer']])]),
    table: 'order',
    message: '"order" has no check "CHK_Order" (total > 0) that User (typeorm) declares: rows that break it can be stored',
  },
  {
    code: 'check-mismatch',
    expected: schema([order([['total', 'integer']], { checks: [check('total > 0', 'CHK_Order')] })]),
    actual: schema([orderInDb([['total', 'integer']], { checks: [check('(total > 1)', 'CHK_Order')] })]),
    table: 'order',
    message:
      '"order" has the check "CHK_Order" CHECK ((total > 1)), but User (typeorm) declares it CHECK (total > 0): the database\'s check is stricter: writes the model allows can fail',
  },
  {
    code: 'extra-constraint',
    expected: schema([order([['userId', 'integer']])]),
    actual: schema([orderInDb([['userId', 'integer']], { uniques: [unique(['userId'], { name: 'Order_Key' })] })]),
    table: 'order',
    message:
      '"order" has a unique "Order_Key" on ("userId") that User (typeorm) does not declare: a write that repeats a value the models allow to repeat fails',
  },
  {
    code: 'missing-enum',
    expected: schema([table('order', [id, enumColumn('kind', 'audit.Kind')], { primaryKey: ['id'] })], [enumType('audit.Kind', ['a', 'b'])]),
    actual: schema([dbTable('order', [id, enumColumn('kind', 'audit.Kind')], { primaryKey: ['id'] })]),
    table: 'order',
    message: 'enum type audit."Kind" (a, b) is declared by the models but does not exist in the database',
  },
  {
    code: 'enum-values-mismatch',
    expected: schema([table('order', [id, enumColumn('state', 'audit.status')], { primaryKey: ['id'] })], [enumType('audit.status', ['new', "it's"])]),
    actual: schema([dbTable('order', [id, enumColumn('state', 'audit.status')], { primaryKey: ['id'] })], [dbEnum('audit.status', ['new'])]),
    table: 'order',
    message: "enum type audit.status lacks 'it''s': saving it fails",
  },
  {
    code: 'orphan-table',
    expected: schema([order([])]),
    actual: schema([orderInDb([]), dbTable('Legacy Table', [id])]),
    table: 'Legacy Table',
    message: '"Legacy Table" exists in the database but no model declares it',
  },
];

describe('messages print names as PostgreSQL does', () => {
  it.each(cases.map((test) => [test.code, test] as const))('%s', (code, test) => {
    const found = run({ name: code, expected: test.expected, actual: test.actual }).findings.filter((finding) => finding.code === code);
    expect(found.map((finding) => ({ table: finding.table, message: finding.message }))).toEqual([{ table: test.table, message: test.message }]);
  });
});

/**
 * The uniqueness of a partial unique index is compared exactly once, whichever side declares it how: models declare
 * it as a unique with a predicate, a database (the expected side of `ormdrift diff`) holds it both as that unique and
 * as an index. Every finding of the evaluation is counted, not only one rule's.
 */
import { describe, expect, it } from 'vitest';
import { evaluate, mergeRegistries, type SchemaModel } from '@ormdrift/core';
import { column, dbTable, index, schema, table, unique } from './support/models.ts';

const columns = [column('id', 'integer'), column('email', 'text'), column('deleted_at', 'timestamp with time zone', { nullable: true })];
const where = '(deleted_at IS NULL)';
const uniqueIndex = { uniques: [unique(['email'], { name: 'users_live_email', where })], indexes: [index(['email'], { name: 'users_live_email', where })] };
const plainIndex = { indexes: [index(['email'], { name: 'users_live_email', where })] };
const database = (options: typeof plainIndex) => schema([dbTable('users', columns, { primaryKey: ['id'], ...options })]);

/** The database at the expected side, as `ormdrift diff` names it. */
function expectedDatabase(options: typeof plainIndex): SchemaModel {
  const sources = [{ orm: 'postgres', registry: 'database', database: 'the database at db/app' }];
  return schema([table('users', columns, { primaryKey: ['id'], sources, ...options })]);
}

const codes = (expected: SchemaModel, actual: SchemaModel) =>
  evaluate({ expected: mergeRegistries([expected]), actual }).findings.map((finding) => `${finding.code} ${finding.severity}`);

describe('a partial unique index compared once', () => {
  it('a model unique index the database holds without UNIQUE: one missing-unique', () => {
    const model = schema([
      table('users', columns, { primaryKey: ['id'], uniques: [unique(['email'], { name: 'users_live_email', where: 'deleted_at IS NULL' })] }),
    ]);
    expect(codes(model, database(plainIndex))).toEqual(['missing-unique error']);
  });

  it('a model index the database holds UNIQUE: one extra-constraint', () => {
    const model = schema([
      table('users', columns, { primaryKey: ['id'], indexes: [index(['email'], { name: 'users_live_email', where: 'deleted_at IS NULL' })] }),
    ]);
    expect(codes(model, database(uniqueIndex))).toEqual(['extra-constraint warning']);
  });

  it('a database whose unique index another database holds without UNIQUE: one missing-unique, not an index-mismatch too', () => {
    expect(codes(expectedDatabase(uniqueIndex), database(plainIndex))).toEqual(['missing-unique error']);
  });

  it('a database whose plain index another database holds UNIQUE: one extra-constraint', () => {
    expect(codes(expectedDatabase(plainIndex), database(uniqueIndex))).toEqual(['extra-constraint warning']);
  });

  it('the same unique index on both sides: nothing', () => {
    expect(codes(expectedDatabase(uniqueIndex), database(uniqueIndex))).toEqual([]);
  });
});

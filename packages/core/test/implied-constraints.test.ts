import { describe, expect, it } from 'vitest';
import { mergeRegistries } from '@ormdrift/core';
import { column, schema, table } from './support/models.ts';

/** PostgreSQL makes these columns NOT NULL whatever the ORM's flag says; the expected side must too. */
describe('implied NOT NULL on the expected side', () => {
  const nullability = (declared: ReturnType<typeof table>) =>
    Object.fromEntries(mergeRegistries([schema([declared])]).schema.tables[0]!.columns.map((c) => [c.name, c.nullable]));

  it.each([
    ['a bigserial drizzle-orm leaves nullable', column('id', 'bigint', { nullable: true, default: `nextval('jobs_id_seq'::regclass)` }), {}],
    ['an identity column', column('id', 'integer', { nullable: true, identity: 'always' }), {}],
    ['a primary-key column', column('id', 'uuid', { nullable: true }), { primaryKey: ['id'] }],
  ] as const)('%s is NOT NULL', (_, id, options) => {
    expect(nullability(table('jobs', [id, column('note', 'text', { nullable: true })], options))).toEqual({ id: false, note: true });
  });

  it('leaves other nullable columns, and a nullable column with a plain default, as declared', () => {
    expect(nullability(table('jobs', [column('tries', 'integer', { nullable: true, default: '0' })]))).toEqual({ tries: true });
  });
});

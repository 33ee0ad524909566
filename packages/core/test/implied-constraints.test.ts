import { describe, expect, it } from 'vitest';
import { mergeRegistries } from '@ormdrift/core';
import { column, schema, table } from './support/models.ts';

/** PostgreSQL makes these columns NOT NULL whatever the ORM's flag says; the expected side must too. */
describe('implied NOT NULL on the expected side', () => {
  const nullability = (declared: ReturnType<typeof table>) =>
    Object.fromEntries(mergeRegistries([schema([declared])]).schema.tables[0]!.columns.map((c) => [c.name, c.nullable]));

  it.each([
    ['an identity column', column('id', 'integer', { nullable: true, identity: 'always' }), {}],
    ['a primary-key column', column('id', 'uuid', { nullable: true }), { primaryKey: ['id'] }],
  ] as const)('%s is NOT NULL', (_, id, options) => {
    expect(nullability(table('jobs', [id, column('note', 'text', { nullable: true })], options))).toEqual({ id: false, note: true });
  });

  it('leaves other nullable columns, and a nullable column with a plain default, as declared', () => {
    expect(nullability(table('jobs', [column('tries', 'integer', { nullable: true, default: '0' })]))).toEqual({ tries: true });
  });

  it('leaves a nullable column that draws from a sequence by its default nullable: only a serial is NOT NULL, and its adapter says so', () => {
    expect(nullability(table('jobs', [column('ticket', 'integer', { nullable: true, default: `nextval('tickets'::regclass)` })]))).toEqual({
      ticket: true,
    });
  });
});

/** Two models of one table: what only one declares is part of the table, and its findings name that model only. */
describe('a column or constraint only some models of a table declare', () => {
  const provenance = (model: string) => ({ orm: 'sequelize' as const, registry: 'models', model });
  const article = { ...table('articles', [column('title', 'text'), column('body', 'text')]), sources: [provenance('Article')] };
  const draft = { ...table('articles', [column('title', 'text')]), sources: [provenance('Draft')] };

  it('keeps, per column, the models that declare it', () => {
    const merged = mergeRegistries([schema([article, draft])]).schema.tables[0]!;
    expect(merged.sources.map((source) => source.model)).toEqual(['Article', 'Draft']);
    expect(Object.fromEntries(merged.columns.map((c) => [c.name, c.declaredBy?.map((source) => source.model)]))).toEqual({
      title: ['Article', 'Draft'],
      body: ['Article'],
    });
  });
});

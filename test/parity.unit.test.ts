import { describe, expect, it } from 'vitest';
import { mergeRegistries, type SchemaModel } from '@ormdrift/core';
import { drizzleSource } from '@ormdrift/drizzle';
import { sequelizeSource } from '@ormdrift/sequelize';
import { typeormSource } from '@ormdrift/typeorm';
import * as drizzleSchema from './fixtures/parity/drizzle.ts';
import { paritySequelize } from './fixtures/parity/sequelize.ts';
import { parityDataSource } from './fixtures/parity/typeorm.ts';

/**
 * The model without what legitimately differs between ORMs: provenance, generated constraint names, and
 * which properties each model wrote rather than left to its ORM's default (`inherited`).
 */
function comparable(schema: SchemaModel) {
  const unnamed = <T extends { name?: string; inherited?: unknown }>({ name: _, inherited: _inherited, ...rest }: T) => rest;
  return {
    tables: [...schema.tables]
      .sort((a, b) => a.name.localeCompare(b.name))
      .map(({ sources: _, primaryKey, foreignKeys, uniques, indexes, columns, ...table }) => ({
        ...table,
        // column order is each ORM's own; default spellings differ too, and are compared canonically by the merge below;
        // whether the ORM sends a default itself is each ORM's own behaviour, not the schema
        columns: [...columns]
          .sort((a, b) => a.name.localeCompare(b.name))
          .map(({ type, default: _default, inherited: _inherited, ormSendsDefault: _sends, ...column }) => ({
            ...column,
            type: { name: type.name, arrayDims: type.arrayDims, enum: type.enum },
          })),
        primaryKey: primaryKey && unnamed(primaryKey),
        foreignKeys: foreignKeys.map(unnamed),
        uniques: uniques.map(unnamed),
        indexes,
      })),
    enums: schema.enums.map(({ sources: _, ...declared }) => declared),
  };
}

describe('one schema declared in TypeORM, Sequelize and Drizzle', async () => {
  const loaded = await Promise.all([
    typeormSource(parityDataSource(), { name: 'parity' }).load(),
    sequelizeSource(paritySequelize(), { name: 'parity' }).load(),
    drizzleSource(drizzleSchema, { name: 'parity' }).load(),
  ]);
  const [typeorm, sequelize, drizzle] = loaded.map((source) => source.schema) as [SchemaModel, SchemaModel, SchemaModel];

  it('loads without problems', () => {
    expect(loaded.map((source) => source.problems)).toEqual([[], [], []]);
  });

  it('loads into the same schema model, apart from provenance, constraint names and default spellings', () => {
    expect(comparable(sequelize)).toEqual(comparable(typeorm));
    expect(comparable(drizzle)).toEqual(comparable(typeorm));
  });

  it('merges into one declaration per table and enum, each carrying all three ORMs as sources', () => {
    const merged = mergeRegistries([typeorm, sequelize, drizzle]);
    expect(merged.conflicts).toEqual([]);
    expect(merged.schema.tables.map((table) => [table.name, table.sources.map((source) => source.orm)])).toEqual([
      ['users', ['typeorm', 'sequelize', 'drizzle']],
      ['posts', ['typeorm', 'sequelize', 'drizzle']],
    ]);
    expect(merged.schema.enums.map((declared) => [declared.name, declared.sources.map((source) => source.orm)])).toEqual([
      ['enum_users_role', ['typeorm', 'sequelize', 'drizzle']],
    ]);
  });
});

/**
 * Which copy of an ORM made the objects a program hands in: the loaded module that defines their class or an
 * ancestor's, from which the ORM resolves to that very copy, whatever the current directory.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { packageLocation } from '@ormdrift/core';
import { Model, Sequelize } from 'sequelize';
import { DataSource, EntitySchema, getMetadataArgsStorage } from 'typeorm';

describe('packageLocation', () => {
  it("finds typeorm from a DataSource, an EntitySchema and TypeORM's decorator storage: the copy that made them", () => {
    const dataSource = new DataSource({ type: 'postgres', entities: [] });
    const schema = new EntitySchema({ name: 'Note', columns: { id: { type: Number, primary: true } } });
    for (const value of [dataSource, schema, getMetadataArgsStorage()]) {
      const file = packageLocation('typeorm', [value]);
      expect(file).toMatch(/\/typeorm\//);
      expect((createRequire(file!)('typeorm') as { DataSource: unknown }).DataSource).toBe(DataSource);
    }
  });

  it("finds sequelize from a model class through its ancestors (the user's class is defined in no loaded CommonJS module)", () => {
    const sequelize = new Sequelize({ dialect: 'postgres', logging: false });
    class Invoice extends Model {}
    Invoice.init({}, { sequelize, tableName: 'invoices' });
    const file = packageLocation('sequelize', [Invoice]);
    expect((createRequire(file!)('sequelize') as { Model: unknown }).Model).toBe(Model);
  });

  it('is undefined for values no loaded module defines, and for a package that does not resolve from the module that does', () => {
    class Local {}
    expect(packageLocation('typeorm', [new Local(), Local, 'text', null, undefined, {}])).toBeUndefined();
    expect(packageLocation('no-such-package', [new DataSource({ type: 'postgres', entities: [] })])).toBeUndefined();
  });
});

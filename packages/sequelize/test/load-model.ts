import { formatColumnType, type LoadedSource, type TableModel } from '@ormdrift/core';
import { sequelizeSource } from '@ormdrift/sequelize';
import { Sequelize, type ModelAttributes, type ModelOptions } from 'sequelize';

/** A Sequelize instance that never connects: `dialect: 'postgres'` and no URL, as users hand them to ormdrift. */
export function offlineSequelize(): Sequelize {
  return new Sequelize({ dialect: 'postgres', logging: false });
}

/** Loads one model defined on a fresh instance, as ormdrift reads it. */
export async function loadModel(attributes: ModelAttributes, options: ModelOptions = {}): Promise<LoadedSource & { table: TableModel }> {
  const sequelize = offlineSequelize();
  sequelize.define('Thing', attributes, { timestamps: false, ...options });
  const loaded = await sequelizeSource(sequelize).load();
  const table = loaded.schema.tables[0];
  if (!table) throw new Error('no table loaded');
  return { ...loaded, table };
}

/** A column as a report shows it: canonical type, nullability, database default. */
export function describeColumn(table: TableModel, name: string) {
  const column = table.columns.find((candidate) => candidate.name === name);
  if (!column) return undefined;
  return { type: formatColumnType(column.type), nullable: column.nullable, default: column.default, identity: column.identity };
}

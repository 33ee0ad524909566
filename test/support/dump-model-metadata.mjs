// Prints, as JSON, the decorator metadata of the models in a module and what TypeORM and
// sequelize-typescript build from it. Run in a process of its own (both ORMs keep global state):
//   node dump-model-metadata.mjs ormdrift <module.ts>   loads the module through ormdrift's loader
//   node dump-model-metadata.mjs compiled <module.js>   requires a module compiled by tsc
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

const [mode, file] = process.argv.slice(2);
const require = createRequire(resolve(file));
require('reflect-metadata');
const exports = mode === 'ormdrift' ? await (await import('ormdrift')).importModule(file, process.cwd()) : require(resolve(file));

const name = (type) => (typeof type === 'function' ? type.name : String(type));
const result = {};
for (const [exported, model] of Object.entries(exports)) {
  if (typeof model !== 'function') continue;
  const storage = globalThis.typeormMetadataArgsStorage;
  const typeormColumns = storage?.columns.filter((column) => column.target === model) ?? [];
  if (typeormColumns.length > 0) {
    const { DataSource } = require('typeorm');
    const dataSource = new DataSource({ type: 'postgres', entities: [model], driver: {} });
    await dataSource.buildMetadatas();
    result[exported] = dataSource.getMetadata(model).columns.map((column) => ({
      property: column.propertyName,
      designType: name(Reflect.getMetadata('design:type', model.prototype, column.propertyName)),
      type: name(dataSource.driver.normalizeType(column)),
    }));
  } else if (Reflect.getMetadata('sequelize:attributes', model.prototype)) {
    const { Sequelize } = require('sequelize-typescript');
    new Sequelize({ dialect: 'postgres', logging: false, models: [model] });
    result[exported] = Object.entries(model.getAttributes()).map(([property, attribute]) => ({
      property,
      designType: name(Reflect.getMetadata('design:type', model.prototype, property)),
      type: attribute.type.toSql(),
    }));
  }
}
process.stdout.write(JSON.stringify(result));

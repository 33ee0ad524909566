import type { EnumModel, LoadedSource, SchemaSource, SourceProblem, TableModel } from '@ormdrift/core';
import { modelTable } from './model-table.ts';
import { isModelClass, isSequelizeInstance } from './recognize.ts';
import type { ModelLike, SequelizeLike } from './sequelize-shapes.ts';

export interface SequelizeSourceOptions {
  /** The registry's name in reports; `default` for an instance, `models` for model classes. */
  readonly name?: string;
  /** The file that declared it, for provenance. */
  readonly file?: string;
}

type InitializedModel = ModelLike & { readonly sequelize: SequelizeLike };

/**
 * A Sequelize registry as a schema source: a Sequelize instance (sequelize-typescript's too),
 * whose every model `sync()` would create, including the junction models `belongsToMany`
 * defines; or model classes handed directly, which carry their instance: those models and the
 * junction tables of their many-to-many associations. Nothing connects to a database:
 * Sequelize resolves attributes, associations and table names when models are defined.
 */
export function sequelizeSource(registry: SequelizeLike | ModelLike | readonly ModelLike[], options: SequelizeSourceOptions = {}): SchemaSource {
  const name = options.name ?? (isSequelizeInstance(registry) ? 'default' : 'models');
  return {
    name: `sequelize:${name}`,
    async load(): Promise<LoadedSource> {
      const provenance = { orm: 'sequelize', registry: name, ...(options.file ? { file: options.file } : {}) };
      const tables: TableModel[] = [];
      const enums = new Map<string, EnumModel>();
      const problems: SourceProblem[] = [];
      for (const model of modelsOf(registry, name)) {
        const mapped = modelTable(model, provenance);
        tables.push(mapped.table);
        problems.push(...mapped.problems);
        for (const declared of mapped.enums) enums.set(`${declared.schema}\u0000${declared.name}`, declared);
      }
      return { schema: { tables, enums: [...enums.values()] }, problems };
    },
  };
}

function modelsOf(registry: SequelizeLike | ModelLike | readonly ModelLike[], name: string): InitializedModel[] {
  if (isSequelizeInstance(registry)) {
    assertPostgres(registry, name);
    return registry.modelManager.models.filter(isModelClass);
  }
  const given = Array.isArray(registry) ? (registry as readonly ModelLike[]) : [registry as ModelLike];
  const models = new Set<InitializedModel>();
  for (const model of given) {
    if (!isModelClass(model)) {
      throw new Error(`${String(model.name ?? model)} in sequelize:${name} is not an initialized Sequelize model: define it, call Model.init(), or add it to a Sequelize instance (sequelize-typescript: models: [...] or addModels)`);
    }
    assertPostgres(model.sequelize, name);
    models.add(model);
    for (const association of Object.values(model.associations ?? {})) {
      if (association.associationType === 'BelongsToMany' && isModelClass(association.throughModel)) models.add(association.throughModel);
    }
  }
  return [...models];
}

/**
 * Sequelize converts data types for the instance's dialect when models are defined: the
 * models of a MySQL or SQLite instance describe another database, not this one.
 */
function assertPostgres(sequelize: SequelizeLike, name: string): void {
  const dialect = sequelize.getDialect();
  if (dialect !== 'postgres') {
    throw new Error(`sequelize:${name} uses the ${dialect} dialect: ormdrift checks PostgreSQL, and Sequelize has converted this instance's types for ${dialect}`);
  }
}

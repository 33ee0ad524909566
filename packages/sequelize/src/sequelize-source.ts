import { qualifiedKey, readingPause } from '@ormdrift/core';
import type { EnumModel, LoadedSource, Provenance, SchemaSource, SourceProblem, TableModel } from '@ormdrift/core';
import { attachDetachedModels, isDetachedModelClass } from './detached-models.ts';
import { InboundAssociations } from './inbound-associations.ts';
import { modelTable, type ModelTable } from './model-table.ts';
import { isModelClass, isSequelizeInstance } from './recognize.ts';
import type { InitializedModel, ModelLike, SequelizeInstanceLike, SequelizeLike, SequelizeModelLike } from './sequelize-shapes.ts';
import { assertSupportedSequelize } from './sequelize-version.ts';
import { modelTableName } from './table-name.ts';

export interface SequelizeSourceOptions {
  /** The registry's name in reports; `default` for an instance, `models` for model classes. */
  readonly name?: string;
  /** The file that declared it, for provenance. */
  readonly file?: string;
  /**
   * Where to resolve `sequelize-typescript` from when given `@Table` classes that joined no
   * instance (a path inside the user's project): they are added to an instance of the user's
   * own copy, as the app would add them.
   */
  readonly resolveFrom?: string;
}

/**
 * A Sequelize registry as a schema source: a Sequelize instance (sequelize-typescript's too),
 * whose every model `sync()` would create, including the junction models `belongsToMany`
 * defines; or model classes handed directly, which carry their instance: those models and the
 * junction tables of their many-to-many associations (sequelize-typescript classes that joined
 * no instance yet are added to one first). Nothing connects to a database: Sequelize resolves
 * attributes, associations and table names when models are defined.
 */
export function sequelizeSource(
  registry: SequelizeInstanceLike | SequelizeModelLike | readonly SequelizeModelLike[],
  options: SequelizeSourceOptions = {},
): SchemaSource {
  const name = options.name ?? (isSequelizeInstance(registry) ? 'default' : 'models');
  return {
    name: `sequelize:${name}`,
    async load(): Promise<LoadedSource> {
      const provenance = { orm: 'sequelize', registry: name, ...(options.file ? { file: options.file } : {}) };
      const tables: TableModel[] = [];
      const enums = new Map<string, EnumModel>();
      const problems: SourceProblem[] = [];
      // one index of the associations per read: models and associations may change between reads
      const inbound = new InboundAssociations();
      for (const [index, model] of modelsOf(registry, name, options.resolveFrom).entries()) {
        await readingPause(index);
        const mapped = readModel(model, provenance, inbound);
        if ('problem' in mapped) {
          problems.push(mapped.problem);
          continue;
        }
        tables.push(mapped.table);
        problems.push(...mapped.problems);
        for (const declared of mapped.enums) enums.set(qualifiedKey(declared), declared);
      }
      return { schema: { tables, enums: [...enums.values()] }, problems };
    },
    // an instance holds its defined models, each with its table's name: their schemas are known before they are read
    schemas(): readonly string[] | undefined {
      if (!isSequelizeInstance(registry)) return undefined;
      try {
        return [...new Set(registry.modelManager.models.filter(isModelClass).map((model) => modelTableName(model).schema))];
      } catch {
        return undefined;
      }
    },
  };
}

/** One model that cannot be read is a problem, not the end of the check: the other models still are. */
function readModel(
  model: InitializedModel,
  provenance: Omit<Provenance, 'model'>,
  inbound: InboundAssociations,
): ModelTable | { readonly problem: SourceProblem } {
  try {
    return modelTable(model, provenance, inbound);
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    return { problem: { type: 'ignored-declaration', ref: model.name, message: `the model could not be read (${message}); its table is not checked` } };
  }
}

function modelsOf(
  registry: SequelizeInstanceLike | SequelizeModelLike | readonly SequelizeModelLike[],
  name: string,
  resolveFrom: string | undefined,
): InitializedModel[] {
  if (isSequelizeInstance(registry)) {
    assertSupportedSequelize(registry);
    assertPostgres(registry, name);
    return registry.modelManager.models.filter(isModelClass);
  }
  // anything but an instance is model classes; each is checked by shape before it is read
  const given = (Array.isArray(registry) ? registry : [registry]) as readonly ModelLike[];
  const detached = given.filter(isDetachedModelClass);
  if (detached.length > 0) attachDetachedModels(detached, resolveFrom);
  const models = new Set<InitializedModel>();
  for (const model of given) {
    if (!isModelClass(model)) {
      throw new Error(
        `${String(model.name ?? model)} in sequelize:${name} is not an initialized Sequelize model: define it, call Model.init(), or add it to a Sequelize instance (sequelize-typescript: models: [...] or addModels)`,
      );
    }
    assertSupportedSequelize(model.sequelize);
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
    throw new Error(
      `sequelize:${name} uses the ${dialect} dialect: ormdrift checks PostgreSQL, and Sequelize has converted this instance's types for ${dialect}`,
    );
  }
}

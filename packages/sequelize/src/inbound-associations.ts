import type { AssociationLike, ModelLike, SequelizeLike } from './sequelize-shapes.ts';

/**
 * The associations of other models that put a key on a model: `hasOne`/`hasMany` on their target,
 * `belongsToMany` on its junction (`throughModel`). Built once per Sequelize instance and per read of
 * a source, so that finding a model's owners costs its own associations, not a scan of every model's
 * (that scan, once per key column, made reading N models grow as N²).
 */
export class InboundAssociations {
  readonly #byInstance = new Map<SequelizeLike, Map<ModelLike, AssociationLike[]>>();

  /**
   * The associations that target `model` (hasOne, hasMany) or use it as junction (belongsToMany), in the
   * order of the instance's models and of each model's associations (the order a scan would meet them).
   */
  of(sequelize: SequelizeLike, model: ModelLike): readonly AssociationLike[] {
    let index = this.#byInstance.get(sequelize);
    if (!index) {
      index = indexInstance(sequelize);
      this.#byInstance.set(sequelize, index);
    }
    return index.get(model) ?? [];
  }
}

function indexInstance(sequelize: SequelizeLike): Map<ModelLike, AssociationLike[]> {
  const index = new Map<ModelLike, AssociationLike[]>();
  const add = (model: ModelLike | undefined, association: AssociationLike) => {
    if (!model) return;
    const list = index.get(model);
    if (list) list.push(association);
    else index.set(model, [association]);
  };
  for (const other of Object.values(sequelize.models)) {
    for (const association of Object.values(other.associations ?? {})) {
      if (association.associationType === 'HasMany' || association.associationType === 'HasOne') add(association.target, association);
      else if (association.associationType === 'BelongsToMany') add(association.throughModel, association);
    }
  }
  return index;
}

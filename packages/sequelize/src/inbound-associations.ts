import type { AssociationLike, ModelLike, SequelizeLike } from './sequelize-shapes.ts';

/**
 * The associations of other models that put a key on a model: `hasOne`/`hasMany` on their target,
 * `belongsToMany` on its junction (`throughModel`). Built once per Sequelize instance and per read of
 * a source, so that finding a model's owners costs its own associations, not a scan of every model's
 * (that scan, once per key column, made reading N models grow as N²).
 */
export class InboundAssociations {
  readonly #byInstance = new Map<SequelizeLike, InstanceIndex>();

  /**
   * The associations that target `model` (hasOne, hasMany) or use it as junction (belongsToMany), in the
   * order of the instance's models and of each model's associations (the order a scan would meet them).
   */
  of(sequelize: SequelizeLike, model: ModelLike): readonly AssociationLike[] {
    return this.#index(sequelize).inbound.get(model) ?? [];
  }

  /**
   * The `belongsToMany` associations that use `model` as their junction, each with the model that declares it, in
   * the order of the instance's models and of each model's associations.
   */
  junctionOf(sequelize: SequelizeLike, model: ModelLike): readonly JunctionUse[] {
    return this.#index(sequelize).junctions.get(model) ?? [];
  }

  #index(sequelize: SequelizeLike): InstanceIndex {
    let index = this.#byInstance.get(sequelize);
    if (!index) {
      index = indexInstance(sequelize);
      this.#byInstance.set(sequelize, index);
    }
    return index;
  }
}

/** A `belongsToMany` association and the model that declares it (`owner.belongsToMany(target, { through })`). */
export interface JunctionUse {
  readonly owner: ModelLike;
  readonly association: AssociationLike;
}

interface InstanceIndex {
  readonly inbound: Map<ModelLike, AssociationLike[]>;
  readonly junctions: Map<ModelLike, JunctionUse[]>;
}

function indexInstance(sequelize: SequelizeLike): InstanceIndex {
  const inbound = new Map<ModelLike, AssociationLike[]>();
  const junctions = new Map<ModelLike, JunctionUse[]>();
  const add = <T>(index: Map<ModelLike, T[]>, model: ModelLike | undefined, entry: T) => {
    if (!model) return;
    const list = index.get(model);
    if (list) list.push(entry);
    else index.set(model, [entry]);
  };
  for (const other of Object.values(sequelize.models)) {
    for (const association of Object.values(other.associations ?? {})) {
      if (association.associationType === 'HasMany' || association.associationType === 'HasOne') add(inbound, association.target, association);
      else if (association.associationType === 'BelongsToMany') {
        add(inbound, association.throughModel, association);
        add(junctions, association.throughModel, { owner: other, association });
      }
    }
  }
  return { inbound, junctions };
}

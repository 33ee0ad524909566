import { isDetachedModelClass } from './detached-models.ts';
import type { InitializedModel, ModelLike, SequelizeLike } from './sequelize-shapes.ts';
import { isUnsupportedSequelizeInstance } from './sequelize-version.ts';

/**
 * Sequelize objects are recognized by shape, never with `instanceof`: the user's copy of
 * Sequelize (or sequelize-typescript's subclass of it) is not the one this package sees.
 * Sequelize 6 has no brand symbol, so the shape is the set of members the adapter reads.
 */
export function isSequelizeInstance(value: unknown): value is SequelizeLike {
  if (typeof value !== 'object' || value === null) return false;
  // another major's instance is claimed so that loading it says which version it is; its shape differs
  if (isUnsupportedSequelizeInstance(value)) return true;
  const candidate = value as Partial<Record<keyof SequelizeLike, unknown>>;
  return (
    typeof candidate.define === 'function' &&
    typeof candidate.getQueryInterface === 'function' &&
    typeof candidate.getDialect === 'function' &&
    typeof candidate.options === 'object' &&
    typeof candidate.models === 'object' &&
    Array.isArray((candidate.modelManager as { models?: unknown } | undefined)?.models)
  );
}

/**
 * A model class that joined a Sequelize instance (`define`, `Model.init`, sequelize-typescript's
 * `addModels`). Sequelize's own `Model` base class and a model never initialized have the same
 * static methods but no instance, so they are not models of any registry.
 */
export function isModelClass(value: unknown): value is InitializedModel {
  if (typeof value !== 'function') return false;
  const candidate = value as unknown as Partial<Record<keyof ModelLike, unknown>>;
  return typeof candidate.getAttributes === 'function' && typeof candidate.getTableName === 'function' && isSequelizeInstance(candidate.sequelize);
}

/** Anything a Sequelize registry can be made of, including sequelize-typescript classes not yet added to an instance. */
export function isSequelizeExport(value: unknown): boolean {
  return isSequelizeInstance(value) || isModelClass(value) || isDetachedModelClass(value);
}

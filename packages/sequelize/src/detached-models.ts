import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { ModelLike } from './sequelize-shapes.ts';

/** `reflect-metadata`'s global API, which sequelize-typescript's decorators write to. */
interface ReflectWithMetadata {
  getMetadata?(key: string, target: object): unknown;
}

/**
 * A sequelize-typescript model class (`@Table`) that joined no instance yet: its decorators
 * wrote its metadata under `sequelize:*` keys, but models join an instance only through
 * `new Sequelize({ models })` or `addModels()`. A module of models imported without the one
 * that builds the instance exports exactly these.
 */
export function isDetachedModelClass(value: unknown): value is ModelLike {
  if (typeof value !== 'function' || (value as { sequelize?: unknown }).sequelize !== undefined) return false;
  const prototype = (value as { prototype?: unknown }).prototype;
  const reflect = Reflect as unknown as ReflectWithMetadata;
  return (
    typeof prototype === 'object' &&
    prototype !== null &&
    typeof reflect.getMetadata === 'function' &&
    reflect.getMetadata('sequelize:modelName', prototype) !== undefined
  );
}

/**
 * Adds detached models to an instance of the user's own sequelize-typescript (resolved from
 * `resolveFrom`), as the app itself would: `dialect: 'postgres'` and no URL, so nothing
 * connects. The classes are initialized on that instance; the instance itself is not needed,
 * since each class now carries it.
 */
export function attachDetachedModels(models: readonly ModelLike[], resolveFrom = join(process.cwd(), 'package.json')): void {
  const names = models.map((model) => model.name).join(', ');
  let Sequelize: new (options: object) => unknown;
  try {
    ({ Sequelize } = createRequire(resolveFrom)('sequelize-typescript') as { Sequelize: new (options: object) => unknown });
  } catch (cause) {
    throw new Error(
      `${names} are sequelize-typescript classes added to no instance, and sequelize-typescript cannot be resolved from ${resolveFrom} to add them to one`,
      { cause },
    );
  }
  try {
    new Sequelize({ dialect: 'postgres', logging: false, models });
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    throw new Error(`sequelize-typescript could not add ${names} to an instance: ${message}`, { cause });
  }
}

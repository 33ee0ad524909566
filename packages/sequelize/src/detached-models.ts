import { createRequire } from 'node:module';
import { packageLocation, resolvesPackage } from '@ormdrift/core';
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
 * Adds detached models to an instance of the user's own sequelize-typescript, as the app itself would:
 * `dialect: 'postgres'` and no URL, so nothing connects. The classes are initialized on that instance; the instance
 * itself is not needed, since each class now carries it. The copy is the one `resolveFrom` (a path inside the user's
 * project; the CLI passes the module's) resolves, else the one the classes extend (their base `Model`'s module among
 * the modules the process loaded), never one found from the current directory. Throws one line naming the models,
 * where sequelize-typescript was looked for and what to pass instead when it is not found.
 */
export function attachDetachedModels(models: readonly ModelLike[], resolveFrom?: string): void {
  const names = models.map((model) => model.name).join(', ');
  const from =
    resolveFrom !== undefined && resolvesPackage('sequelize-typescript', resolveFrom) ? resolveFrom : packageLocation('sequelize-typescript', models);
  if (from === undefined) {
    throw new Error(
      `${names} are sequelize-typescript classes added to no instance, and the sequelize-typescript they extend was not found to add them to one: ` +
        `it is in no module the process loaded${resolveFrom === undefined ? '' : ` and does not resolve from ${resolveFrom}`}; pass the app's Sequelize instance, which holds its models`,
    );
  }
  const { Sequelize } = createRequire(from)('sequelize-typescript') as { Sequelize: new (options: object) => unknown };
  try {
    new Sequelize({ dialect: 'postgres', logging: false, models });
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    throw new Error(`sequelize-typescript could not add ${names} to an instance: ${message}`, { cause });
  }
}

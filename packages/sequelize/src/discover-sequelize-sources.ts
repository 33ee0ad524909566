import type { DiscoveredSource, DiscoverSources } from '@ormdrift/core';
import { isDetachedModelClass } from './detached-models.ts';
import { isModelClass, isSequelizeInstance } from './recognize.ts';
import type { ModelLike, SequelizeLike } from './sequelize-shapes.ts';
import { sequelizeSource } from './sequelize-source.ts';
import { isUnsupportedSequelizeInstance } from './sequelize-version.ts';

/**
 * Every exported Sequelize instance is a registry named by its export. Model classes whose
 * instance is not exported still have one: each such instance becomes a registry of its own,
 * read whole (`sync()` on it would create its every model, exported or not). sequelize-typescript
 * classes exported before any instance holds them form one registry, added to an instance of
 * the user's own sequelize-typescript. A registry claims its instance and all its models, so a
 * model re-exported by another module is not read twice.
 */
export const discoverSequelizeSources: DiscoverSources = (exports, context) => {
  const found: DiscoveredSource[] = [];
  const instances = new Set<SequelizeLike>();
  for (const { name, value } of exports) {
    if (!isSequelizeInstance(value) || instances.has(value)) continue;
    instances.add(value);
    found.push({ source: sequelizeSource(value, { name, file: context.file }), values: claimed(value) });
  }

  const orphans = new Map<SequelizeLike, ModelLike[]>();
  for (const { value } of exports) {
    if (!isModelClass(value) || instances.has(value.sequelize)) continue;
    orphans.set(value.sequelize, [...(orphans.get(value.sequelize) ?? []), value]);
  }
  for (const [instance, models] of orphans) {
    const name = orphans.size === 1 ? `models of ${context.file}` : `models of ${context.file} (${models.map((model) => model.name).join(', ')})`;
    found.push({ source: sequelizeSource(instance, { name, file: context.file }), values: claimed(instance) });
  }

  const detached = exports.map(({ value }) => value).filter(isDetachedModelClass);
  if (detached.length > 0) {
    const name = orphans.size === 0 ? `models of ${context.file}` : `unadded models of ${context.file}`;
    found.push({
      source: sequelizeSource(detached, { name, file: context.file, ...(context.path === undefined ? {} : { resolveFrom: context.path }) }),
      values: detached,
    });
  }
  return found;
};

function claimed(instance: SequelizeLike): unknown[] {
  // loading another major's instance fails with its version: its models are not read
  if (isUnsupportedSequelizeInstance(instance)) return [instance];
  return [instance, ...instance.modelManager.models];
}

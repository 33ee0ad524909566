import type { SchemaSource } from '@ormdrift/core';
import { findSources, ormOf } from '@ormdrift/discover';

/**
 * What `sources` may hold: the ORM objects themselves (a TypeORM DataSource, entity classes or EntitySchemas, a
 * Sequelize instance or model classes, a Drizzle schema module object such as `import * as schema`), arrays of
 * them, or ready {@link SchemaSource}s from an adapter.
 */
export type GuardSources = unknown;

/**
 * The schema sources that `sources` stands for, found by the same discovery the CLI runs on a module's exports:
 * the ORM objects are read as the exports of one module, so an array of entity classes is one registry and a
 * DataSource claims the entities it lists. Adapters are imported only for the ORMs present. Throws a TypeError
 * when `sources` holds nothing ormdrift can read, so that a check never compares nothing in silence.
 */
export async function schemaSources(sources: GuardSources): Promise<SchemaSource[]> {
  const values = Array.isArray(sources) ? sources : [sources];
  const ready = values.filter(isSchemaSource);
  const models = values.filter((value) => !isSchemaSource(value));
  const found: SchemaSource[] = [...ready];
  if (models.length > 0) {
    // no module path: the adapters use the ORM that made the objects (the copy the app loaded), never one found from
    // the current directory, which need not be the app's (a monorepo root, a process manager's)
    // keyed as exports are, so that reports name each registry: a DataSource as `default` goes by its own name
    const dataSource = models.findIndex((value) => ormOf(value) === 'typeorm' && typeof value === 'object');
    const exports = Object.fromEntries(
      models.map((value, index) => [index === dataSource ? 'default' : models.length === 1 ? 'sources' : `sources[${index}]`, value]),
    );
    found.push(...(await findSources([{ file: 'sources', exports }])));
  }
  if (found.length === 0 || (found.length === ready.length && models.length > 0)) {
    throw new TypeError(
      'ormdrift: sources holds no ORM models ormdrift can read: pass a TypeORM DataSource or entities, a Sequelize instance or models, a Drizzle schema object (import * as schema), or a SchemaSource',
    );
  }
  return found;
}

/** An adapter's source: `{ name, load() }`, and no ORM's own object. */
function isSchemaSource(value: unknown): value is SchemaSource {
  return (
    typeof value === 'object' &&
    value !== null &&
    ormOf(value) === undefined &&
    typeof (value as { name?: unknown }).name === 'string' &&
    typeof (value as { load?: unknown }).load === 'function'
  );
}

import { metadataArgsStorage, isEntitySchema } from './recognize.ts';
import type { ColumnArgsLike, ColumnMetadataLike, DataSourceLike, DeclaredOptionsLike, EntityMetadataLike, EntitySchemaLike } from './typeorm-shapes.ts';
import { declaredEntities } from './typeorm-shapes.ts';

export type DeclaredColumnOptions = DeclaredOptionsLike;

/**
 * The column options a user wrote, before TypeORM resolved relations. When a `@JoinColumn`
 * names a column also declared with `@Column({ type: 'uuid' })`, TypeORM silently replaces
 * `uuid` with the referenced column's type, so the resolved metadata hides the mismatch;
 * the declaration survives only in the decorator storage (or the EntitySchema's options).
 *
 * Only types written as strings that the driver supports count: a type reflected from TypeScript
 * (`userId: string` emits `String`) is an accident of the property's declared JS type, and a name
 * the driver does not support (`'string'`, `'number'`) would have been rejected by TypeORM's own
 * validator had the relation not replaced it: neither is a column type choice.
 */
export function declaredColumnOptions(dataSource: DataSourceLike, entity: EntityMetadataLike, column: ColumnMetadataLike): DeclaredColumnOptions | undefined {
  const options =
    typeof entity.target === 'function' ? fromDecorators(entity.target, column.propertyName) : fromEntitySchema(dataSource, entity, column.propertyName);
  if (typeof options?.type !== 'string') return undefined;
  const supported = dataSource.driver.supportedDataTypes;
  const normalized = dataSource.driver.normalizeType({ type: options.type });
  return supported === undefined || (typeof normalized === 'string' && supported.includes(normalized)) ? options : undefined;
}

/**
 * The options a user wrote for a column, whatever they say (undefined when the column has no
 * `@Column`-like declaration of its own, as a relation's join column): what was declared, as
 * opposed to what TypeORM filled in.
 */
export function writtenColumnOptions(dataSource: DataSourceLike, entity: EntityMetadataLike, column: ColumnMetadataLike): DeclaredColumnOptions | undefined {
  return typeof entity.target === 'function' ? fromDecorators(entity.target, column.propertyName) : fromEntitySchema(dataSource, entity, column.propertyName);
}

function fromDecorators(target: Function, propertyName: string): DeclaredColumnOptions | undefined {
  const byTarget = decoratedColumns(metadataArgsStorage()?.columns ?? []);
  // the property may be declared on a parent class
  for (let current: unknown = target; typeof current === 'function' && current !== Function.prototype; current = Object.getPrototypeOf(current)) {
    const args = byTarget.get(current)?.get(propertyName);
    if (args) return args;
  }
  return undefined;
}

const decoratedIndexes = new WeakMap<readonly ColumnArgsLike[], { size: number; byTarget: Map<unknown, Map<string, DeclaredColumnOptions>> }>();

/**
 * The decorator storage's column arguments by class and property, built once per size of the storage
 * (it grows as modules load): looking each join column up in the whole list made reading N entities
 * cost N² steps. The first declaration of a property wins, as TypeORM's own lookup does.
 */
function decoratedColumns(columns: readonly ColumnArgsLike[]): Map<unknown, Map<string, DeclaredColumnOptions>> {
  const cached = decoratedIndexes.get(columns);
  if (cached?.size === columns.length) return cached.byTarget;
  const byTarget = new Map<unknown, Map<string, DeclaredColumnOptions>>();
  for (const args of columns) {
    let properties = byTarget.get(args.target);
    if (!properties) {
      properties = new Map();
      byTarget.set(args.target, properties);
    }
    if (!properties.has(args.propertyName)) properties.set(args.propertyName, args.options);
  }
  decoratedIndexes.set(columns, { size: columns.length, byTarget });
  return byTarget;
}

const entitySchemaIndexes = new WeakMap<DataSourceLike, Map<string, EntitySchemaLike>>();

function fromEntitySchema(dataSource: DataSourceLike, entity: EntityMetadataLike, propertyName: string): DeclaredColumnOptions | undefined {
  // by name, built once per DataSource: a search of the whole list per join column costs N² steps
  let byName = entitySchemaIndexes.get(dataSource);
  if (!byName) {
    byName = new Map();
    for (const candidate of declaredEntities(dataSource))
      if (isEntitySchema(candidate) && !byName.has(candidate.options.name)) byName.set(candidate.options.name, candidate);
    entitySchemaIndexes.set(dataSource, byName);
  }
  return byName.get(entity.name)?.options.columns[propertyName];
}

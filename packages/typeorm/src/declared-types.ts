import { metadataArgsStorage, isEntitySchema } from './recognize.ts';
import type { ColumnMetadataLike, DataSourceLike, DeclaredOptionsLike, EntityMetadataLike } from './typeorm-shapes.ts';

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
  const options = typeof entity.target === 'function' ? fromDecorators(entity.target, column.propertyName) : fromEntitySchema(dataSource, entity, column.propertyName);
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
  const columns = metadataArgsStorage()?.columns ?? [];
  // the property may be declared on a parent class
  for (let current: unknown = target; typeof current === 'function' && current !== Function.prototype; current = Object.getPrototypeOf(current)) {
    const args = columns.find((candidate) => candidate.target === current && candidate.propertyName === propertyName);
    if (args) return args.options;
  }
  return undefined;
}

function fromEntitySchema(dataSource: DataSourceLike, entity: EntityMetadataLike, propertyName: string): DeclaredColumnOptions | undefined {
  const schema = (dataSource.options.entities ?? []).find((candidate) => isEntitySchema(candidate) && candidate.options.name === entity.name);
  return isEntitySchema(schema) ? schema.options.columns[propertyName] : undefined;
}

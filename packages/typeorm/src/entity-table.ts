import {
  postgresIdentifier,
  referentialAction,
  sameColumnType,
  serialDefault,
  type CheckModel,
  type ColumnModel,
  type Deferrable,
  type ExclusionModel,
  type EnumModel,
  type ForeignKeyModel,
  type IndexModel,
  type Provenance,
  type QualifiedName,
  type SourceProblem,
  type TableModel,
  type UniqueModel,
} from '@ormdrift/core';
import { typeormColumnType } from './column-type.ts';
import { declaredColumnOptions, writtenColumnOptions } from './declared-types.ts';
import type { ColumnMetadataLike, DataSourceLike, EntityMetadataLike, ForeignKeyMetadataLike, IndexMetadataLike } from './typeorm-shapes.ts';

export interface EntityTable {
  readonly table: TableModel;
  readonly enums: readonly EnumModel[];
  readonly problems: readonly SourceProblem[];
}

/** Maps one TypeORM entity metadata into the table TypeORM's schema sync would create. */
export function entityTable(dataSource: DataSourceLike, entity: EntityMetadataLike, provenance: Omit<Provenance, 'model'>): EntityTable {
  const schema = schemaOf(dataSource, entity);
  const source: Provenance = { ...provenance, model: entity.targetName || entity.name };
  const problems: SourceProblem[] = [];
  const enums: EnumModel[] = [];

  // the table as PostgreSQL stores its name, once for all its columns' defaults
  const stored = { schema, name: postgresIdentifier(entity.tableName) };
  const columns: ColumnModel[] = [];
  for (const column of entity.columns) {
    if (column.isVirtualProperty) continue; // @VirtualColumn is computed by a query, not stored
    // asked once per column: TypeORM's normalizeType() walks a long chain of comparisons
    const normalized = dataSource.driver.normalizeType(column);
    const enumType = normalized === 'enum' || normalized === 'simple-enum' ? enumTypeOf(schema, entity.tableName, column) : undefined;
    if (enumType) enums.push({ ...enumType, values: (column.enum ?? []).map(String), sources: [source] });
    const resolved = typeormColumnType(dataSource.driver, enumType ? { ...column, enumType } : column, normalized);
    if (!resolved) {
      problems.push({
        type: 'unsupported-type',
        ref: `${source.model}.${column.propertyName}`,
        message: `column type ${String(column.type)} has no PostgreSQL equivalent; the column is not checked`,
      });
      continue;
    }
    const declared = declaredJoinColumnType(dataSource, entity, column, schema);
    // built in place, not by spreading optional parts: this runs for every column of every entity
    const model: { -readonly [K in keyof ColumnModel]: ColumnModel[K] } = {
      name: columnName(column),
      type: declared && !sameColumnType(declared, resolved) ? declared : resolved,
      // a serial (an increment-generated column, or one typed serial) is NOT NULL whatever `nullable` says
      nullable: column.isNullable && !(column.isGenerated && column.generationStrategy === 'increment') && !isSerialType(column.type),
      default: defaultOf(dataSource, stored, column),
      identity: column.isGenerated && column.generationStrategy === 'identity' ? (column.generatedIdentity === 'ALWAYS' ? 'always' : 'by-default') : null,
      generated: column.generatedType === 'STORED' ? (column.asExpression ?? '') : null,
    };
    if (nullableInherited(dataSource, entity, column)) model.inherited = ['nullable'];
    // TypeORM's sync writes `COLLATE "<collation>"` as given
    if (column.collation) model.collation = column.collation;
    columns.push(model);
  }

  const uniques: UniqueModel[] = [
    ...entity.uniques.map((unique) => ({
      ...named(unique.name),
      columns: unique.columns.map(columnName),
      nullsNotDistinct: false,
      ...deferral(unique.deferrable),
    })),
    // `@Index({ unique: true })` is a unique index, not a constraint: both guarantee uniqueness
    ...entity.indices
      .filter((index) => index.isUnique && index.synchronize !== false)
      .map((index) => ({
        ...named(index.name),
        columns: index.columns.map(columnName),
        nullsNotDistinct: false,
        ...(index.where ? { where: index.where } : {}),
      })),
  ];
  const indexes: IndexModel[] = entity.indices
    .filter((index) => !index.isUnique && index.synchronize !== false)
    .map((index) => ({
      ...named(index.name),
      columns: index.columns.map(columnName),
      ...(index.where ? { where: index.where } : {}),
      ...indexMethod(index),
    }));
  const foreignKeys: ForeignKeyModel[] = entity.foreignKeys.map((fk) => ({
    ...named(fk.name),
    columns: fk.columnNames.map(postgresIdentifier),
    references: { ...tableName(dataSource, fk.referencedEntityMetadata), columns: fk.referencedColumnNames.map(postgresIdentifier) },
    onDelete: referentialAction(fk.onDelete),
    onUpdate: referentialAction(fk.onUpdate),
    ...inheritedActions(entity, fk),
    ...deferral(fk.deferrable),
  }));

  // TypeORM's sync writes each one as `CONSTRAINT "<name>" CHECK (<expression>)`
  const checks: CheckModel[] = (entity.checks ?? []).map((check) => ({ ...named(check.name), expression: check.expression }));
  // and each `@Exclusion` as `CONSTRAINT "<name>" EXCLUDE <expression> [DEFERRABLE <deferrable>]`
  const exclusions: ExclusionModel[] = (entity.exclusions ?? []).map((exclusion) => ({
    ...named(exclusion.name),
    expression: exclusion.expression,
    ...deferral(exclusion.deferrable),
  }));

  const table: TableModel = {
    schema,
    // PostgreSQL stores every identifier cut to 63 bytes; TypeORM sends the full name
    name: postgresIdentifier(entity.tableName),
    kind: 'table',
    columns,
    primaryKey: entity.primaryColumns.length > 0 ? { columns: entity.primaryColumns.map(columnName), ...junctionOf(dataSource, entity) } : null,
    foreignKeys,
    uniques,
    indexes,
    ...(checks.length > 0 ? { checks } : {}),
    ...(exclusions.length > 0 ? { exclusions } : {}),
    sources: [source],
    // the junction table itself is no entity's declaration either: its foreign keys and indexes name the relation
    ...junctionOf(dataSource, entity),
  };
  return { table, enums, problems };
}

/**
 * A column declared with `@Column` (or an EntitySchema column) whose options leave out `nullable`:
 * NOT NULL by TypeORM's default. Primary and generated columns are NOT NULL whatever they say; join
 * columns of relations have no options of their own and count as declared.
 */
function nullableInherited(dataSource: DataSourceLike, entity: EntityMetadataLike, column: ColumnMetadataLike): boolean {
  if (column.isPrimary || column.isGenerated) return false;
  const written = writtenColumnOptions(dataSource, entity, column);
  return written !== undefined && written.nullable === undefined;
}

/** The actions a relation's options leave out (TypeORM then sends none: NO ACTION). Junction tables' keys count as declared. */
function inheritedActions(entity: EntityMetadataLike, fk: ForeignKeyMetadataLike): Pick<ForeignKeyModel, 'inherited'> {
  const relation = entity.relations?.find((candidate) => candidate.foreignKeys.includes(fk));
  if (!relation) return {};
  const inherited = (['onDelete', 'onUpdate'] as const).filter((action) => relation[action] === undefined);
  return inherited.length > 0 ? { inherited } : {};
}

export function schemaOf(dataSource: DataSourceLike, entity: EntityMetadataLike): string {
  return entity.schema ?? dataSource.options.schema ?? 'public';
}

function tableName(dataSource: DataSourceLike, entity: EntityMetadataLike): QualifiedName {
  return { schema: schemaOf(dataSource, entity), name: postgresIdentifier(entity.tableName) };
}

function columnName(column: ColumnMetadataLike): string {
  return postgresIdentifier(column.databaseName);
}

/** TypeORM's `deferrable: 'INITIALLY DEFERRED' | 'INITIALLY IMMEDIATE'`, written after `DEFERRABLE`; absent is NOT DEFERRABLE. */
function deferral(deferrable: string | undefined): { deferrable?: Deferrable } {
  if (!deferrable) return {};
  return { deferrable: /deferred/i.test(deferrable) ? 'deferred' : 'immediate' };
}

/**
 * The access method TypeORM's PostgreSQL query runner writes after `USING` (`buildIndexTypeClause()`): `gist` for a
 * spatial index, else TypeORM 1.x's `type` (`gin`, `brin`, `hash`, `spgist`, `gist`, `btree`, which its driver's
 * `supportedIndexTypes` allows), else nothing, PostgreSQL's btree. TypeORM 0.3 has no `type` and writes `USING GiST`
 * for a spatial index only; `fulltext` writes nothing on PostgreSQL.
 */
function indexMethod(index: IndexMetadataLike): { method?: string } {
  const method = index.isSpatial ? 'gist' : typeof index.type === 'string' ? index.type.toLowerCase() : undefined;
  return method && method !== 'btree' ? { method } : {};
}

function named(name: string | undefined): { name?: string } {
  return name ? { name: postgresIdentifier(name) } : {};
}

/**
 * TypeORM's `buildEnumName`: `enumName`, else `<table>_<column lower-cased>_enum` from the names it
 * sends, in the table's schema; PostgreSQL then stores the name cut to 63 bytes.
 */
function enumTypeOf(schema: string, table: string, column: { readonly enumName?: string | undefined; readonly databaseName: string }): QualifiedName {
  return { schema, name: postgresIdentifier(column.enumName ?? `${table}_${column.databaseName.toLowerCase()}_enum`) };
}

/** Whether a column's type is `serial`, `bigserial` or `smallserial` (or their aliases): PostgreSQL makes it NOT NULL. */
function isSerialType(type: unknown): boolean {
  return typeof type === 'string' && /^(small|big)?serial[248]?$/i.test(type);
}

/**
 * The database default TypeORM's sync writes, including the ones its metadata leaves implicit: a generated
 * `increment` column is a `serial`, whose sequence PostgreSQL names in the table's schema; a generated `uuid`
 * column gets `DEFAULT <driver.uuidGenerator>` (`buildCreateColumnSql()`), which the DataSource's `uuidExtension`
 * picks: `gen_random_uuid()` for `pgcrypto`, else `uuid_generate_v4()`.
 */
function defaultOf(dataSource: DataSourceLike, table: QualifiedName, column: ColumnMetadataLike): string | null {
  if (column.generatedType === 'STORED') return null;
  const explicit = dataSource.driver.normalizeDefault(column);
  if (explicit !== undefined && explicit !== null) return explicit;
  if (column.isGenerated && column.generationStrategy === 'increment') return serialDefault(table, column.databaseName);
  if (column.isGenerated && column.generationStrategy === 'uuid') return uuidGenerator(dataSource);
  return null;
}

/** TypeORM's `PostgresDriver.uuidGenerator` (0.3.0 to 1.x), read from the driver, else decided as it decides. */
function uuidGenerator(dataSource: DataSourceLike): string {
  const own = dataSource.driver.uuidGenerator;
  if (typeof own === 'string' && own !== '') return own;
  return dataSource.options.uuidExtension === 'pgcrypto' ? 'gen_random_uuid()' : 'uuid_generate_v4()';
}

/**
 * The type a join column was declared with, when TypeORM replaced it with the referenced column's
 * type, resolved as TypeORM resolves any column: through the driver's `normalizeType()`, an enum to
 * the enum type `buildEnumName` names (its `enumName`, else the generated name), a PostGIS type
 * with its feature type and SRID.
 */
function declaredJoinColumnType(dataSource: DataSourceLike, entity: EntityMetadataLike, column: ColumnMetadataLike, schema: string) {
  if (!column.referencedColumn) return undefined;
  const declared = declaredColumnOptions(dataSource, entity, column);
  if (!declared) return undefined;
  const normalized = dataSource.driver.normalizeType({ type: declared.type });
  const enumType =
    normalized === 'enum' || normalized === 'simple-enum'
      ? enumTypeOf(schema, entity.tableName, { enumName: declared.enumName, databaseName: column.databaseName })
      : undefined;
  return typeormColumnType(dataSource.driver, {
    type: declared.type,
    length: declared.length,
    precision: declared.precision,
    scale: declared.scale,
    isArray: declared.array === true,
    ...(enumType ? { enumType } : {}),
    spatialFeatureType: declared.spatialFeatureType,
    srid: declared.srid,
  });
}

/**
 * A junction table, its primary key, foreign keys and indexes are no entity's declaration: TypeORM builds them for the
 * owning `@ManyToMany` relation with `@JoinTable`, so they carry that relation (`Post.tags (@ManyToMany, @JoinTable)`);
 * and the closure table (`<table>_closure`, tableType `closure-junction`) for the entity that declares
 * `@Tree('closure-table')`, so they carry that entity (`Category (@Tree('closure-table'))`).
 */
function junctionOf(dataSource: DataSourceLike, junction: EntityMetadataLike): { impliedBy?: string[] } {
  if (junction.tableType === 'closure-junction') {
    const tree = junction.parentClosureEntityMetadata;
    return tree ? { impliedBy: [`${tree.targetName || tree.name} (@Tree('closure-table'))`] } : {};
  }
  if (junction.tableType !== 'junction') return {};
  const owners: string[] = [];
  for (const entity of dataSource.entityMetadatas) {
    for (const relation of entity.relations ?? []) {
      if (relation.junctionEntityMetadata === junction && relation.isOwning !== false)
        owners.push(`${entity.targetName || entity.name}.${relation.propertyPath ?? '?'} (@ManyToMany, @JoinTable)`);
    }
  }
  return owners.length > 0 ? { impliedBy: [...new Set(owners)] } : {};
}

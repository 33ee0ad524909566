/**
 * The parts of TypeORM's runtime objects this adapter reads, declared structurally: the
 * user's copy of TypeORM (0.3 or 1.x, maybe not ours) is the one that built them, so the
 * adapter never imports TypeORM's classes or types.
 */

export interface DataSourceLike {
  readonly '@instanceof'?: symbol;
  readonly name?: string;
  /**
   * `entities` is TypeORM's `MixedList`: an array, or an object of them by name (`{ User, Post }`); read it through
   * {@link declaredEntities}. Typed loosely so that the `DataSourceOptions` union of TypeORM 0.3 and 1.x is accepted.
   */
  readonly options: {
    readonly type: string;
    readonly schema?: string;
    readonly entities?: unknown;
    /** `pgcrypto` makes TypeORM default a generated uuid to `gen_random_uuid()`; else (`uuid-ossp`) `uuid_generate_v4()`. */
    readonly uuidExtension?: string;
  };
  /** Absent on forks that create their driver only in `initialize()`. */
  readonly driver: DriverLike;
  readonly entityMetadatas: readonly EntityMetadataLike[];
  initialize(): Promise<unknown>;
}

/**
 * A DataSource with the method that builds its metadata without connecting: protected in TypeORM's typings (so a
 * `DataSource` is not assignable to a type that declares it, and `DataSourceLike` does not) but public at runtime.
 * `isDataSource` checks it is there.
 */
export interface LoadableDataSource extends DataSourceLike {
  buildMetadatas(): Promise<void>;
}

/** The `entities` option as a list: TypeORM takes an array, or an object whose values are the entities. */
export function declaredEntities(dataSource: DataSourceLike): readonly unknown[] {
  const entities = dataSource.options.entities;
  if (Array.isArray(entities)) return entities;
  return typeof entities === 'object' && entities !== null ? Object.values(entities) : [];
}

export interface DriverLike {
  normalizeType(column: { type?: unknown; length?: unknown; precision?: unknown; scale?: unknown }): string | Function;
  normalizeDefault(column: ColumnMetadataLike): string | undefined;
  /** The type names the driver accepts after `normalizeType()`: TypeORM's validator rejects any other (its `ColumnType` also admits constructors). */
  readonly supportedDataTypes?: readonly unknown[];
  /** The default TypeORM writes for a generated uuid column (`uuid_generate_v4()` or `gen_random_uuid()`, by `uuidExtension`). */
  readonly uuidGenerator?: string;
  connect(): Promise<void>;
}

export interface EntityMetadataLike {
  readonly name: string;
  readonly targetName: string;
  readonly target: Function | string;
  readonly tableName: string;
  readonly schema?: string;
  readonly tableType: string;
  /**
   * `@Entity({ synchronize: false })`: TypeORM's schema sync and migration:generate leave the entity out (a read
   * model of a table another entity, or another system, builds). TypeORM's `EntityMetadata.synchronize`, default true.
   */
  readonly synchronize?: boolean;
  readonly columns: readonly ColumnMetadataLike[];
  readonly primaryColumns: readonly ColumnMetadataLike[];
  readonly foreignKeys: readonly ForeignKeyMetadataLike[];
  readonly indices: readonly IndexMetadataLike[];
  readonly uniques: readonly UniqueMetadataLike[];
  /** `@Check` / EntitySchema `checks`: `name` as the naming strategy gave it, `expression` the text TypeORM puts in CHECK (...). */
  readonly checks?: readonly CheckMetadataLike[];
  /** `@Exclusion` / EntitySchema `exclusions`: `expression` is the text TypeORM puts after EXCLUDE. */
  readonly exclusions?: readonly ExclusionMetadataLike[];
  readonly relations?: readonly RelationMetadataLike[];
  /** A closure table (tableType `closure-junction`): the entity whose `@Tree('closure-table')` implies it. */
  readonly parentClosureEntityMetadata?: EntityMetadataLike;
}

export interface CheckMetadataLike {
  readonly name: string;
  readonly expression: string;
}

export interface ExclusionMetadataLike {
  readonly name: string;
  readonly expression: string;
  /** TypeORM 1.x only: `INITIALLY IMMEDIATE` or `INITIALLY DEFERRED`, written after DEFERRABLE. */
  readonly deferrable?: string;
}

/** A relation: `onDelete` / `onUpdate` are what its options said, undefined when they said nothing. */
export interface RelationMetadataLike {
  readonly onDelete?: string;
  readonly onUpdate?: string;
  readonly foreignKeys: readonly ForeignKeyMetadataLike[];
  /** The property the relation is declared on: `tags`, `profile.tags`. */
  readonly propertyPath?: string;
  /** `@ManyToMany` with `@JoinTable` (the owning side): the junction table's metadata. */
  readonly junctionEntityMetadata?: EntityMetadataLike;
  /** The side that holds the keys: for a many-to-many, the one with `@JoinTable` (the inverse side shares its junction). */
  readonly isOwning?: boolean;
}

export interface ColumnMetadataLike {
  readonly propertyName: string;
  readonly databaseName: string;
  readonly type: string | Function;
  readonly length: string;
  readonly precision?: number | null;
  readonly scale?: number;
  readonly isArray: boolean;
  readonly isNullable: boolean;
  readonly isPrimary?: boolean;
  readonly isGenerated: boolean;
  readonly generationStrategy?: 'increment' | 'uuid' | 'rowid' | 'identity';
  readonly generatedIdentity?: 'ALWAYS' | 'BY DEFAULT';
  readonly generatedType?: 'VIRTUAL' | 'STORED';
  readonly asExpression?: string;
  readonly isVirtualProperty?: boolean;
  readonly enum?: readonly (string | number)[];
  readonly enumName?: string;
  /** PostGIS: `geometry(Point,4326)` is built from these two. */
  readonly spatialFeatureType?: string;
  readonly srid?: number;
  readonly referencedColumn?: ColumnMetadataLike;
  readonly target: Function | string;
  /** `@Column({ collation })`, written as `COLLATE "<collation>"`. */
  readonly collation?: string;
}

export interface ForeignKeyMetadataLike {
  readonly name?: string;
  readonly columns: readonly ColumnMetadataLike[];
  readonly columnNames: readonly string[];
  readonly referencedColumnNames: readonly string[];
  readonly referencedEntityMetadata: EntityMetadataLike;
  readonly onDelete?: string;
  readonly onUpdate?: string;
  /** `INITIALLY IMMEDIATE` or `INITIALLY DEFERRED`, written after DEFERRABLE; absent is NOT DEFERRABLE. */
  readonly deferrable?: string;
}

export interface IndexMetadataLike {
  readonly name?: string;
  readonly isUnique: boolean;
  /** `@Index({ spatial: true })` (and, in TypeORM 1.x, `type: 'gist'`): TypeORM creates it USING GiST on PostgreSQL. */
  readonly isSpatial?: boolean;
  /** TypeORM 1.x `@Index({ type })`: the access method written after USING (`gin`, `brin`, `hash`...); absent in 0.3. */
  readonly type?: string;
  readonly where?: string;
  readonly synchronize?: boolean;
  readonly columns: readonly ColumnMetadataLike[];
}

export interface UniqueMetadataLike {
  readonly name?: string;
  readonly columns: readonly ColumnMetadataLike[];
  /** `INITIALLY IMMEDIATE` or `INITIALLY DEFERRED`, written after DEFERRABLE; absent is NOT DEFERRABLE. */
  readonly deferrable?: string;
}

/** `@Column(...)` arguments as TypeORM's global decorator storage keeps them. */
export interface ColumnArgsLike {
  readonly target: Function | string;
  readonly propertyName: string;
  readonly options: DeclaredOptionsLike;
}

/** The column options the user wrote in `@Column(...)` or an EntitySchema column. */
export interface DeclaredOptionsLike {
  readonly type?: unknown;
  readonly length?: unknown;
  readonly precision?: unknown;
  readonly scale?: unknown;
  readonly array?: boolean;
  readonly enumName?: string;
  readonly spatialFeatureType?: string;
  readonly srid?: number;
  readonly nullable?: boolean;
}

export interface EntitySchemaLike {
  readonly '@instanceof'?: symbol;
  readonly options: {
    readonly name: string;
    readonly columns: Readonly<Record<string, DeclaredOptionsLike | undefined>>;
  };
}

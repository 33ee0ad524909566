/**
 * The parts of Sequelize's runtime objects this adapter reads, declared structurally: the
 * user's copy of Sequelize (any 6.x, maybe not ours, maybe wrapped by sequelize-typescript)
 * built them, so the adapter never imports Sequelize's classes or types.
 *
 * Two levels: what the public API accepts (`SequelizeInstanceLike`, `SequelizeModelLike`) is
 * the subset Sequelize 6's own typings declare, so a user's `Sequelize` or model class is
 * accepted as typed; what the adapter reads (`SequelizeLike`, `ModelLike`) includes members
 * that exist at runtime but not in those typings (`options`, `tableAttributes`, `_indexes`),
 * and is reached only through the shape checks in `recognize.ts`.
 */

/** A Sequelize (or sequelize-typescript) instance, as its typings declare it. */
export interface SequelizeInstanceLike {
  readonly models: object;
  define(...args: never[]): unknown;
  getDialect(): string;
  getQueryInterface(): object;
}

/** A model class (`define`, `Model.init`, sequelize-typescript), as its typings declare it. */
export interface SequelizeModelLike {
  readonly name: string;
  getAttributes(): object;
  getTableName(): unknown;
}

export interface SequelizeLike extends SequelizeInstanceLike {
  readonly options: { readonly dialect?: string };
  readonly modelManager: { readonly models: readonly ModelLike[] };
  readonly models: Readonly<Record<string, ModelLike>>;
  define(...args: never[]): unknown;
  getDialect(): string;
  getQueryInterface(): { readonly queryGenerator: QueryGeneratorLike };
  /** What `createTable()` applies to every attribute before rendering it (public, untyped in v6). */
  normalizeAttribute?(attribute: AttributeLike): AttributeLike;
}

/** A model class: `sequelize.define(...)`, `class X extends Model` after `init`, or sequelize-typescript's after `addModels`. */
export interface ModelLike extends SequelizeModelLike {
  readonly name: string;
  /** Set once the model joined an instance (define, init, addModels); undefined before. */
  readonly sequelize?: SequelizeLike;
  readonly options: ModelOptionsLike;
  /** The attributes `sync()` creates columns for: every attribute but VIRTUAL ones. */
  readonly tableAttributes?: Readonly<Record<string, AttributeLike>>;
  /** `unique: 'name'` and `unique: { name }` attributes, grouped by name. */
  readonly uniqueKeys?: Readonly<Record<string, UniqueKeyLike>>;
  /** `options.indexes`, named and conformed as `sync()` adds them (private in the typings). */
  readonly _indexes?: readonly IndexLike[];
  readonly associations?: Readonly<Record<string, AssociationLike>>;
  /** The timestamp attributes Sequelize adds (`createdAt`, `updatedAt`, `deletedAt` when paranoid), by role. */
  readonly _timestampAttributes?: Readonly<Record<string, string>>;
  getAttributes(): Readonly<Record<string, AttributeLike>>;
  getTableName(): TableNameLike;
}

/** A model that joined an instance (`define`, `Model.init`, `addModels`): the only kind the adapter reads. */
export type InitializedModel = ModelLike & { readonly sequelize: SequelizeLike };

export interface ModelOptionsLike {
  readonly indexes?: readonly IndexLike[];
  readonly uniqueKeys?: Readonly<Record<string, UniqueKeyLike>>;
  readonly withoutForeignKeyConstraints?: boolean;
}

/** `getTableName()`: the bare table name, or an object when the model has a schema. */
export type TableNameLike = string | { readonly tableName: string; readonly schema?: string };

export interface AttributeLike {
  readonly type: DataTypeLike | string;
  readonly field?: string;
  readonly allowNull?: unknown;
  readonly defaultValue?: unknown;
  readonly primaryKey?: boolean;
  readonly autoIncrement?: boolean;
  readonly autoIncrementIdentity?: boolean;
  readonly unique?: unknown;
  readonly values?: readonly string[];
  /** `deferrable` is one of `Sequelize.Deferrable`'s classes or instances. */
  readonly references?: { readonly model?: unknown; readonly key?: string; readonly deferrable?: unknown };
  readonly onDelete?: string;
  readonly onUpdate?: string;
}

/** A data type instance: `key` names it (`STRING`, `ENUM`, `ARRAY`), `toSql()` renders it for the dialect. */
export interface DataTypeLike {
  readonly key: string;
  /** The element type of an ARRAY (or the subtype of a RANGE). */
  readonly type?: DataTypeLike;
  readonly values?: readonly string[];
  /** The options the type was built with: `STRING(100)` has `{ length: 100 }`, `STRING` none. */
  readonly options?: { readonly length?: unknown };
  toSql(): string;
  toString(options?: object): string;
}

export interface UniqueKeyLike {
  readonly fields: readonly string[];
  readonly name?: string | false;
  /** False for `unique: true`, which `createTable` renders inline on the column instead. */
  readonly customIndex?: boolean;
}

export interface IndexLike {
  readonly name?: string;
  readonly unique?: boolean;
  readonly fields: readonly unknown[];
  readonly where?: unknown;
  /** The access method (`gin`, `gist`...); `method` is its older spelling. */
  readonly using?: string;
  readonly method?: string;
  /** An operator class applied to every field that names none itself. */
  readonly operator?: string;
}

export interface AssociationLike {
  readonly associationType: string;
  /** The attribute that holds the key: on the source (belongsTo), the target (hasOne, hasMany) or the junction. */
  readonly foreignKey?: string;
  /** belongsToMany: the junction's attribute for the other side. */
  readonly otherKey?: string;
  /** belongsToMany: the junction's columns for `foreignKey` and `otherKey` (they differ under `underscored`). */
  readonly identifierField?: string;
  readonly foreignIdentifierField?: string;
  readonly target?: ModelLike;
  /** The name the association goes by; `isAliased` is true when the user gave it (`as: 'memberOf'`). */
  readonly as?: string;
  readonly isAliased?: boolean;
  /** belongsToMany: the junction model, implicit when `through` was a string. */
  readonly throughModel?: ModelLike;
}

/** The dialect's query generator, used to render defaults and index predicates exactly as `sync()` does. */
export interface QueryGeneratorLike {
  escape(value: unknown, field?: AttributeLike): string;
  whereQuery?(where: unknown): string;
  /** Sequelize 6: renders `fn()`, `col()`, `literal()` as `addIndexQuery()` does for an expression field. */
  handleSequelizeMethod?(expression: unknown): string;
  /** Sequelize 7: the same, for its SQL expression classes. */
  formatSqlExpression?(expression: unknown): string;
}

/**
 * The canonical schema model. Every adapter produces one from ORM metadata and the
 * introspector produces one from `pg_catalog`; everything after them is plain data.
 * It is readonly and JSON-serializable on purpose: reports, fix plans and caches can
 * store it as is.
 */

/** Where a declaration came from: which ORM, which registry of it, which model, which file. */
export interface Provenance {
  readonly orm: string;
  /** One group of models the ORM tracks together: a DataSource, a Sequelize instance, a Drizzle module. */
  readonly registry: string;
  readonly model?: string;
  readonly file?: string;
  /** The 1-based line in `file` where the model is declared (its decorator or table call), when the adapter knows it. */
  readonly line?: number;
  /**
   * Set when the expected side is a database rather than models (`ormdrift diff`): how messages name that side
   * (`the database at db.internal/app`, `the database built from the migrations in migrations`), so that they never
   * speak of models or an ORM where there are none.
   */
  readonly database?: string;
}

export interface QualifiedName {
  readonly schema: string;
  readonly name: string;
}

/**
 * A column type in two spellings: `raw` as the ORM or the catalog wrote it, `name` in
 * the canonical form `format_type()` prints (`integer`, `character varying(255)`,
 * `timestamp with time zone`). Only `name`, `arrayDims > 0` and `enum` are compared.
 */
export interface ColumnType {
  readonly raw: string;
  readonly name: string;
  /** 0 for scalars. PostgreSQL does not enforce the number of dimensions, so only "is an array" is compared. */
  readonly arrayDims: number;
  /** Set when the element type is an enum type. */
  readonly enum?: QualifiedName;
}

export type IdentityKind = 'always' | 'by-default';

/**
 * The column properties a model may leave to its ORM's default. A model-side column lists in
 * `inherited` those it did not declare: `nullable` when Sequelize's `allowNull` or TypeORM's
 * `nullable` was not written, `type` when the length is the ORM's (Sequelize `STRING` = 255).
 */
export type InheritableColumnProperty = 'type' | 'nullable' | 'default';

/** The foreign-key properties a model may leave to its ORM's default (Sequelize association actions). */
export type InheritableForeignKeyProperty = 'onDelete' | 'onUpdate';

export interface ColumnModel {
  /**
   * Model side only, when several models declare the table and not all of them declare this: the models that do
   * (a finding about it names them). Absent means every source of the table.
   */
  readonly declaredBy?: readonly Provenance[];
  readonly name: string;
  readonly type: ColumnType;
  readonly nullable: boolean;
  /** The default as SQL text (PostgreSQL's spelling on the database side), or null when there is none. */
  readonly default: string | null;
  readonly identity: IdentityKind | null;
  /**
   * An identity column's sequence. Model side: the options the model declares (absent ones are PostgreSQL's
   * defaults for the column's type). Database side: the identity's own sequence, every option read from
   * `pg_sequence`, with its name. Absent on columns that are not identity columns.
   */
  readonly sequence?: IdentitySequence;
  /** A stored generated column (`GENERATED ALWAYS AS (...) STORED`); its expression is not a default. */
  readonly generated: string | null;
  /**
   * Model side only: the ORM writes the default's value into its own inserts (Sequelize's `defaultValue`),
   * so a database that lacks the default fails only inserts that bypass the ORM. Absent means the ORM
   * leaves the value to the database (TypeORM's and Drizzle's `default`).
   */
  readonly ormSendsDefault?: boolean;
  /**
   * Model side only: the ORM computes the column's value itself at insert, in JavaScript, and the model gives the
   * database no default (Sequelize's `defaultValue: DataTypes.NOW` / `UUIDV4` or a function, Drizzle's
   * `$defaultFn()`): the ORM's own spelling of it, which a default-mismatch message names. Absent otherwise.
   */
  readonly ormComputesDefault?: string;
  /**
   * Model side only: the properties the model did not declare, whose value is its ORM's default.
   * A difference on one of them is reported one severity lower, saying so. Absent means all declared.
   */
  readonly inherited?: readonly InheritableColumnProperty[];
  /**
   * The column's collation (`C`, `en-x-icu`) as `pg_collation.collname` spells it, when it is not its type's
   * default collation; absent means the type's default (the database's, for text types).
   */
  readonly collation?: string;
  /**
   * The collation's schema, set only where its bare name would not find it (PostgreSQL then prints it
   * schema-qualified: `COLLATE other."C"`): another schema's collation of a name `pg_catalog` or an earlier
   * schema of the search path also has. Absent means the bare name finds it, as a model's unqualified name would.
   */
  readonly collationSchema?: string;
}

export interface PrimaryKeyModel {
  readonly name?: string;
  readonly columns: readonly string[];
  /**
   * Set when no model declares the constraint but an association implies it, in the ORM's own words:
   * `User.belongsToMany(Collection, through collection_users)`, `Post.tags (@ManyToMany, @JoinTable)`.
   * Messages name it so that the user can judge a constraint they never wrote.
   */
  readonly impliedBy?: readonly string[];
  /**
   * Database side: a DEFERRABLE primary key (absent means NOT DEFERRABLE). No ORM declares one (TypeORM, Sequelize
   * and Drizzle have no option for it), so a model's primary key is NOT DEFERRABLE.
   */
  readonly deferrable?: Deferrable;
}

export type ReferentialAction = 'NO ACTION' | 'RESTRICT' | 'CASCADE' | 'SET NULL' | 'SET DEFAULT';

/**
 * When a deferrable constraint is checked: `immediate` is `DEFERRABLE INITIALLY IMMEDIATE` (at each statement,
 * unless a transaction says `SET CONSTRAINTS ... DEFERRED`), `deferred` is `DEFERRABLE INITIALLY DEFERRED` (at
 * commit). A constraint without one is `NOT DEFERRABLE`, PostgreSQL's default.
 */
export type Deferrable = 'immediate' | 'deferred';

export interface ForeignKeyModel {
  /**
   * Model side only, when several models declare the table and not all of them declare this: the models that do
   * (a finding about it names them). Absent means every source of the table.
   */
  readonly declaredBy?: readonly Provenance[];
  readonly name?: string;
  readonly columns: readonly string[];
  readonly references: QualifiedName & { readonly columns: readonly string[] };
  readonly onDelete: ReferentialAction;
  readonly onUpdate: ReferentialAction;
  /** Model side only: the actions the model did not declare, whose value is its ORM's default. */
  readonly inherited?: readonly InheritableForeignKeyProperty[];
  /** Absent means NOT DEFERRABLE. */
  readonly deferrable?: Deferrable;
  /**
   * Database side only: the key was added NOT VALID and never validated (`pg_constraint.convalidated`), so rows
   * already there were never checked against it. Absent means validated.
   */
  readonly notValidated?: true;
}

/** A uniqueness guarantee: a UNIQUE constraint or a unique index satisfy it alike. */
export interface UniqueModel {
  /**
   * Model side only, when several models declare the table and not all of them declare this: the models that do
   * (a finding about it names them). Absent means every source of the table.
   */
  readonly declaredBy?: readonly Provenance[];
  readonly name?: string;
  readonly columns: readonly string[];
  readonly nullsNotDistinct: boolean;
  /** Partial unique index predicate, as SQL text. */
  readonly where?: string;
  /**
   * Database side only, when the server found its predicate to read as the model's and `where` was re-spelled as
   * the model writes it (so that the two compare equal): the predicate as the database holds it (`pg_get_expr`),
   * which findings print as the actual one.
   */
  readonly heldWhere?: string;
  /**
   * Set when no model declares the constraint but an association implies it, in the ORM's own words:
   * `User.belongsToMany(Collection, through collection_users)`, `Post.tags (@ManyToMany, @JoinTable)`.
   * Messages name it so that the user can judge a constraint they never wrote.
   */
  readonly impliedBy?: readonly string[];
  /** Absent means NOT DEFERRABLE; only a UNIQUE constraint can be deferrable, a unique index cannot. */
  readonly deferrable?: Deferrable;
  /**
   * Database side only: the unique index is INVALID (`pg_index.indisvalid` false: a CREATE UNIQUE INDEX CONCURRENTLY
   * that failed, on duplicates for one, or a DROP INDEX CONCURRENTLY cut short). It guarantees nothing: rows already
   * there may repeat, and no INSERT ... ON CONFLICT takes it as arbiter. Absent means valid.
   */
  readonly invalid?: true;
}

/**
 * How one key of an index is built, beyond its column: only what differs from PostgreSQL's
 * defaults is set. `opclass` is a non-default operator class (`gin_trgm_ops`, `text_pattern_ops`);
 * `nullsFirst` absent means the direction's default (NULLS LAST ascending, NULLS FIRST descending).
 */
export interface IndexKeyOptions {
  readonly opclass?: string;
  readonly descending?: boolean;
  readonly nullsFirst?: boolean;
  /**
   * The key's collation (`pg_index.indcollation`) when it is not its column's own: the name as the model writes it
   * (`C`) or as `pg_collation.collname` holds it, unquoted; `default` is the database's default collation. Read for
   * plain column keys only.
   */
  readonly collation?: string;
  /** The collation's schema, only when its bare name does not find it on the search path (as `collationSchema` of a column). */
  readonly collationSchema?: string;
  /**
   * Database side only, on a key without `opclass`: the name of the default operator class the key uses
   * (`text_ops`), read only when a model declares a class for that key, so that a class declared by its name is
   * the default one it names. On a key whose `opclass` is named only because it carries parameters
   * (`tsvector_ops(siglen=100)`), that same name: the class is its type's default, the one a key without a class uses.
   */
  readonly defaultOpclass?: string;
  /**
   * Database side only: the operator class's parameters, as the index column's `pg_attribute.attoptions` holds them,
   * joined by ', ' (`siglen=32`); a key with parameters always has `opclass`, its type's default class or not (as
   * `pg_get_indexdef` names it). A model writes them after the class's name, in `opclass` (`gist_trgm_ops(siglen=32)`).
   */
  readonly opclassParameters?: string;
}

export interface IndexModel {
  /**
   * Model side only, when several models declare the table and not all of them declare this: the models that do
   * (a finding about it names them). Absent means every source of the table.
   */
  readonly declaredBy?: readonly Provenance[];
  readonly name?: string;
  /** Column names in index order; an expression index has none and is matched by name. */
  readonly columns: readonly string[];
  /** Partial index predicate, as SQL text; compared after PostgreSQL's own deparse where the server is asked. */
  readonly where?: string;
  /**
   * Database side only, when the server found its predicate to read as the model's and `where` was re-spelled as
   * the model writes it (so that the two compare equal): the predicate as the database holds it (`pg_get_expr`),
   * which findings print as the actual one.
   */
  readonly heldWhere?: string;
  /** Access method as `pg_am.amname` spells it (`btree`, `hash`, `gin`, `gist`, `spgist`, `brin`); absent means btree. */
  readonly method?: string;
  /** Per key, in `columns` order: options other than the defaults. Absent, shorter or `{}` entries mean defaults. */
  readonly keys?: readonly IndexKeyOptions[];
  /**
   * An index with an expression key (whose `columns` is empty): every key in index order as SQL text, a plain
   * column as its quoted name and an expression as the model writes it (`lower("email")`) or as
   * `pg_get_indexdef()` deparses it (`lower((email)::text)`); compared after PostgreSQL's own deparse where the
   * server is asked. Absent for an index on plain columns, and for a model that cannot render its keys (then
   * the index is matched by name only).
   */
  readonly expressions?: readonly string[];
  /**
   * The columns the index carries besides its keys (`INCLUDE (b)`), in order: an index-only scan reads them from the
   * index; no query searches or sorts on them. Absent means none (or a model whose ORM cannot declare them).
   */
  readonly include?: readonly string[];
  /**
   * An expression index (whose `columns` is empty) that rejects duplicate keys (`CREATE UNIQUE INDEX`,
   * `pg_index.indisunique`). Absent means not unique, and on every other index: a unique index on plain columns
   * is a `UniqueModel`.
   */
  readonly unique?: boolean;
  /**
   * Database side only: the index is INVALID (`pg_index.indisvalid` false: a CREATE INDEX CONCURRENTLY that failed
   * or was cancelled, or a DROP INDEX CONCURRENTLY cut short). The planner never uses it. Absent means valid.
   */
  readonly invalid?: true;
}

/**
 * A CHECK constraint: a boolean expression every row must satisfy. `expression` is the SQL text
 * inside `CHECK (...)`, as the model wrote it or as `pg_get_expr()` deparses the stored one; two
 * spellings are compared after PostgreSQL's own deparse where the server is asked.
 */
export interface CheckModel {
  /**
   * Model side only, when several models declare the table and not all of them declare this: the models that do
   * (a finding about it names them). Absent means every source of the table.
   */
  readonly declaredBy?: readonly Provenance[];
  readonly name?: string;
  readonly expression: string;
  /**
   * Database side only: the check was added NOT VALID and never validated (`pg_constraint.convalidated`), so rows
   * already there were never checked against it. Absent means validated.
   */
  readonly notValidated?: true;
}

/**
 * An EXCLUDE constraint: no two rows may have every listed element compare true with its operator
 * (`USING gist (room WITH =, during WITH &&)`). `expression` is the text after `EXCLUDE`, as the
 * model wrote it or as `pg_get_constraintdef()` prints it (its DEFERRABLE clause is `deferrable`); two
 * spellings are compared element by element, the expressions and predicate after PostgreSQL's own
 * deparse where the server is asked.
 */
export interface ExclusionModel {
  /**
   * Model side only, when several models declare the table and not all of them declare this: the models that do
   * (a finding about it names them). Absent means every source of the table.
   */
  readonly declaredBy?: readonly Provenance[];
  readonly name?: string;
  readonly expression: string;
  /** Absent means NOT DEFERRABLE. */
  readonly deferrable?: Deferrable;
}

/** What kind of relation a database table is; declared tables are always `table`. */
export type TableKind = 'table' | 'partitioned-table' | 'partition' | 'view' | 'materialized-view' | 'foreign-table';

export interface TableModel extends QualifiedName {
  readonly kind: TableKind;
  /** For a leaf partition: the partitioned table it belongs to. */
  readonly partitionOf?: QualifiedName;
  readonly columns: readonly ColumnModel[];
  readonly primaryKey: PrimaryKeyModel | null;
  readonly foreignKeys: readonly ForeignKeyModel[];
  readonly uniques: readonly UniqueModel[];
  readonly indexes: readonly IndexModel[];
  /** CHECK constraints (NOT NULL is `nullable`, not a check). Absent means none declared, or not read. */
  readonly checks?: readonly CheckModel[];
  /** EXCLUDE constraints. Absent means none declared, or not read. */
  readonly exclusions?: readonly ExclusionModel[];
  /** Who declared it; empty for tables read from a database. */
  readonly sources: readonly Provenance[];
  /**
   * Set on a junction table no model declares, which the ORM builds for many-to-many associations, in the ORM's own
   * words: `Post.tags (@ManyToMany, @JoinTable)`, `Player.belongsToMany(Group, as memberOf, through PlayerGroups)`.
   * Messages about the table and what it holds (its keys, foreign keys, indexes) name them instead of a model.
   */
  readonly impliedBy?: readonly string[];
}

/** The integer types a sequence can produce, as `format_type()` prints them. */
export type SequenceDataType = 'smallint' | 'integer' | 'bigint';

/**
 * A sequence's options as `CREATE SEQUENCE` takes them and `pg_sequence` stores them. The 64-bit values are
 * decimal strings (JSON has no 64-bit integer). On the model side an absent option is PostgreSQL's default
 * (`AS bigint`, `INCREMENT BY 1`, `MINVALUE` / `MAXVALUE` the type's range or 1 / -1, `START WITH` the
 * minimum (ascending) or maximum, `CACHE 1`, `NO CYCLE`); the database side sets every one.
 */
export interface SequenceOptions {
  readonly dataType?: SequenceDataType;
  readonly increment?: string;
  readonly minValue?: string;
  readonly maxValue?: string;
  readonly start?: string;
  readonly cache?: string;
  readonly cycle?: boolean;
}

/** An identity column's sequence: its options, and its name when the model declares it or the database was read. */
export interface IdentitySequence extends SequenceOptions {
  readonly schema?: string;
  readonly name?: string;
}

/** A sequence declared on its own (Drizzle's `pgSequence`) or read from `pg_sequence`. */
export interface SequenceModel extends QualifiedName, SequenceOptions {
  /**
   * Database side only: the column that owns the sequence (`OWNED BY`, a serial's or an identity's), if any.
   * `identity` tells an identity's own sequence from a serial's.
   */
  readonly ownedBy?: QualifiedName & { readonly column: string; readonly identity: boolean };
  readonly sources: readonly Provenance[];
}

export interface EnumModel extends QualifiedName {
  readonly values: readonly string[];
  readonly sources: readonly Provenance[];
}

export interface SchemaModel {
  readonly tables: readonly TableModel[];
  readonly enums: readonly EnumModel[];
  /** Sequences: those the models declare on their own, or every sequence of the database. Absent means none. */
  readonly sequences?: readonly SequenceModel[];
  /**
   * Read from a database only: the schemas it holds among those read (`pg_namespace`). Absent from models, and
   * from an introspector that does not say.
   */
  readonly schemas?: readonly string[];
}

export const emptySchema: SchemaModel = { tables: [], enums: [] };

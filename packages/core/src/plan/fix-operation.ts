import type { ColumnModel, Deferrable, ForeignKeyModel, IdentityKind, IndexModel, QualifiedName, SequenceOptions, TableModel } from '../model/schema-model.ts';

/**
 * One DDL operation of a fix, as data: what to add or remove, never how to spell it. The SQL
 * text of each is written by `sql/render-fix.ts` alone. Every operation that adds is idempotent
 * once rendered (it reads the catalog first and says whether it added or skipped), and every
 * operation that removes touches only what its adding twin names.
 */
export type FixOperation =
  /**
   * `CREATE SCHEMA` of a schema the models put objects in (Drizzle's `pgSchema('billing')`, TypeORM's `schema`) and
   * the database lacks, before anything is created in it, as drizzle-kit's and TypeORM's own migrations do.
   */
  | { readonly op: 'create-schema'; readonly schema: string }
  /** `DROP SCHEMA IF EXISTS`, without CASCADE: it fails rather than drop what someone else put in the schema. */
  | { readonly op: 'drop-schema'; readonly schema: string }
  /**
   * `CREATE EXTENSION` of an extension a default calls a function of (`uuid_generate_v4()`: `uuid-ossp`), in the
   * `public` schema, as the ORM's own sync does. It has no reverse: other objects may use the extension.
   */
  | { readonly op: 'create-extension'; readonly extension: string }
  /** `CREATE TYPE ... AS ENUM`. */
  | { readonly op: 'create-enum'; readonly enum: QualifiedName; readonly values: readonly string[] }
  | { readonly op: 'drop-enum'; readonly enum: QualifiedName }
  /**
   * `ALTER TYPE ... ADD VALUE`, each placed `AFTER` its predecessor in the model (or `BEFORE` the
   * first one). `commitFirst`: a later step may use a new value, which PostgreSQL allows only once
   * the value is committed, so these run in a transaction of their own before the rest.
   */
  | { readonly op: 'add-enum-values'; readonly enum: QualifiedName; readonly values: readonly EnumValuePlacement[]; readonly commitFirst: boolean }
  /**
   * PostgreSQL cannot drop an enum value: the type is rebuilt with `keep` (its values before the
   * fix, in order) and every column of it is converted back. Refuses when a row uses a removed value.
   */
  | { readonly op: 'remove-enum-values'; readonly enum: QualifiedName; readonly values: readonly string[]; readonly keep: readonly string[] }
  /** `CREATE TABLE` with its columns, primary key, unique constraints and the foreign keys in `foreignKeys`. */
  | {
      readonly op: 'create-table';
      readonly table: TableModel;
      readonly primaryKeyName: string | null;
      readonly uniques: readonly NamedUnique[];
      readonly foreignKeys: readonly NamedForeignKey[];
    }
  | { readonly op: 'drop-table'; readonly table: QualifiedName }
  /**
   * `ALTER TABLE ... ADD COLUMN`. A NOT NULL column without a default (or generated value) is added
   * NOT NULL only when the table is empty; otherwise nullable, with a notice naming the backfill.
   */
  | { readonly op: 'add-column'; readonly table: QualifiedName; readonly column: ColumnModel }
  | { readonly op: 'drop-column'; readonly table: QualifiedName; readonly column: string }
  /** `ALTER COLUMN ... SET DEFAULT`; a `nextval()` default is set only when its sequence exists. */
  | { readonly op: 'set-default'; readonly table: QualifiedName; readonly column: string; readonly default: string; readonly enum?: QualifiedName }
  | { readonly op: 'drop-default'; readonly table: QualifiedName; readonly column: string }
  /** Skipped when the table already has a primary key (a table has at most one). */
  | { readonly op: 'add-primary-key'; readonly table: QualifiedName; readonly name: string; readonly columns: readonly string[] }
  /** A UNIQUE constraint. A partial unique is a unique index instead (`create-index` with `unique`). */
  | { readonly op: 'add-unique'; readonly table: QualifiedName; readonly unique: NamedUnique }
  | { readonly op: 'drop-constraint'; readonly table: QualifiedName; readonly name: string }
  /** `CREATE [UNIQUE] INDEX`; with `concurrently`, outside any transaction. */
  | { readonly op: 'create-index'; readonly table: QualifiedName; readonly index: NamedIndex; readonly concurrently: boolean }
  | { readonly op: 'drop-index'; readonly index: QualifiedName }
  /** `ADD CONSTRAINT ... FOREIGN KEY`, `NOT VALID` when the table may hold rows: validated by its own operation. */
  | { readonly op: 'add-foreign-key'; readonly table: QualifiedName; readonly foreignKey: NamedForeignKey; readonly notValid: boolean }
  /** `VALIDATE CONSTRAINT`: rows that break the key are reported and the key stays NOT VALID. */
  | { readonly op: 'validate-foreign-key'; readonly table: QualifiedName; readonly name: string }
  /** `ADD CONSTRAINT ... CHECK`, `NOT VALID` when the table may hold rows: validated by `validate-check`. */
  | { readonly op: 'add-check'; readonly table: QualifiedName; readonly name: string; readonly expression: string; readonly notValid: boolean }
  /** `VALIDATE CONSTRAINT` of a check: rows that break it are reported and the check stays NOT VALID. */
  | { readonly op: 'validate-check'; readonly table: QualifiedName; readonly name: string }
  /** `ADD CONSTRAINT ... EXCLUDE`: PostgreSQL has no NOT VALID for an exclusion, rows that conflict are reported and it is not added. */
  | { readonly op: 'add-exclusion'; readonly table: QualifiedName; readonly name: string; readonly expression: string; readonly deferrable?: Deferrable }
  /**
   * `ALTER COLUMN ... TYPE <type> COLLATE <collation>` with the column's own type (`collation` null: the type's
   * default): no table rewrite, but the column's indexes are rebuilt. Its reverse sets the collation it had.
   */
  | { readonly op: 'set-collation'; readonly table: QualifiedName; readonly column: string; readonly type: string; readonly collation: string | null }
  /** `ALTER CONSTRAINT ... [NOT] DEFERRABLE [INITIALLY ...]` of a foreign key (`deferrable` null: NOT DEFERRABLE). */
  | { readonly op: 'set-deferrable'; readonly table: QualifiedName; readonly name: string; readonly deferrable: Deferrable | null }
  /** `CREATE SEQUENCE` with every option written out (`options` resolved to PostgreSQL's defaults). */
  | { readonly op: 'create-sequence'; readonly sequence: QualifiedName; readonly options: Required<SequenceOptions> }
  | { readonly op: 'drop-sequence'; readonly sequence: QualifiedName }
  /** `ALTER SEQUENCE` of the given options only; a sequence that no longer exists is left alone. */
  | { readonly op: 'alter-sequence'; readonly sequence: QualifiedName; readonly options: SequenceOptions }
  /** `ALTER COLUMN ... SET GENERATED ALWAYS | BY DEFAULT` of an identity column. */
  | { readonly op: 'set-identity'; readonly table: QualifiedName; readonly column: string; readonly identity: IdentityKind }
  /** Undoes the NOT NULL that adding a primary key sets on a column that was nullable. */
  | { readonly op: 'drop-not-null'; readonly table: QualifiedName; readonly column: string };

export type FixOperationKind = FixOperation['op'];

/** Where an added enum value goes, so the type ends with the model's order. */
export interface EnumValuePlacement {
  readonly value: string;
  readonly after?: string;
  readonly before?: string;
}

export interface NamedUnique {
  readonly name: string;
  readonly columns: readonly string[];
  readonly nullsNotDistinct: boolean;
  /** Absent means NOT DEFERRABLE. */
  readonly deferrable?: Deferrable;
}

export interface NamedIndex extends IndexModel {
  readonly name: string;
  readonly unique: boolean;
  readonly nullsNotDistinct: boolean;
}

export interface NamedForeignKey extends ForeignKeyModel {
  readonly name: string;
}

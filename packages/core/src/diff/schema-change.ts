import type { RegistryConflict } from '../merge/merge-registries.ts';
import type { SequenceAspect } from '../normalize/sequence-options.ts';
import type {
  CheckModel,
  ColumnModel,
  ColumnType,
  EnumModel,
  ExclusionModel,
  ForeignKeyModel,
  IndexModel,
  QualifiedName,
  SequenceModel,
  TableModel,
  UniqueModel,
} from '../model/schema-model.ts';

/** The column properties a `modify-column` can differ in. */
export type ColumnAspect = 'type' | 'nullable' | 'default' | 'collation';

/**
 * The index properties a `modify-index` can differ in: the columns it is on (an index of the declared name on other
 * columns, in another order, or on expressions), access method, per-key options (operator class, order,
 * collation), an expression index's keys and whether it is unique, the INCLUDE columns, predicate (a full index
 * where a partial one is declared too: it serves the declared queries, but it is larger).
 */
export type IndexAspect = 'columns' | 'method' | 'keys' | 'expressions' | 'unique' | 'include' | 'where';

/** The column a foreign-key column references, and its type (from the models, else the database). */
export interface ForeignKeyReference extends QualifiedName {
  readonly column: string;
  readonly type: ColumnType;
}

/**
 * A constraint of the database that no model declares and that can make the ORM's writes fail:
 * a unique (constraint or unique index) on columns no declared unique or primary key already
 * covers, a foreign key no model declares, or a check no declared check matches.
 */
export type ExtraConstraint =
  | {
      readonly type: 'unique';
      readonly unique: UniqueModel;
      /**
       * The index the models declare on the same columns (in the same order) with the same predicate, without
       * UNIQUE: the database's is that index, built unique.
       */
      readonly declaredIndex?: IndexModel;
    }
  | { readonly type: 'foreign-key'; readonly foreignKey: ForeignKeyModel }
  | { readonly type: 'check'; readonly check: CheckModel }
  | { readonly type: 'exclusion'; readonly exclusion: ExclusionModel };

/** The first declared column of an enum type, so that an enum change points at a table a user knows. */
export interface EnumUser {
  readonly table: TableModel;
  readonly column: string;
}

/**
 * One difference between the expected and the actual schema, as data: the closed contract
 * between the diff and everything after it. Rules turn changes into findings and the fix planner
 * turns them into SQL; neither sees the models nor re-compares them. `table` is the expected
 * table (it carries the provenance) except for `extra-table`.
 *
 * Every kind that compares the models with the database carries the two compared objects as typed
 * sides: `expected` (what the models declare) and `actual` (what the database holds), `null` on the
 * side that has none. So `change.kind` narrows them to the model types: `missing-*` is
 * `{ expected: XModel; actual: null }`, `modify-*` is `{ expected: XModel; actual: XModel; changed }`,
 * `extra-*` is `{ expected: null; actual: XModel }`. Only `registry-conflict`, a difference between
 * two models, has no sides.
 *
 * "Missing" and "modify" are separate kinds per object: an object that is absent and one that is
 * present but different are reported under different codes. A new comparison is one new kind here
 * (following the pattern above), one branch in `diff/`, and one rule handler (the registry test
 * fails until a rule handles it).
 */
export type SchemaChange =
  | { readonly kind: 'registry-conflict'; readonly conflict: RegistryConflict }
  | { readonly kind: 'missing-table'; readonly table: TableModel; readonly expected: TableModel; readonly actual: null }
  | { readonly kind: 'missing-column'; readonly table: TableModel; readonly expected: ColumnModel; readonly actual: null }
  | {
      readonly kind: 'modify-column';
      readonly table: TableModel;
      readonly expected: ColumnModel;
      readonly actual: ColumnModel;
      readonly changed: readonly ColumnAspect[];
      /** When `type` changed on a declared foreign-key column: the column it references, as context. */
      readonly references?: ForeignKeyReference;
    }
  | {
      /**
       * A foreign-key column whose type differs from the column it references: `expected` is the referenced
       * column's type (what the key column should be), `actual` the key column's own. `where` says where the
       * two types were read: both from the models, the model's column against the database's referenced
       * column, or both from the database (a foreign key only the database has, on a declared table).
       */
      readonly kind: 'foreign-key-type';
      readonly table: TableModel;
      readonly column: string;
      readonly references: QualifiedName & { readonly column: string };
      readonly expected: ColumnType;
      readonly actual: ColumnType;
      readonly where: 'models' | 'across' | 'database';
    }
  | { readonly kind: 'extra-column'; readonly table: TableModel; readonly expected: null; readonly actual: ColumnModel }
  | { readonly kind: 'extra-table'; readonly table: TableModel; readonly expected: null; readonly actual: TableModel }
  | { readonly kind: 'missing-foreign-key'; readonly table: TableModel; readonly expected: ForeignKeyModel; readonly actual: null }
  | {
      /**
       * A foreign key on the same columns to the same target exists, with other ON DELETE / ON UPDATE actions or
       * deferral, or NOT VALID (`validated`: added without checking the rows already there).
       */
      readonly kind: 'modify-foreign-key';
      readonly table: TableModel;
      readonly expected: ForeignKeyModel;
      readonly actual: ForeignKeyModel;
      readonly changed: readonly ('onDelete' | 'onUpdate' | 'deferrable' | 'validated')[];
    }
  | {
      readonly kind: 'missing-unique';
      readonly table: TableModel;
      readonly expected: UniqueModel;
      readonly actual: null;
      /** The declared unique is the table's primary key. */
      readonly primaryKey: boolean;
      /**
       * A database index on the same columns that is not unique (of the declared name first, then with the declared
       * predicate): the declared unique index exists, built without UNIQUE.
       */
      readonly notUnique?: IndexModel;
      /**
       * A declared partial unique only: the full unique of the database on the same columns (the primary key, then
       * `primaryKey: true`) that the models declare too; it rejects every duplicate the partial one would and
       * arbitrates its ON CONFLICT, so the guarantee holds.
       */
      readonly coveredBy?: UniqueModel & { readonly primaryKey?: true };
      /**
       * With `coveredBy`: the database's unique of the declared name on the same columns over other rows (every row,
       * or another predicate), which another declared unique claims as its guarantee: the declared name is taken.
       */
      readonly sameName?: UniqueModel;
      /**
       * A declared full unique only: a partial unique of the database on the same columns that no other declared
       * unique claims; it guards only the rows of its predicate.
       */
      readonly partial?: UniqueModel;
      /**
       * The database's INVALID unique index on the same columns (of the declared name first): it exists but guarantees
       * nothing, so the declared unique is missing. Set only when no valid one stands for it.
       */
      readonly invalid?: UniqueModel;
      /**
       * The database's object of the declared unique's name, built on other keys: a unique constraint or unique
       * index on other columns (`constraint: true` for a constraint), an index of that name without UNIQUE on other
       * columns, or an index on expressions (unique or not). The declared name is taken, so creating the declared
       * unique fails until it is dropped; a unique on other columns is this finding's, not an undeclared constraint.
       */
      readonly replacedBy?: IndexModel & { readonly constraint?: true };
    }
  | {
      /**
       * A unique on the same columns exists but treats NULLs otherwise (NULLS NOT DISTINCT or not), or,
       * where a partial unique is declared, is full (stricter: rows outside the predicate block re-use)
       * or guards the rows of another predicate, or is deferred otherwise (DEFERRABLE, INITIALLY DEFERRED).
       * With `primaryKey`, the declared primary key, deferred otherwise in the database (both sides as uniques).
       */
      readonly kind: 'modify-unique';
      readonly table: TableModel;
      readonly expected: UniqueModel;
      readonly actual: UniqueModel;
      readonly changed: readonly ('nullsNotDistinct' | 'where' | 'deferrable')[];
      readonly primaryKey?: true;
    }
  | {
      readonly kind: 'missing-index';
      readonly table: TableModel;
      readonly expected: IndexModel;
      readonly actual: null;
      /** A full btree index (or the primary key, then `primaryKey: true`) whose leading columns are the declared ones. */
      readonly servedBy?: IndexModel & { readonly primaryKey?: boolean };
      /**
       * The database's INVALID index that would be the declared one (of its name, else on the same columns in the
       * same order): it exists, but the planner never uses it.
       */
      readonly invalid?: IndexModel;
    }
  | {
      /**
       * An index on the same columns in the same order (an expression index: of the same name) exists but
       * differs: another access method, other operator classes or order per key, or another predicate
       * (partial where a full one is declared, or a predicate PostgreSQL deparses otherwise).
       */
      readonly kind: 'modify-index';
      readonly table: TableModel;
      readonly expected: IndexModel;
      readonly actual: IndexModel;
      readonly changed: readonly IndexAspect[];
    }
  | {
      /**
       * A generated column of the model is a plain column in the database (`not-generated`), a plain column
       * of the model is generated there (`generated`), or both are generated from other expressions.
       */
      readonly kind: 'modify-generated';
      readonly table: TableModel;
      readonly expected: ColumnModel;
      readonly actual: ColumnModel;
      readonly difference: 'not-generated' | 'generated' | 'expression';
    }
  | { readonly kind: 'missing-check'; readonly table: TableModel; readonly expected: CheckModel; readonly actual: null }
  | {
      /**
       * A check of the declared name exists with an expression PostgreSQL does not deparse as the declared one
       * (`expression`), or the declared check exists NOT VALID (`validated`: rows already there were never checked).
       */
      readonly kind: 'modify-check';
      readonly table: TableModel;
      readonly expected: CheckModel;
      readonly actual: CheckModel;
      readonly changed: readonly ('expression' | 'validated')[];
    }
  | { readonly kind: 'missing-exclusion'; readonly table: TableModel; readonly expected: ExclusionModel; readonly actual: null }
  | {
      /** An exclusion of the declared name exists with a definition PostgreSQL does not deparse as the declared one. */
      readonly kind: 'modify-exclusion';
      readonly table: TableModel;
      readonly expected: ExclusionModel;
      readonly actual: ExclusionModel;
    }
  | { readonly kind: 'extra-constraint'; readonly table: TableModel; readonly expected: null; readonly actual: ExtraConstraint }
  | { readonly kind: 'missing-sequence'; readonly expected: SequenceModel; readonly actual: null }
  | {
      /**
       * A declared sequence exists with other options; or an identity column's sequence has other options than
       * the column declares (then `identityOf` names the table, whose provenance the sequence carries, and the
       * column). Both sides are resolved: every option set, absent ones at PostgreSQL's defaults.
       */
      readonly kind: 'modify-sequence';
      readonly expected: SequenceModel;
      readonly actual: SequenceModel;
      readonly changed: readonly SequenceAspect[];
      readonly identityOf?: { readonly table: TableModel; readonly column: string };
      /**
       * An identity column's sequence that the model names otherwise (Drizzle's `name`): `expected` carries the
       * model's name, `actual` the database's. `changed` may then be empty.
       */
      readonly renamed?: true;
    }
  | {
      /**
       * A column both sides number automatically, but one is an identity column and the other is not (a serial
       * `nextval()` default), or both are identity columns, one GENERATED ALWAYS and the other BY DEFAULT.
       */
      readonly kind: 'modify-identity';
      readonly table: TableModel;
      readonly expected: ColumnModel;
      readonly actual: ColumnModel;
    }
  | { readonly kind: 'missing-enum'; readonly expected: EnumModel; readonly actual: null; readonly usedBy?: EnumUser }
  | {
      readonly kind: 'modify-enum';
      readonly expected: EnumModel;
      readonly actual: EnumModel;
      readonly missingValues: readonly string[];
      readonly usedBy?: EnumUser;
    }
  /**
   * The ledger of the database against the migrations on disk (not made by `diffSchemas`: `evaluate` adds them from
   * a `MigrationLedgerState`): a migration the ledger lacks, or a ledger entry no migration on disk matches.
   */
  | { readonly kind: 'unapplied-migration'; readonly ledger: QualifiedName; readonly expected: MigrationEntry; readonly actual: null }
  | { readonly kind: 'unknown-migration'; readonly ledger: QualifiedName; readonly expected: null; readonly actual: MigrationEntry };

/** A migration as its tool names it: a file name, a TypeORM class name, a drizzle-kit journal tag. */
export interface MigrationEntry {
  readonly name: string;
}

export type SchemaChangeKind = SchemaChange['kind'];

/** A change of one kind, by its kind. */
export type SchemaChangeOf<K extends SchemaChangeKind> = Extract<SchemaChange, { readonly kind: K }>;

/** Every change kind, at run time: the registry test checks that each one has a rule. */
export const schemaChangeKinds = [
  'registry-conflict',
  'missing-table',
  'missing-column',
  'modify-column',
  'foreign-key-type',
  'extra-column',
  'extra-table',
  'missing-foreign-key',
  'modify-foreign-key',
  'missing-unique',
  'modify-unique',
  'missing-index',
  'modify-index',
  'modify-generated',
  'missing-check',
  'modify-check',
  'missing-exclusion',
  'modify-exclusion',
  'extra-constraint',
  'missing-enum',
  'modify-enum',
  'unapplied-migration',
  'unknown-migration',
  'missing-sequence',
  'modify-sequence',
  'modify-identity',
] as const satisfies readonly SchemaChangeKind[];

// Fails to compile when a kind is added to the union but not to the list above.
type Unlisted = Exclude<SchemaChangeKind, (typeof schemaChangeKinds)[number]>;
const everyKindListed: [Unlisted] extends [never] ? true : never = true;
void everyKindListed;

// Fails to compile when a kind other than a registry conflict lacks its typed `expected` / `actual` sides.
type WithoutSides = Exclude<SchemaChange, { readonly expected: unknown; readonly actual: unknown }>['kind'];
const everyComparisonHasSides: [WithoutSides] extends ['registry-conflict'] ? true : never = true;
void everyComparisonHasSides;

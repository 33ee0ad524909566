import type { SchemaChangeKind } from '../diff/schema-change.ts';
import type { Deferrable, IdentityKind, ReferentialAction, SequenceDataType } from '../model/schema-model.ts';

/**
 * A column as a finding shows it: the canonical type (`format_type()` spelling), nullability, and
 * the default as a user reads it (`0`, `now()`, `generated always as identity`), `null` for none.
 */
export interface ColumnShape {
  readonly type: string;
  readonly nullable: boolean;
  readonly default: string | null;
}

/** An enum type as a finding shows it: its qualified name (`public.mood`) and its values in order. */
export interface EnumShape {
  readonly enum: string;
  readonly values: readonly string[];
}

/** A unique as a finding shows it; `where` is the predicate of a partial unique. */
export interface UniqueShape {
  readonly columns: readonly string[];
  readonly nullsNotDistinct: boolean;
  readonly where?: string;
  /** Set on a deferral finding: `not deferrable`, `immediate` or `deferred`. */
  readonly deferrable?: Deferrable | 'not deferrable';
}

/**
 * An index as an `index-mismatch` finding shows it: its columns (or, on expressions, its keys' SQL text), and only
 * the compared properties that differ (`method`, each key as CREATE INDEX spells it) plus its predicate when partial.
 */
export interface IndexShape {
  /** Its columns in key order; absent for an index with an expression key (then `expressions` lists its keys). */
  readonly columns?: readonly string[];
  readonly method?: string;
  /** Per key, its column or expression with its options (`email COLLATE "C" gin_trgm_ops DESC NULLS LAST`, `email`). */
  readonly keys?: readonly string[];
  /** An index's keys as SQL text: on an index with an expression key always, else when they differ. */
  readonly expressions?: readonly string[];
  /** Whether an expression index is unique, when the two sides differ in it. */
  readonly unique?: boolean;
  /** The columns it carries besides its keys (INCLUDE), when the two sides differ in them. */
  readonly include?: readonly string[];
  readonly where?: string;
}

/**
 * For each finding code: the plain-JSON shape of its `expected` and `actual` (as the JSON report
 * writes them, version 1) and the kind of change it comes from. `null` is the side that has nothing.
 * `Finding` is typed from this map, so `finding.code` narrows `expected`, `actual` and `change`.
 * A new rule adds its entry here: the build fails while a registered code has none.
 */
export interface FindingSides {
  'registry-conflict': {
    /** The first declaration's models: `User (typeorm default)`. */
    readonly expected: { readonly declaredBy: string };
    readonly actual: { readonly declaredBy: string; readonly differences: readonly string[] };
    readonly change: 'registry-conflict';
  };
  'missing-table': { readonly expected: { readonly columns: readonly string[] }; readonly actual: null; readonly change: 'missing-table' };
  'missing-column': { readonly expected: ColumnShape; readonly actual: null; readonly change: 'missing-column' };
  'column-type-mismatch': {
    /** On a foreign-key column, also what it references (`public.users.id`) and that column's type. */
    readonly expected: { readonly type: string; readonly references?: string; readonly referencedType?: string };
    readonly actual: { readonly type: string };
    readonly change: 'modify-column';
  };
  'fk-type-mismatch': {
    /** The referenced column's type and the referenced column (`public.users.id`). */
    readonly expected: { readonly type: string; readonly references: string };
    readonly actual: { readonly type: string };
    readonly change: 'foreign-key-type';
  };
  'nullability-mismatch': {
    readonly expected: { readonly nullable: boolean };
    readonly actual: { readonly nullable: boolean };
    readonly change: 'modify-column';
  };
  'default-mismatch': {
    readonly expected: { readonly default: string | null };
    readonly actual: { readonly default: string | null };
    readonly change: 'modify-column';
  };
  'missing-enum': { readonly expected: EnumShape; readonly actual: null; readonly change: 'missing-enum' };
  'enum-values-mismatch': { readonly expected: EnumShape; readonly actual: EnumShape; readonly change: 'modify-enum' };
  'missing-unique': {
    readonly expected: {
      /** Absent for a unique expression index (then `expressions`). */
      readonly columns?: readonly string[];
      readonly primaryKey?: true;
      readonly name?: string;
      readonly nullsNotDistinct?: true;
      /** The predicate of a partial unique. */
      readonly where?: string;
      /** Set with an `actual`: the declared unique is a unique index. */
      readonly unique?: true;
      /** A unique expression index: its keys as SQL text (`columns` is then empty). */
      readonly expressions?: readonly string[];
    };
    /**
     * `null`; or the database's index on those columns (of the declared name, or with the declared predicate) that is
     * not unique; or its INVALID unique index on them (`invalid: true`), which guarantees nothing; or what covers a
     * declared partial unique (`coveredBy`); or, for a unique expression index, the index of its name; or the
     * database's unique or index that holds the declared name on other keys.
     */
    readonly actual:
      | {
          readonly columns: readonly string[];
          readonly unique: false;
          readonly name?: string;
          readonly where?: string;
          readonly invalid?: never;
        }
      | {
          readonly columns: readonly string[];
          readonly unique?: never;
          readonly invalid: true;
          readonly name?: string;
          readonly where?: string;
        }
      /**
       * A declared partial unique: the full unique (or primary key) the models declare too, which holds its guarantee;
       * with `name`, `columns` (and `where`), the database's unique of the declared name over other rows.
       */
      | {
          readonly coveredBy: { readonly columns: readonly string[]; readonly primaryKey?: true; readonly name?: string };
          readonly name?: string;
          readonly columns?: readonly string[];
          readonly where?: string;
        }
      /** A unique expression index: the database's index of its name, on other expressions. */
      | { readonly expressions: readonly string[]; readonly unique: boolean; readonly name?: string }
      /**
       * The database's object of the declared name on other keys (`replaced`): a unique (`constraint: true` for a
       * constraint) or an index without UNIQUE, on other columns or on expressions.
       */
      | {
          readonly columns?: readonly string[];
          readonly expressions?: readonly string[];
          readonly unique: boolean;
          readonly name: string;
          readonly constraint?: true;
          readonly where?: string;
          readonly invalid?: never;
        }
      | null;
    /** `missing-index` and `modify-index` for a unique expression index: missing, or of its name on other expressions. */
    readonly change: 'missing-unique' | 'missing-index' | 'modify-index';
  };
  'unique-mismatch': { readonly expected: UniqueShape; readonly actual: UniqueShape & { readonly name?: string }; readonly change: 'modify-unique' };
  'missing-foreign-key': {
    /** `references` is the target as `public.users(id)`. */
    readonly expected: {
      readonly columns: readonly string[];
      readonly references: string;
      readonly onDelete: ReferentialAction;
      readonly onUpdate: ReferentialAction;
      readonly name?: string;
    };
    readonly actual: null;
    readonly change: 'missing-foreign-key';
  };
  'foreign-key-mismatch': {
    /**
     * `deferrable` is set when the deferral differs: `not deferrable`, `immediate` or `deferred`; `validated` (true
     * expected, false actual) when the database's key was added NOT VALID.
     */
    readonly expected: {
      readonly onDelete: ReferentialAction;
      readonly onUpdate: ReferentialAction;
      readonly deferrable?: Deferrable | 'not deferrable';
      readonly validated?: boolean;
    };
    readonly actual: {
      readonly onDelete: ReferentialAction;
      readonly onUpdate: ReferentialAction;
      readonly deferrable?: Deferrable | 'not deferrable';
      readonly validated?: boolean;
      readonly name?: string;
    };
    readonly change: 'modify-foreign-key';
  };
  'missing-index': {
    /**
     * `columns` for an index on columns, `name` when known (always for one on expressions); `method` when not
     * btree; `keys` (each key with its options, as CREATE INDEX spells it) when some key has options or the index
     * is on expressions.
     */
    readonly expected: {
      readonly columns?: readonly string[];
      readonly name?: string;
      readonly method?: string;
      readonly keys?: readonly string[];
      readonly where?: string;
    };
    /**
     * `null`; or the index (or primary key) whose leading columns are the declared ones; or the database's INVALID
     * index that would be the declared one (`invalid: true`, its name, and its columns when on plain columns).
     */
    readonly actual:
      | { readonly servedBy: { readonly columns: readonly string[]; readonly primaryKey?: true; readonly name?: string }; readonly invalid?: never }
      | { readonly invalid: true; readonly name?: string; readonly columns?: readonly string[]; readonly servedBy?: never }
      | null;
    readonly change: 'missing-index';
  };
  'index-mismatch': { readonly expected: IndexShape; readonly actual: IndexShape & { readonly name?: string }; readonly change: 'modify-index' };
  'extra-column': { readonly expected: null; readonly actual: ColumnShape; readonly change: 'extra-column' };
  'orphan-table': { readonly expected: null; readonly actual: { readonly columns: readonly string[] }; readonly change: 'extra-table' };
  'generated-mismatch': {
    readonly expected: { readonly generated: string | null };
    readonly actual: { readonly generated: string | null; readonly default?: string | null };
    readonly change: 'modify-generated';
  };
  'missing-check': { readonly expected: CheckShape; readonly actual: null; readonly change: 'missing-check' };
  'check-mismatch': { readonly expected: CheckShape; readonly actual: CheckShape; readonly change: 'modify-check' };
  'missing-exclusion': { readonly expected: CheckShape; readonly actual: null; readonly change: 'missing-exclusion' };
  'exclusion-mismatch': {
    readonly expected: CheckShape & { readonly deferrable?: Deferrable };
    readonly actual: CheckShape & { readonly deferrable?: Deferrable };
    readonly change: 'modify-exclusion';
  };
  'collation-mismatch': {
    /** The collation's name, `null` for the type's default; `schema` where the bare name would not find it. */
    readonly expected: { readonly collation: string | null; readonly schema?: string };
    readonly actual: { readonly collation: string | null; readonly schema?: string };
    readonly change: 'modify-column';
  };
  'missing-sequence': { readonly expected: SequenceShape; readonly actual: null; readonly change: 'missing-sequence' };
  'sequence-mismatch': {
    /** The options that differ only, resolved to PostgreSQL's defaults; `column` names an identity column's table and column. */
    readonly expected: Partial<SequenceShape> & { readonly sequence: string; readonly column?: string };
    readonly actual: Partial<SequenceShape> & { readonly sequence: string };
    readonly change: 'modify-sequence';
  };
  'identity-mismatch': {
    /** `null` is a serial column (a `nextval()` default), numbered but not an identity. */
    readonly expected: { readonly identity: IdentityKind | null };
    readonly actual: { readonly identity: IdentityKind | null; readonly default?: string | null };
    readonly change: 'modify-identity';
  };
  'extra-constraint': {
    readonly expected: null;
    /**
     * `type` says which: a unique (`columns`, `where`, `nullsNotDistinct`), a foreign key (`columns`, `references`, actions),
     * a check or an exclusion (`expression`).
     */
    readonly actual: { readonly type: 'unique' | 'foreign-key' | 'check' | 'exclusion'; readonly name?: string; readonly [property: string]: unknown };
    /** `modify-index`: a unique expression index of a declared index's name, on other expressions than declared. */
    readonly change: 'extra-constraint' | 'modify-index';
  };
  'unapplied-migration': { readonly expected: MigrationShape; readonly actual: null; readonly change: 'unapplied-migration' };
  'unknown-migration': { readonly expected: null; readonly actual: MigrationShape; readonly change: 'unknown-migration' };
}

/** A migration in a finding: its name as its tool names it (`004_add_message_count.sql`, a class name, a journal tag). */
export interface MigrationShape {
  readonly migration: string;
}

/** A CHECK (or EXCLUDE: the text after the keyword) constraint in a finding: its expression, and its name when known. */
/**
 * A sequence as a finding shows it: its qualified name (`public.order_number`) and every option resolved to
 * PostgreSQL's defaults, 64-bit values as decimal strings.
 */
export interface SequenceShape {
  readonly sequence: string;
  readonly dataType: SequenceDataType;
  readonly increment: string;
  readonly minValue: string;
  readonly maxValue: string;
  readonly start: string;
  readonly cache: string;
  readonly cycle: boolean;
}

/** A CHECK constraint in a finding: its expression, and its name when known. */
export interface CheckShape {
  readonly name?: string;
  readonly expression: string;
  /** check-mismatch `notValidated` only: true on the expected side, false on the database's (added NOT VALID). */
  readonly validated?: boolean;
}

/** The finding codes that `FindingSides` types. */
export type SidedCode = keyof FindingSides;

/** The sides of a code's findings; a code with no entry (a rule outside the registry) has untyped ones. */
export type SidesOf<C extends string> = C extends SidedCode
  ? FindingSides[C]
  : { readonly expected: unknown; readonly actual: unknown; readonly change: SchemaChangeKind };

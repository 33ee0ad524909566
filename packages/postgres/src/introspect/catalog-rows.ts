/** Rows exactly as the catalog queries return them; mapped once into the public model. */

export interface RawTable {
  oid: string;
  schema: string;
  name: string;
  kind: 'r' | 'p' | 'v' | 'm' | 'f' | 'S';
  parent_schema: string | null;
  parent_name: string | null;
  /** A sequence's options (`pg_sequence`), 64-bit values as text; null for every other relation. */
  seq_type: string | null;
  seq_start: string | null;
  seq_increment: string | null;
  seq_min: string | null;
  seq_max: string | null;
  seq_cache: string | null;
  seq_cycle: boolean | null;
  /** The column that owns a sequence (a serial's or an identity's), by its table's oid; null otherwise. */
  owner_table_oid: string | null;
  owner_column: string | null;
  owner_identity: boolean | null;
}

export interface RawColumn {
  table_oid: string;
  name: string;
  type: string;
  dims: number;
  not_null: boolean;
  identity: '' | 'a' | 'd';
  generated: '' | 's' | 'v';
  default_expr: string | null;
  /** `pg_collation.collname` when the column's collation is not its type's default, else null. */
  collation: string | null;
  /** The collation's schema when its bare name does not find it on the search path, else null. */
  collation_schema: string | null;
  /** The type's schema and name when it is an enum type, else null. */
  type_schema: string | null;
  type_name: string | null;
  /** An array's element type's schema and name when it is an enum type, else null. */
  element_schema: string | null;
  element_name: string | null;
}

export interface RawConstraint {
  table_oid: string;
  name: string;
  type: 'p' | 'u' | 'f' | 'c' | 'x';
  columns: string[];
  ref_schema: string | null;
  ref_table: string | null;
  /** A foreign key's referenced columns; null for other constraints. */
  ref_columns: string[] | null;
  on_delete: string;
  on_update: string;
  nulls_not_distinct: boolean;
  /** A check's expression, `pg_get_expr(conbin)`; null for other constraints. */
  check_expr: string | null;
  /** An exclusion's `pg_get_constraintdef()`; null for other constraints. */
  exclusion_def: string | null;
  deferrable: boolean;
  deferred: boolean;
  /** `convalidated`: false for a constraint added NOT VALID and never validated. */
  validated: boolean;
}

export interface RawIndex {
  table_oid: string;
  name: string;
  is_unique: boolean;
  /** `not pg_index.indisvalid`: the index is INVALID. */
  invalid: boolean;
  columns: string[];
  predicate: string | null;
  /** Set for an index with an expression key: each key as `pg_get_indexdef(index, k, true)` deparses it. */
  expressions: string[] | null;
  nulls_not_distinct: boolean;
  /** `pg_am.amname`. */
  method: string;
  /** Per key column: the operator class name when it is not the default, else ''; null when every key's is the default. */
  opclasses: string[] | null;
  /** Per key column: `pg_index.indoption` bits (1 DESC, 2 NULLS FIRST); null when every key is ASC NULLS LAST. */
  options: number[] | null;
  /** Per key: the collation's name when a column key's is not its column's own, else ''; null when no key's differs. */
  collations: string[] | null;
  /** Per key: the collation's schema when that collation is not visible on the search path, else ''; null when none is. */
  collation_schemas: string[] | null;
  /**
   * Per key: its operator class's parameters as the index column's `pg_attribute.attoptions` holds them, joined by
   * ', ' (`siglen=32`), else ''; null when no key has any.
   */
  class_parameters: string[] | null;
  /** Per key, when `class_parameters` is not null: whether its operator class is its type's default; else null. */
  default_classes: boolean[] | null;
  /** The index's INCLUDE columns (`pg_index` attributes past `indnkeyatts`), in order; null when it has none. */
  included: string[] | null;
}

export interface RawEnum {
  schema: string;
  name: string;
  values: string[];
}

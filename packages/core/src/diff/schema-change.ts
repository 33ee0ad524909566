import type { ColumnModel, EnumModel, ForeignKeyModel, IndexModel, TableModel, UniqueModel } from '../model/schema-model.ts';

export type ColumnAspect = 'type' | 'nullable' | 'default';

/**
 * One difference between the expected and the actual schema, as data. Rules turn changes
 * into findings and the fix planner turns them into SQL; neither re-compares the models.
 * `table` is the expected table (it carries the provenance) except for `extra-table`.
 */
export type SchemaChange =
  | { readonly kind: 'missing-table'; readonly table: TableModel }
  | { readonly kind: 'missing-column'; readonly table: TableModel; readonly column: ColumnModel }
  | {
      readonly kind: 'modify-column';
      readonly table: TableModel;
      readonly expected: ColumnModel;
      readonly actual: ColumnModel;
      readonly changed: readonly ColumnAspect[];
    }
  | { readonly kind: 'extra-column'; readonly table: TableModel; readonly column: ColumnModel }
  | { readonly kind: 'extra-table'; readonly table: TableModel }
  | { readonly kind: 'missing-foreign-key'; readonly table: TableModel; readonly foreignKey: ForeignKeyModel }
  | { readonly kind: 'modify-foreign-key'; readonly table: TableModel; readonly expected: ForeignKeyModel; readonly actual: ForeignKeyModel }
  | { readonly kind: 'missing-unique'; readonly table: TableModel; readonly unique: UniqueModel; readonly primaryKey: boolean }
  | { readonly kind: 'missing-index'; readonly table: TableModel; readonly index: IndexModel }
  | { readonly kind: 'missing-enum'; readonly enum: EnumModel }
  | { readonly kind: 'modify-enum'; readonly expected: EnumModel; readonly actual: EnumModel; readonly missingValues: readonly string[] };

export type SchemaChangeKind = SchemaChange['kind'];

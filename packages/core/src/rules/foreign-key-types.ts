import type { ColumnType, ForeignKeyModel, TableModel } from '../model/schema-model.ts';
import type { SchemaIndex } from '../model/schema-index.ts';
import { sameColumnType } from '../normalize/column-type.ts';

export interface ForeignKeyTypeConflict {
  /** `schema.table.column` of the referencing column. */
  readonly key: string;
  readonly table: TableModel;
  readonly column: string;
  readonly columnType: ColumnType;
  readonly references: { readonly schema: string; readonly table: string; readonly column: string };
  readonly referencedType: ColumnType;
  /** Where the two types were read: both from the models, the model against the database, or both from the database. */
  readonly where: 'models' | 'across' | 'database';
}

/**
 * Foreign-key columns whose type differs from the column they reference (a `uuid user_id`
 * pointing at an `integer` id). The referencing column is compared with the referenced column as
 * the models declare it, or as the database has it when no model declares the referenced table;
 * foreign keys that only the database has are compared within the database.
 */
export function foreignKeyTypeConflicts(context: { expected: SchemaIndex; actual: SchemaIndex }): ForeignKeyTypeConflict[] {
  const conflicts = new Map<string, ForeignKeyTypeConflict>();
  const consider = (table: TableModel, fk: ForeignKeyModel, types: SchemaIndex, where: ForeignKeyTypeConflict['where'], referencedFrom: SchemaIndex) => {
    fk.columns.forEach((column, position) => {
      const key = `${table.schema}.${table.name}.${column}`;
      const referencedColumn = fk.references.columns[position];
      const own = types.column(table, column);
      const referenced = referencedColumn === undefined ? undefined : referencedFrom.column(fk.references, referencedColumn);
      if (conflicts.has(key) || !own || !referenced || referencedColumn === undefined) return;
      if (sameColumnType(own.type, referenced.type)) return;
      conflicts.set(key, {
        key,
        table,
        column,
        columnType: own.type,
        references: { schema: fk.references.schema, table: fk.references.name, column: referencedColumn },
        referencedType: referenced.type,
        where,
      });
    });
  };

  for (const table of context.expected.schema.tables) {
    for (const fk of table.foreignKeys) {
      const declared = context.expected.table(fk.references) !== undefined;
      consider(table, fk, context.expected, declared ? 'models' : 'across', declared ? context.expected : context.actual);
    }
  }
  for (const table of context.actual.schema.tables) {
    const declared = context.expected.table(table);
    if (!declared) continue;
    for (const fk of table.foreignKeys) consider(declared, fk, context.actual, 'database', context.actual);
  }
  return [...conflicts.values()];
}

import type { ForeignKeyModel, TableModel } from '../model/schema-model.ts';
import type { SchemaIndex } from '../model/schema-index.ts';
import { sameColumnType } from '../normalize/column-type.ts';
import type { SchemaChangeOf } from './schema-change.ts';

/**
 * Foreign-key columns whose type differs from the column they reference (a `uuid user_id`
 * pointing at an `integer` id), at most one per referencing column. A declared foreign key's column
 * is compared with the referenced column as the models declare it, or as the database has it when no
 * model declares the referenced table (`referenced` may reach outside the scope: a foreign key may
 * point into a schema that is not checked). Foreign keys that only the database has, on declared
 * tables, are compared within the database.
 */
export function foreignKeyTypeChanges(expected: SchemaIndex, actual: SchemaIndex, referenced: SchemaIndex): SchemaChangeOf<'foreign-key-type'>[] {
  const changes = new Map<string, SchemaChangeOf<'foreign-key-type'>>();
  const consider = (
    table: TableModel,
    fk: ForeignKeyModel,
    types: SchemaIndex,
    where: SchemaChangeOf<'foreign-key-type'>['where'],
    referencedFrom: SchemaIndex,
  ) => {
    fk.columns.forEach((column, position) => {
      const key = `${table.schema}.${table.name}.${column}`;
      const referencedColumn = fk.references.columns[position];
      const own = types.column(table, column);
      const target = referencedColumn === undefined ? undefined : referencedFrom.column(fk.references, referencedColumn);
      if (changes.has(key) || !own || !target || referencedColumn === undefined) return;
      if (sameColumnType(own.type, target.type)) return;
      changes.set(key, {
        kind: 'foreign-key-type',
        table,
        column,
        references: { schema: fk.references.schema, name: fk.references.name, column: referencedColumn },
        expected: target.type,
        actual: own.type,
        where,
      });
    });
  };

  for (const table of expected.schema.tables) {
    for (const fk of table.foreignKeys) {
      const declared = expected.table(fk.references) !== undefined;
      consider(table, fk, expected, declared ? 'models' : 'across', declared ? expected : referenced);
    }
  }
  for (const table of actual.schema.tables) {
    const declared = expected.table(table);
    if (!declared) continue;
    for (const fk of table.foreignKeys) consider(declared, fk, actual, 'database', referenced);
  }
  return [...changes.values()];
}

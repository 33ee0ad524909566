import type { ColumnModel, EnumModel, QualifiedName, SchemaModel, TableModel } from './schema-model.ts';
import { qualifiedKey } from './qualified-name.ts';

/** Constant-time lookups over a schema model, built once per check. */
export class SchemaIndex {
  readonly #tables = new Map<string, TableModel>();
  readonly #enums = new Map<string, EnumModel>();

  constructor(readonly schema: SchemaModel) {
    for (const table of schema.tables) this.#tables.set(qualifiedKey(table), table);
    for (const declared of schema.enums) this.#enums.set(qualifiedKey(declared), declared);
  }

  table(name: QualifiedName): TableModel | undefined {
    return this.#tables.get(qualifiedKey(name));
  }

  column(table: QualifiedName, column: string): ColumnModel | undefined {
    return this.table(table)?.columns.find((candidate) => candidate.name === column);
  }

  enum(name: QualifiedName): EnumModel | undefined {
    return this.#enums.get(qualifiedKey(name));
  }
}

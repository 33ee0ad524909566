import type { ColumnModel, TableModel } from '../model/schema-model.ts';
import { defineRule, docsPath } from './rule.ts';
import { columnRef, columnShape, declaredBy, declares, inheritedFrom, inheritedNote, ormName } from './describe.ts';
import { constantLiteral } from '../literal/constant-literal.ts';
import { readsClock } from '../normalize/reads-clock.ts';
import { valueSource } from '../normalize/value-source.ts';

export const defaultMismatch = defineRule({
  meta: {
    code: 'default-mismatch',
    description: "The column's database default differs from the model's.",
    docs: docsPath('default-mismatch'),
    messages: { differs: 'warning', missingRequired: 'error', missingSentByOrm: 'warning', constantKey: 'error', constantNumber: 'warning' },
    nextStep: 'set the defaults the models rely on with ALTER TABLE ... ALTER COLUMN ... SET DEFAULT in a migration, or drop them from the models',
  },
  create(context) {
    return {
      'modify-column'({ table, expected, actual, changed }) {
        if (!changed.includes('default')) return;
        const wanted = columnShape(expected).default;
        const found = columnShape(actual).default;
        // The model leaves the value to the database; without a default a NOT NULL column rejects the insert.
        const required = valueSource(expected) !== null && valueSource(actual) === null && !actual.nullable;
        // ...unless the ORM sends the value itself: then only inserts that bypass it fail
        const sentByOrm = required && expected.ormSendsDefault === true;
        // the ORM leaves this numbered column out of its inserts: a constant default gives every row one value
        const constant = !required && valueSource(expected) === 'autoincrement' && constantLiteral(actual.default) !== undefined;
        const key = constant && isSingleColumnKey(table, expected.name);
        const inherited = expected.inherited?.includes('default') ? inheritedFrom(table) : undefined;
        const note = (inherited ? `; ${inheritedNote(wanted === null ? 'no default' : `default ${wanted}`, inherited)}` : '') + clockNote(expected, actual);
        context.report({
          messageId: sentByOrm ? 'missingSentByOrm' : required ? 'missingRequired' : key ? 'constantKey' : constant ? 'constantNumber' : 'differs',
          schema: table.schema,
          table: table.name,
          column: expected.name,
          message:
            (sentByOrm
              ? `${columnRef(table, expected.name)} has no database default but ${declaredBy(table)} ${declares(table)} ${wanted}: ${ormName(inheritedFrom(table))} sends it in its own inserts, so they succeed, but raw SQL inserts that omit the NOT NULL column fail`
              : required
                ? `${columnRef(table, expected.name)} relies on the database default ${wanted} (${declaredBy(table)}) but the NOT NULL column has no default: inserts that omit it fail`
                : `${columnRef(table, expected.name)} has ${found === null ? 'no default' : `default ${found}`} in the database but ${wanted === null ? 'none' : wanted} in ${declaredBy(table)}${computedNote(table, expected)}${constantNote(table, key, constant)}`) +
            note,
          expected: { default: wanted },
          actual: { default: found },
          sources: table.sources,
          ...(inherited ? { inherited } : {}),
        });
      },
    };
  },
});

/**
 * Why two defaults that evaluate alike at this moment still differ: one reads the clock at each insert, the other
 * is a constant (`SET DEFAULT 'now'` stores the date it ran on). Empty unless exactly one side reads the clock.
 */
function clockNote(expected: ColumnModel, actual: ColumnModel): string {
  if (expected.default === null || actual.default === null) return '';
  const [model, database] = [readsClock(expected.default, expected.type), readsClock(actual.default, actual.type)];
  if (model === database) return '';
  return model
    ? ': the database default is a constant, fixed when it was set, where the model reads the clock at each insert'
    : ': the database default reads the clock at each insert, where the model sets a constant';
}

/**
 * Why the model has no database default although the column gets a value on insert: the ORM computes it itself
 * (`DataTypes.NOW`, `$defaultFn()`) and sends it in its own inserts, so the database default serves only inserts
 * that bypass the ORM. Empty unless the model says so.
 */
function computedNote(table: TableModel, expected: ColumnModel): string {
  if (expected.default !== null || expected.ormComputesDefault === undefined) return '';
  const orm = ormName(inheritedFrom(table));
  return `: ${orm} computes the value itself (${expected.ormComputesDefault}, a client-side default) and sends it in its own inserts, so the database default serves only inserts that bypass ${orm}`;
}

/**
 * What a constant default does to a column the ORM numbers (identity, serial, autoIncrement) and so leaves out of
 * its inserts: every row gets that one value. On the primary key or a one-column unique the second insert fails
 * (duplicate key); elsewhere the rows silently share it. Empty unless the default is such a constant.
 */
function constantNote(table: TableModel, key: boolean, constant: boolean): string {
  if (!constant) return '';
  const orm = ormName(inheritedFrom(table));
  return key
    ? `: ${orm} leaves this numbered column out of its inserts, so every insert after the first fails with a duplicate key`
    : `: ${orm} leaves this numbered column out of its inserts, so every row silently gets the same value`;
}

/** Whether the model declares `column` alone as the primary key or as a full unique: the database rejects a second equal value. */
function isSingleColumnKey(table: TableModel, column: string): boolean {
  const only = (columns: readonly string[]) => columns.length === 1 && columns[0] === column;
  return (table.primaryKey !== null && only(table.primaryKey.columns)) || table.uniques.some((unique) => unique.where === undefined && only(unique.columns));
}

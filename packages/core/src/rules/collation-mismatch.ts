import { defineRule, docsPath } from './rule.ts';
import { columnRef, declaredBy } from './describe.ts';
import type { ColumnModel } from '../model/schema-model.ts';
import { identifierAsPrinted } from '../sql/quote.ts';

export const collationMismatch = defineRule({
  meta: {
    code: 'collation-mismatch',
    description: "The column's collation differs from the one the model declares (or from its type's default, where the model declares none).",
    docs: docsPath('collation-mismatch'),
    // No write fails and no value changes: sort order, range and LIKE comparisons, and which indexes serve them, do.
    messages: { otherCollation: 'warning' },
    nextStep:
      'migrate these columns to the declared collation (ALTER COLUMN ... TYPE ... COLLATE, which rebuilds their indexes), or declare the collation in the models',
  },
  create(context) {
    return {
      'modify-column'({ table, expected, actual, changed }) {
        if (!changed.includes('collation')) return;
        // as PostgreSQL prints it: schema-qualified only where the bare name would find another collation
        const name = (column: ColumnModel) =>
          column.collation === undefined
            ? "its type's default collation"
            : `collation ${column.collationSchema !== undefined ? `${identifierAsPrinted(column.collationSchema)}.` : ''}"${column.collation}"`;
        context.report({
          messageId: 'otherCollation',
          schema: table.schema,
          table: table.name,
          column: expected.name,
          message: `${columnRef(table, expected.name)} has ${name(actual)} in the database, but ${name(expected)} in ${declaredBy(table)}: ORDER BY, comparisons and LIKE prefix searches behave otherwise, and indexes built for one collation do not serve the other`,
          expected: { collation: expected.collation ?? null, ...(expected.collationSchema !== undefined ? { schema: expected.collationSchema } : {}) },
          actual: { collation: actual.collation ?? null, ...(actual.collationSchema !== undefined ? { schema: actual.collationSchema } : {}) },
          sources: table.sources,
        });
      },
    };
  },
});

import { defineRule, docsPath } from './rule.ts';
import { columnRef, columnShape, declaredBy, declares, writer } from './describe.ts';
import { z } from 'zod';
import { valueSource } from '../normalize/value-source.ts';
import { ignoreOption, nameMatcher } from './name-globs.ts';

export const extraColumn = defineRule({
  meta: {
    code: 'extra-column',
    description: 'A column exists in the database that no model declares.',
    docs: docsPath('extra-column'),
    messages: { undeclared: 'warning', blocksInserts: 'error' },
    nextStep: "declare these columns in the models, or drop them in a migration; set 'extra-column' to off if the database keeps columns on purpose",
    schema: z.strictObject({
      /** Columns the database keeps on purpose, as `column`, `table.column` or `schema.table.column` globs. */
      ignore: ignoreOption,
    }),
  },
  create(context) {
    const ignored = nameMatcher(context.options.ignore);
    return {
      'extra-column'({ table, actual: column }) {
        if (ignored([column.name, `${table.name}.${column.name}`, `${table.schema}.${table.name}.${column.name}`])) return;
        // The ORM never sends a value for it, so a NOT NULL column with nothing to fill it rejects every insert.
        const blocksInserts = !column.nullable && valueSource(column) === null;
        context.report({
          messageId: blocksInserts ? 'blocksInserts' : 'undeclared',
          schema: table.schema,
          table: table.name,
          column: column.name,
          message: blocksInserts
            ? `${columnRef(table, column.name)} is NOT NULL with no default but ${declaredBy(table)} ${declares(table, false)} it: every insert through ${writer(table)} fails`
            : `${columnRef(table, column.name)} exists in the database but ${declaredBy(table)} ${declares(table, false)} it`,
          expected: null,
          actual: columnShape(column),
          sources: table.sources,
        });
      },
    };
  },
});

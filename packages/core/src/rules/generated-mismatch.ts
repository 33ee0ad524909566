import { defineRule, docsPath } from './rule.ts';
import { columnRef, declaredBy, declares, writer } from './describe.ts';

export const generatedMismatch = defineRule({
  meta: {
    code: 'generated-mismatch',
    description: 'A generated column of the models is a plain column in the database, a plain one is generated there, or the two compute it otherwise.',
    docs: docsPath('generated-mismatch'),
    messages: { notGenerated: 'error', generated: 'error', otherExpression: 'error' },
    nextStep:
      'rebuild these columns as the models declare them (ALTER TABLE ... DROP COLUMN, then ADD COLUMN ... GENERATED ALWAYS AS (...) STORED) in a migration, or change the models to match',
  },
  create(context) {
    return {
      'modify-generated'({ table, expected, actual, difference }) {
        const where = columnRef(table, expected.name);
        context.report({
          messageId: difference === 'not-generated' ? 'notGenerated' : difference === 'generated' ? 'generated' : 'otherExpression',
          schema: table.schema,
          table: table.name,
          column: expected.name,
          message:
            difference === 'not-generated'
              ? `${where} is no longer a generated column: ${declaredBy(table)} ${declares(table)} it GENERATED ALWAYS AS (${expected.generated ?? ''}), so ${writer(table)} never writes it and ${
                  actual.default !== null
                    ? `it stays at its default ${actual.default} in new rows`
                    : actual.nullable
                      ? 'it stays NULL in new rows'
                      : 'inserts fail: the NOT NULL column gets no value'
                }`
              : difference === 'generated'
                ? `${where} is generated in the database, as (${actual.generated ?? ''}), but ${declaredBy(table)} ${declares(table)} a plain column: inserts and updates through ${writer(table)} that write it fail`
                : `${where} is generated as (${actual.generated ?? ''}) in the database but as (${expected.generated ?? ''}) in ${declaredBy(table)}: it holds other values than the model computes`,
          expected: { generated: expected.generated },
          actual: { generated: actual.generated, ...(actual.generated === null ? { default: actual.default } : {}) },
          sources: table.sources,
        });
      },
    };
  },
});

import { defineRule, docsPath } from './rule.ts';
import { declaredBy, declares, objectName, tableRef } from './describe.ts';
import { checkRelation, wholeNumberType } from '../predicate/check-bounds.ts';

/** What the difference of two checks does, as far as ormdrift can tell (`checkRelation`). */
const consequence = {
  stricter: "the database's check is stricter: writes the model allows can fail",
  looser: "the database's check is looser: rows the model forbids can be stored",
  unknown: 'writes the model allows may fail, or rows it forbids may be stored',
} as const;

export const checkMismatch = defineRule({
  meta: {
    code: 'check-mismatch',
    description:
      'A CHECK constraint the models declare exists under its name, with an expression PostgreSQL reads otherwise, or exists NOT VALID (rows already there were never checked).',
    docs: docsPath('check-mismatch'),
    // NOT VALID still checks every new write: only rows older than the constraint may break it
    messages: { otherExpression: 'error', notValidated: 'warning' },
    nextStep:
      'replace these checks with the declared expressions in a migration (drop, then ADD CONSTRAINT ... NOT VALID and VALIDATE), or change the models to match; validate a NOT VALID one with ALTER TABLE ... VALIDATE CONSTRAINT',
  },
  create(context) {
    return {
      'modify-check'({ table, expected, actual, changed }) {
        const name = actual.name ? ` ${objectName(actual.name)}` : '';
        if (!changed.includes('expression')) {
          context.report({
            messageId: 'notValidated',
            schema: table.schema,
            table: table.name,
            object: expected.name ?? expected.expression,
            message: `${tableRef(table)} has the check${name} CHECK (${actual.expression}) as ${declaredBy(table)} ${declares(table)} it, but NOT VALID: rows stored before it was added were never checked and may break it`,
            expected: { ...(expected.name ? { name: expected.name } : {}), expression: expected.expression, validated: true },
            actual: { ...(actual.name ? { name: actual.name } : {}), expression: actual.expression, validated: false },
            sources: table.sources,
          });
          return;
        }
        const wholeNumbers = new Set(
          table.columns.filter((column) => column.type.arrayDims === 0 && wholeNumberType(column.type.name)).map((column) => column.name),
        );
        const relation = checkRelation(expected.expression, actual.expression, wholeNumbers);
        context.report({
          messageId: 'otherExpression',
          schema: table.schema,
          table: table.name,
          object: expected.name ?? expected.expression,
          message: `${tableRef(table)} has the check${name} CHECK (${actual.expression}), but ${declaredBy(table)} ${declares(table)} it CHECK (${expected.expression}): ${consequence[relation]}`,
          expected: { ...(expected.name ? { name: expected.name } : {}), expression: expected.expression },
          actual: { ...(actual.name ? { name: actual.name } : {}), expression: actual.expression },
          sources: table.sources,
        });
      },
    };
  },
});

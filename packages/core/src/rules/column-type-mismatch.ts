import { defineRule } from './rule.ts';
import { columnRef, declaredBy } from './describe.ts';
import type { ColumnType } from '../model/schema-model.ts';
import { formatColumnType } from '../normalize/column-type.ts';
import { foreignKeyTypeConflicts } from './foreign-key-types.ts';

export const columnTypeMismatch = defineRule({
  meta: {
    code: 'column-type-mismatch',
    description: "The column's type in the database differs from the model's.",
    messages: { differs: 'error', wider: 'warning' },
  },
  check(context) {
    // A foreign-key column declared with a type other than its target's is reported once, as fk-type-mismatch.
    const explained = new Set(context.enabled.has('fk-type-mismatch') ? foreignKeyTypeConflicts(context).map((conflict) => conflict.key) : []);
    for (const change of context.changes) {
      if (change.kind !== 'modify-column' || !change.changed.includes('type')) continue;
      const { table, expected, actual } = change;
      if (explained.has(`${table.schema}.${table.name}.${expected.name}`)) continue;
      const wider = isWiderVarchar(expected.type, actual.type);
      context.report({
        messageId: wider ? 'wider' : 'differs',
        schema: table.schema,
        table: table.name,
        column: expected.name,
        message: wider
          ? `${columnRef(table, expected.name)} is ${formatColumnType(actual.type)} in the database, wider than ${formatColumnType(expected.type)} in ${declaredBy(table)}: values the database accepts may fail the model's validation`
          : `${columnRef(table, expected.name)} is ${formatColumnType(expected.type)} in ${declaredBy(table)} but ${formatColumnType(actual.type)} in the database`,
        expected: { type: formatColumnType(expected.type) },
        actual: { type: formatColumnType(actual.type) },
        sources: table.sources,
      });
    }
  },
});

function varcharLength(type: ColumnType): number | undefined {
  if (type.name === 'character varying' || type.name === 'text') return Infinity;
  const match = /^character varying\((\d+)\)$/.exec(type.name);
  return match ? Number(match[1]) : undefined;
}

/** A database varchar wider than the model's (or unbounded) loses nothing the model writes. */
function isWiderVarchar(expected: ColumnType, actual: ColumnType): boolean {
  if (expected.arrayDims > 0 !== actual.arrayDims > 0 || expected.name === 'text') return false;
  const declared = varcharLength(expected);
  const found = varcharLength(actual);
  return declared !== undefined && found !== undefined && found > declared;
}

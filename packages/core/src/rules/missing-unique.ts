import { defineRule } from './rule.ts';
import { declaredBy } from './describe.ts';
import { displayName } from '../model/qualified-name.ts';

export const missingUnique = defineRule({
  meta: {
    code: 'missing-unique',
    description: 'A unique constraint or primary key declared in the models is absent from the database.',
    messages: { missing: 'error', missingPrimaryKey: 'error' },
  },
  check(context) {
    for (const change of context.changes) {
      if (change.kind !== 'missing-unique') continue;
      const { table, unique, primaryKey } = change;
      const columns = `(${unique.columns.join(', ')})`;
      const sameColumns = (candidate: readonly string[]) => candidate.length === unique.columns.length && candidate.every((column) => unique.columns.includes(column));
      const other = context.actual.table(table)?.uniques.find((candidate) => candidate.where === undefined && sameColumns(candidate.columns));
      if (other && other.nullsNotDistinct !== unique.nullsNotDistinct) {
        context.report({
          messageId: 'missing',
          schema: table.schema,
          table: table.name,
          ...(unique.columns.length === 1 ? { column: unique.columns[0] } : {}),
          message: other.nullsNotDistinct
            ? `${displayName(table)} has a unique on ${columns} that is NULLS NOT DISTINCT, but ${declaredBy(table)} declares a plain one: a second NULL the model allows is rejected`
            : `${displayName(table)} has a unique on ${columns} that lets NULLs repeat, but ${declaredBy(table)} declares it NULLS NOT DISTINCT: duplicate NULLs can be stored`,
          expected: { columns: unique.columns, nullsNotDistinct: unique.nullsNotDistinct },
          actual: { columns: other.columns, nullsNotDistinct: other.nullsNotDistinct, ...(other.name ? { name: other.name } : {}) },
          sources: table.sources,
        });
        continue;
      }
      context.report({
        messageId: primaryKey ? 'missingPrimaryKey' : 'missing',
        schema: table.schema,
        table: table.name,
        ...(unique.columns.length === 1 ? { column: unique.columns[0] } : {}),
        message: primaryKey
          ? `${displayName(table)} has no primary key, unique constraint or unique index on ${columns}, the primary key of ${declaredBy(table)}: duplicates can be stored`
          : `${displayName(table)} has no unique constraint or unique index on ${columns} that ${declaredBy(table)} declares: duplicates can be stored`,
        expected: {
          columns: unique.columns,
          ...(primaryKey ? { primaryKey: true } : {}),
          ...(unique.name ? { name: unique.name } : {}),
          ...(unique.nullsNotDistinct ? { nullsNotDistinct: true } : {}),
        },
        actual: null,
        sources: table.sources,
      });
    }
  },
});

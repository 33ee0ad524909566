import { defineRule, docsPath } from './rule.ts';
import { columnList, declaredBy, declares, heldPredicate, objectName, tableRef } from './describe.ts';
import { displayName } from '../model/qualified-name.ts';
import { expressionList } from './index-key-list.ts';
import type { ExtraConstraint } from '../diff/schema-change.ts';
import type { ForeignKeyModel, IndexModel, TableModel, UniqueModel } from '../model/schema-model.ts';

export const extraConstraint = defineRule({
  meta: {
    code: 'extra-constraint',
    description: "A unique, foreign key, check or exclusion exists in the database that no model declares, and can make the ORM's writes fail.",
    docs: docsPath('extra-constraint'),
    // declaredNotUnique: a unique index the models declare without UNIQUE; it rejects rows they allow, stores nothing wrong
    messages: { undeclared: 'warning', declaredNotUnique: 'warning' },
    nextStep:
      "declare these constraints in the models (so their failures are expected), or drop them in a migration; set 'extra-constraint' to off if the database enforces more on purpose",
  },
  create(context) {
    return {
      // a unique expression index of a declared index's name, on other expressions: no model declares that unique
      'modify-index'({ table, actual, changed }) {
        if (actual.unique !== true || actual.columns.length > 0 || !changed.includes('expressions')) return;
        const name = actual.name ? ` ${objectName(actual.name)}` : '';
        const where = actual.where !== undefined ? ` WHERE ${heldPredicate(actual)}` : '';
        context.report({
          messageId: 'undeclared',
          schema: table.schema,
          table: table.name,
          object: `unique:${expressionList(actual)}`,
          message: `${tableRef(table)} has a unique index${name} on (${expressionList(actual)})${where} that ${declaredBy(table)} ${declares(table, false)}: a write that repeats a value the models allow to repeat fails`,
          expected: null,
          actual: {
            type: 'unique',
            expressions: actual.expressions ?? [],
            ...(actual.where !== undefined ? { where: heldPredicate(actual)! } : {}),
            ...(actual.name ? { name: actual.name } : {}),
          },
          sources: table.sources,
        });
      },
      'extra-constraint'({ table, actual: constraint }) {
        const columns = constraintColumns(constraint);
        const declaredIndex = constraint.type === 'unique' ? constraint.declaredIndex : undefined;
        context.report({
          messageId: declaredIndex ? 'declaredNotUnique' : 'undeclared',
          schema: table.schema,
          table: table.name,
          ...(columns.length === 1 ? { column: columns[0] } : {}),
          object: `${constraint.type}:${constraintObject(constraint)}`,
          message:
            constraint.type === 'unique' && declaredIndex
              ? declaredNotUnique(table, constraint.unique, declaredIndex)
              : `${tableRef(table)} has ${describeConstraint(constraint)} that ${declaredBy(table)} ${declares(table, false)}: ${consequence(constraint)}`,
          expected: null,
          actual: constraintShape(constraint),
          sources: table.sources,
        });
      },
    };
  },
});

/**
 * A unique index of the database that the models declare as a plain index (same columns in order, same predicate):
 * "it" when the names agree, else the declared index by name. The database is stricter, never looser.
 */
function declaredNotUnique(table: TableModel, unique: UniqueModel, index: IndexModel): string {
  const declared = index.name === unique.name ? 'it' : `the index${index.name ? ` ${objectName(index.name)}` : ''} on ${columnList(index.columns)}`;
  const allowedBy = declares(table) === 'declares' ? 'the models allow' : `${declaredBy(table)} allows`;
  const rows = unique.where !== undefined ? `among the rows WHERE ${heldPredicate(unique)} ` : '';
  return `${tableRef(table)} has ${describeConstraint({ type: 'unique', unique })}, but ${declaredBy(table)} ${declares(table)} ${declared} not unique: the database rejects duplicate keys ${allowedBy}, so a write that repeats a key ${rows}fails`;
}

function constraintColumns(constraint: ExtraConstraint): readonly string[] {
  if (constraint.type === 'unique') return constraint.unique.columns;
  if (constraint.type === 'foreign-key') return constraint.foreignKey.columns;
  return [];
}

function constraintObject(constraint: ExtraConstraint): string {
  if (constraint.type === 'unique') return constraint.unique.columns.join(',');
  if (constraint.type === 'foreign-key') return `${constraint.foreignKey.columns.join(',')}>${displayName(constraint.foreignKey.references)}`;
  if (constraint.type === 'exclusion') return constraint.exclusion.expression;
  return constraint.check.expression;
}

function describeConstraint(constraint: ExtraConstraint): string {
  const named = (name: string | undefined) => (name ? ` ${objectName(name)}` : '');
  switch (constraint.type) {
    case 'unique': {
      const { unique } = constraint;
      return `a unique${named(unique.name)} on ${columnList(unique.columns)}${unique.nullsNotDistinct ? ' NULLS NOT DISTINCT' : ''}${unique.where ? ` WHERE ${heldPredicate(unique)}` : ''}`;
    }
    case 'foreign-key': {
      const { foreignKey } = constraint;
      return `a foreign key${named(foreignKey.name)} ${columnList(foreignKey.columns)} referencing ${tableRef(foreignKey.references)}${columnList(foreignKey.references.columns)}`;
    }
    case 'check':
      return `a check${named(constraint.check.name)} (${constraint.check.expression})`;
    case 'exclusion':
      return `an exclusion${named(constraint.exclusion.name)} EXCLUDE ${constraint.exclusion.expression}`;
  }
}

/** `teams(id)`, `audit.users(id, org_id)`: as `missing-foreign-key` names a target. */
function referenceText(foreignKey: ForeignKeyModel): string {
  return `${displayName(foreignKey.references)}(${foreignKey.references.columns.join(', ')})`;
}

function consequence(constraint: ExtraConstraint): string {
  switch (constraint.type) {
    case 'unique':
      return 'a write that repeats a value the models allow to repeat fails';
    case 'foreign-key':
      return 'writes of a value the referenced table lacks, and deletes of rows it references, fail';
    case 'check':
      return 'writes of rows that break it fail';
    case 'exclusion':
      return 'writes of a row that conflicts with another under it fail';
  }
}

function constraintShape(constraint: ExtraConstraint): { readonly type: ExtraConstraint['type']; readonly [property: string]: unknown } {
  switch (constraint.type) {
    case 'unique': {
      const { unique } = constraint;
      return {
        type: 'unique',
        columns: unique.columns,
        ...(unique.nullsNotDistinct ? { nullsNotDistinct: true } : {}),
        ...(unique.where !== undefined ? { where: heldPredicate(unique)! } : {}),
        ...(unique.name ? { name: unique.name } : {}),
      };
    }
    case 'foreign-key': {
      const { foreignKey } = constraint;
      return {
        type: 'foreign-key',
        columns: foreignKey.columns,
        references: referenceText(foreignKey),
        onDelete: foreignKey.onDelete,
        onUpdate: foreignKey.onUpdate,
        ...(foreignKey.name ? { name: foreignKey.name } : {}),
      };
    }
    case 'check':
      return { type: 'check', expression: constraint.check.expression, ...(constraint.check.name ? { name: constraint.check.name } : {}) };
    case 'exclusion':
      return { type: 'exclusion', expression: constraint.exclusion.expression, ...(constraint.exclusion.name ? { name: constraint.exclusion.name } : {}) };
  }
}

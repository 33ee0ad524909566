import { defineRule, docsPath } from './rule.ts';
import { samePredicate } from '../predicate/predicate-text.ts';
import { columnList, declaredBy, declares, heldPredicate, objectName, tableRef } from './describe.ts';
import { expressionList } from './index-key-list.ts';
import type { IndexModel, TableModel } from '../model/schema-model.ts';

export const missingUnique = defineRule({
  meta: {
    code: 'missing-unique',
    description: 'A unique constraint or primary key declared in the models is absent from the database.',
    docs: docsPath('missing-unique'),
    // notUnique: the declared unique index exists without UNIQUE; duplicates can be stored and ON CONFLICT on it fails
    // covered: a declared partial unique is missing, but a full unique the models declare too holds its guarantee
    // expressionMissing / expressionReplaced: a unique expression index the models declare is gone, or its name holds
    // an index on other expressions: duplicates of the declared expressions can be stored
    // replaced: the declared unique's name holds a unique or an index on other keys; the declared columns are not unique
    // on their own, and creating the declared unique fails on the name until that one is dropped
    // invalid: the declared unique index exists INVALID (a CREATE UNIQUE INDEX CONCURRENTLY that failed, often on duplicates)
    messages: {
      missing: 'error',
      missingPrimaryKey: 'error',
      notUnique: 'error',
      invalid: 'error',
      replaced: 'error',
      covered: 'warning',
      expressionMissing: 'error',
      expressionReplaced: 'error',
    },
    nextStep:
      'find the duplicate rows, then add the unique constraints (CREATE UNIQUE INDEX CONCURRENTLY) in a migration, first dropping an index or constraint that holds the declared name on other keys',
  },
  create(context) {
    /** A declared unique expression index, missing or of its name on other expressions (`actual`). */
    const uniqueExpressionIndex = (table: TableModel, index: IndexModel, actual: IndexModel | null) => {
      const name = index.name ? ` ${objectName(index.name)}` : '';
      const on = `(${expressionList(index)})`;
      const held = actual
        ? `the index${actual.name ? ` ${objectName(actual.name)}` : ''} on (${expressionList(actual)})${actual.unique ? '' : ' not unique'}`
        : undefined;
      context.report({
        messageId: actual ? 'expressionReplaced' : 'expressionMissing',
        schema: table.schema,
        table: table.name,
        object: index.name ?? expressionList(index),
        message: `${tableRef(table)} has no unique index${name} on ${on} that ${declaredBy(table)} ${declares(table)}${held ? ` (it has ${held})` : ''}: duplicates of ${on} can be stored, and INSERT ... ON CONFLICT ${on} fails (no unique or exclusion constraint matching)`,
        expected: { unique: true as const, expressions: index.expressions ?? index.columns, ...(index.name ? { name: index.name } : {}) },
        actual: actual
          ? { expressions: actual.expressions ?? actual.columns, unique: actual.unique === true, ...(actual.name ? { name: actual.name } : {}) }
          : null,
        sources: table.sources,
      });
    };
    return {
      'missing-index'({ table, expected, invalid }) {
        // an INVALID one of its name is missing-index's to say
        if (isUniqueExpressionIndex(expected) && !invalid) uniqueExpressionIndex(table, expected, null);
      },
      'modify-index'({ table, expected, actual, changed }) {
        if (isUniqueExpressionIndex(expected) && changed.includes('expressions')) uniqueExpressionIndex(table, expected, actual);
      },
      'missing-unique'({ table, expected: unique, primaryKey, notUnique, invalid, coveredBy, sameName, partial, replacedBy }) {
        const columns = columnList(unique.columns);
        // a partial unique names its predicate: a unique over other rows is not the declared one
        const where = unique.where !== undefined ? ` WHERE ${unique.where}` : '';
        // a constraint no model wrote, implied by an association: name the association, so the user can judge it
        // on a junction table no model declares, declaredBy() already names the associations
        const tableImplied = table.impliedBy !== undefined && table.impliedBy.length > 0;
        const implied =
          !tableImplied && unique.impliedBy && unique.impliedBy.length > 0
            ? `${unique.impliedBy.join(' and ')} ${unique.impliedBy.length > 1 ? 'imply' : 'implies'}`
            : undefined;
        const declared = {
          columns: unique.columns,
          ...(unique.name ? { name: unique.name } : {}),
          ...(unique.nullsNotDistinct ? { nullsNotDistinct: true as const } : {}),
          ...(unique.where !== undefined ? { where: unique.where } : {}),
        };
        if (notUnique && !primaryKey) {
          const held = notUnique.where !== undefined ? ` WHERE ${heldPredicate(notUnique)}` : '';
          // the declared index itself when its predicate reads alike; else the unique index declared, named in full
          const itself = samePredicate(notUnique.where, unique.where) && (unique.name === undefined || unique.name === notUnique.name);
          const declared = itself ? 'it unique' : `a unique index${unique.name ? ` ${objectName(unique.name)}` : ''} on ${columns}${where}`;
          context.report({
            messageId: 'notUnique',
            schema: table.schema,
            table: table.name,
            ...(unique.columns.length === 1 ? { column: unique.columns[0] } : {}),
            object: unique.columns.join(','),
            message: `${tableRef(table)} has the index${notUnique.name ? ` ${objectName(notUnique.name)}` : ''} on ${columnList(notUnique.columns)}${held} without UNIQUE, but ${declaredBy(table)} ${declares(table)} ${declared}: duplicates can be stored, and INSERT ... ON CONFLICT ${columns}${where} fails (no unique or exclusion constraint matching)`,
            expected: {
              columns: unique.columns,
              unique: true as const,
              ...(unique.name ? { name: unique.name } : {}),
              ...(unique.where !== undefined ? { where: unique.where } : {}),
            },
            actual: {
              columns: notUnique.columns,
              unique: false as const,
              ...(notUnique.name ? { name: notUnique.name } : {}),
              ...(notUnique.where !== undefined ? { where: heldPredicate(notUnique)! } : {}),
            },
            sources: table.sources,
          });
          return;
        }
        if (invalid && !primaryKey) {
          const held = invalid.where !== undefined ? ` WHERE ${heldPredicate(invalid)}` : '';
          context.report({
            messageId: 'invalid',
            schema: table.schema,
            table: table.name,
            ...(unique.columns.length === 1 ? { column: unique.columns[0] } : {}),
            object: unique.columns.join(','),
            message: `${tableRef(table)} has no valid unique constraint or unique index${unique.name ? ` ${objectName(unique.name)}` : ''} on ${columns}${where} ${implied ? `that ${implied} (${declaredBy(table)})` : `that ${declaredBy(table)} ${declares(table)}`}: its unique index${invalid.name ? ` ${objectName(invalid.name)}` : ''} on ${columnList(invalid.columns)}${held} is INVALID (a CREATE UNIQUE INDEX CONCURRENTLY that failed, on duplicate rows for one): duplicates can be stored, and INSERT ... ON CONFLICT ${columns}${where} fails; remove the duplicates, then drop it and build it again (DROP INDEX CONCURRENTLY, then CREATE UNIQUE INDEX CONCURRENTLY)`,
            expected: declared,
            actual: {
              columns: invalid.columns,
              invalid: true as const,
              ...(invalid.name ? { name: invalid.name } : {}),
              ...(invalid.where !== undefined ? { where: heldPredicate(invalid)! } : {}),
            },
            sources: table.sources,
          });
          return;
        }
        if (replacedBy && !primaryKey) {
          const held = `${replacedBy.unique ? (replacedBy.constraint ? 'unique constraint' : 'unique index') : 'index'} ${objectName(replacedBy.name!)} on (${expressionList(replacedBy)})${replacedBy.where !== undefined ? ` WHERE ${heldPredicate(replacedBy)}` : ''}${replacedBy.unique ? '' : ' without UNIQUE'}`;
          context.report({
            messageId: 'replaced',
            schema: table.schema,
            table: table.name,
            ...(unique.columns.length === 1 ? { column: unique.columns[0] } : {}),
            object: unique.columns.join(','),
            message: `${tableRef(table)} has no unique constraint or unique index on ${columns}${where} ${implied ? `that ${implied} (${declaredBy(table)})` : `that ${declaredBy(table)} ${declares(table)}`}: its ${held} holds the declared name ${objectName(unique.name!)} on other keys, so ${replacedConsequence(unique.columns, replacedBy)}, and INSERT ... ON CONFLICT ${columns}${where} fails (no unique or exclusion constraint matching)`,
            expected: declared,
            actual: {
              ...(replacedBy.expressions ? { expressions: replacedBy.expressions } : { columns: replacedBy.columns }),
              unique: replacedBy.unique === true,
              name: replacedBy.name!,
              ...(replacedBy.constraint ? { constraint: true as const } : {}),
              ...(replacedBy.where !== undefined ? { where: heldPredicate(replacedBy)! } : {}),
            },
            sources: table.sources,
          });
          return;
        }
        if (coveredBy && !primaryKey) {
          const by = coveredBy.primaryKey ? 'primary key' : `unique${coveredBy.name ? ` ${objectName(coveredBy.name)}` : ''}`;
          context.report({
            messageId: 'covered',
            schema: table.schema,
            table: table.name,
            ...(unique.columns.length === 1 ? { column: unique.columns[0] } : {}),
            object: unique.columns.join(','),
            // the declared name held by a unique over other rows: name it, and why it loses nothing the models rely on
            message: sameName
              ? `${tableRef(table)} has the unique ${objectName(sameName.name!)} on ${columnList(sameName.columns)} ${sameName.where === undefined ? 'over every row' : `WHERE ${heldPredicate(sameName)}`}, but ${declaredBy(table)} ${declares(table)} it only${where}: it ${sameName.where === undefined ? 'rejects duplicates outside the predicate too, as' : 'guards other rows, but'} its ${by} on ${columnList(coveredBy.columns)} over every row, which the models declare too, ${sameName.where === undefined ? 'does already' : 'rejects every duplicate the partial one would'}, and is the arbiter of INSERT ... ON CONFLICT ${columns}${where}`
              : `${tableRef(table)} has no unique index${unique.name ? ` ${objectName(unique.name)}` : ''} on ${columns}${where} that ${declaredBy(table)} ${declares(table)}, but it is covered by its ${by} on ${columnList(coveredBy.columns)} over every row, which the models declare too: it rejects every duplicate the partial one would and is the arbiter of INSERT ... ON CONFLICT ${columns}${where}`,
            expected: declared,
            actual: {
              ...(sameName
                ? { name: sameName.name!, columns: sameName.columns, ...(sameName.where !== undefined ? { where: heldPredicate(sameName)! } : {}) }
                : {}),
              coveredBy: {
                columns: coveredBy.columns,
                ...(coveredBy.primaryKey ? { primaryKey: true } : {}),
                ...(coveredBy.name ? { name: coveredBy.name } : {}),
              },
            },
            sources: table.sources,
          });
          return;
        }
        context.report({
          messageId: primaryKey ? 'missingPrimaryKey' : 'missing',
          schema: table.schema,
          table: table.name,
          ...(unique.columns.length === 1 ? { column: unique.columns[0] } : {}),
          object: unique.columns.join(','),
          message: primaryKey
            ? `${tableRef(table)} has no primary key, unique constraint or unique index on ${columns}, the primary key of ${declaredBy(table)}${implied ? ` that ${implied}` : ''}: duplicates can be stored`
            : `${tableRef(table)} has no unique constraint or unique index${unique.name ? ` ${objectName(unique.name)}` : ''} on ${columns}${where} ${implied ? `that ${implied} (${declaredBy(table)})` : `that ${declaredBy(table)} ${declares(table)}`}: ${
                partial && !primaryKey
                  ? `its unique index${partial.name ? ` ${objectName(partial.name)}` : ''} on ${columns} is partial (WHERE ${heldPredicate(partial)}), so duplicates outside the predicate can be stored, and INSERT ... ON CONFLICT ${columns} without that WHERE fails`
                  : 'duplicates can be stored'
              }`,
          expected: {
            columns: unique.columns,
            ...(primaryKey ? { primaryKey: true } : {}),
            ...(unique.name ? { name: unique.name } : {}),
            ...(unique.nullsNotDistinct ? { nullsNotDistinct: true } : {}),
            ...(unique.where !== undefined ? { where: unique.where } : {}),
          },
          actual: null,
          sources: table.sources,
        });
      },
    };
  },
});

/**
 * What a user sees when the declared unique's name holds another one: a unique on more columns, or an index without
 * UNIQUE, lets the declared columns repeat; a unique on fewer (or other) columns rejects rows the models allow; a
 * unique on expressions enforces what its expressions say, which ormdrift does not judge.
 */
function replacedConsequence(declared: readonly string[], held: IndexModel): string {
  const on = columnList(declared);
  if (held.unique !== true) return `duplicates of ${on} can be stored`;
  if (held.columns.length === 0) return `the database enforces uniqueness of (${expressionList(held)}), not of ${on}`;
  const full = held.where === undefined;
  const within = held.columns.every((column) => declared.includes(column));
  const holdsAll = declared.every((column) => held.columns.includes(column));
  const rejects = `a write that repeats ${columnList(held.columns)} fails, though the models allow it`;
  if (within && full) return `${on} cannot repeat, but ${rejects}`;
  if (holdsAll) return `duplicates of ${on} can be stored (only ${columnList(held.columns)} together is unique)`;
  return `duplicates of ${on} can be stored, and ${rejects}`;
}

/**
 * A unique index the models declare on expressions (or on columns and expressions): it is no unique of the table, so
 * the diff reports it as an index; its absence loses a guarantee, not only a plan.
 */
export function isUniqueExpressionIndex(index: IndexModel): boolean {
  return index.unique === true && index.columns.length === 0;
}

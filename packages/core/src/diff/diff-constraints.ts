import type { ForeignKeyModel, IndexModel, TableModel, UniqueModel } from '../model/schema-model.ts';
import { samePredicate } from '../predicate/predicate-text.ts';
import { sameExclusion } from '../predicate/exclusion-text.ts';
import type { SchemaChange } from './schema-change.ts';

/**
 * The CHECK constraints of one declared table, and the constraints its database table has that no
 * model declares. A declared check is present when a check of the table has an expression that
 * reads alike (after `predicateText`; the server's deparse settles other spellings first, see
 * `settleChecks`), whatever its name: a name is the ORM's, the rule is the expression. A check of
 * the declared name with another expression is a `modify-check`; neither is a `missing-check`. The declared
 * check present but NOT VALID is a `modify-check` of `validated`.
 *
 * An undeclared constraint is an `extra-constraint` only when it can make a write the models allow
 * fail: a unique on columns that no declared unique or primary key covers already (a unique on a
 * superset of a declared key's columns never rejects a row the declared one accepts), a foreign key
 * to a target or on columns no model declares, a check or exclusion no declared one matches.
 * Declared EXCLUDE constraints are matched as checks are: by definition (`sameExclusion`), then by name.
 * `replaced`: the names of database uniques that a missing declared unique of that name reports as built otherwise.
 */
export function constraintChanges(expected: TableModel, actual: TableModel, replaced: ReadonlySet<string> = new Set()): SchemaChange[] {
  const changes: SchemaChange[] = [];
  const declaredChecks = expected.checks ?? [];
  const actualChecks = actual.checks ?? [];
  const matched = new Set<object>();
  for (const check of declaredChecks) {
    const same = actualChecks.find((candidate) => samePredicate(candidate.expression, check.expression));
    if (same) {
      matched.add(same);
      // the declared rule, but added NOT VALID: rows already there may break it
      if (same.notValidated) changes.push({ kind: 'modify-check', table: expected, expected: check, actual: same, changed: ['validated'] });
      continue;
    }
    const named = check.name === undefined ? undefined : actualChecks.find((candidate) => candidate.name === check.name);
    if (named) {
      matched.add(named);
      changes.push({ kind: 'modify-check', table: expected, expected: check, actual: named, changed: ['expression'] });
    } else changes.push({ kind: 'missing-check', table: expected, expected: check, actual: null });
  }

  // exclusions as checks: present when a definition reads alike, whatever its name; else its name decides
  const actualExclusions = actual.exclusions ?? [];
  for (const exclusion of expected.exclusions ?? []) {
    const same = actualExclusions.find((candidate) => sameExclusion(candidate.expression, exclusion.expression));
    if (same) {
      matched.add(same);
      // the same definition deferred otherwise: an INSERT ... ON CONFLICT on it, or code that defers it, fails
      if (same.deferrable !== exclusion.deferrable) changes.push({ kind: 'modify-exclusion', table: expected, expected: exclusion, actual: same });
      continue;
    }
    const named = exclusion.name === undefined ? undefined : actualExclusions.find((candidate) => candidate.name === exclusion.name);
    if (named) {
      matched.add(named);
      changes.push({ kind: 'modify-exclusion', table: expected, expected: exclusion, actual: named });
    } else changes.push({ kind: 'missing-exclusion', table: expected, expected: exclusion, actual: null });
  }

  for (const unique of actual.uniques) {
    // a missing declared unique's name on other columns: that unique rebuilt otherwise, which its finding names
    if (coveredUnique(expected, unique) || (unique.name !== undefined && replaced.has(unique.name))) continue;
    const declaredIndex = plainIndexOf(expected, unique);
    changes.push({
      kind: 'extra-constraint',
      table: expected,
      expected: null,
      actual: { type: 'unique', unique, ...(declaredIndex ? { declaredIndex } : {}) },
    });
  }
  for (const foreignKey of actual.foreignKeys) {
    if (!expected.foreignKeys.some((declared) => sameForeignKey(declared, foreignKey)))
      changes.push({ kind: 'extra-constraint', table: expected, expected: null, actual: { type: 'foreign-key', foreignKey } });
  }
  for (const check of actualChecks) {
    if (!matched.has(check)) changes.push({ kind: 'extra-constraint', table: expected, expected: null, actual: { type: 'check', check } });
  }
  for (const exclusion of actualExclusions) {
    if (!matched.has(exclusion)) changes.push({ kind: 'extra-constraint', table: expected, expected: null, actual: { type: 'exclusion', exclusion } });
  }
  return changes;
}

/**
 * Whether the models already expect a database unique: a declared unique on the same columns (any
 * difference in NULL handling or predicate is `modify-unique`'s business), or a declared primary key
 * or full unique whose columns are all among its columns (it then rejects nothing the declared one
 * accepts). A declared index, unique in the database only, does not: the models declare it without
 * UNIQUE, so the database rejects keys they allow.
 */
function coveredUnique(expected: TableModel, unique: UniqueModel): boolean {
  if (expected.uniques.some((declared) => sameColumnSet(declared.columns, unique.columns))) return true;
  const within = (columns: readonly string[]) => columns.length > 0 && columns.every((column) => unique.columns.includes(column));
  if (expected.primaryKey && within(expected.primaryKey.columns)) return true;
  return expected.uniques.some(
    (declared) => within(declared.columns) && !declared.nullsNotDistinct && (declared.where === undefined || samePredicate(declared.where, unique.where)),
  );
}

/**
 * The declared index that a database unique index is, but without UNIQUE: on the same columns in the same order,
 * with the same predicate (both full, or partial alike); of the unique's name first. Its message then says that the
 * models declare the index not unique, not that no model declares it.
 */
function plainIndexOf(expected: TableModel, unique: UniqueModel): IndexModel | undefined {
  const same = expected.indexes.filter(
    (declared) =>
      declared.columns.length > 0 &&
      declared.columns.length === unique.columns.length &&
      declared.columns.every((column, i) => unique.columns[i] === column) &&
      (declared.where === undefined ? unique.where === undefined : samePredicate(declared.where, unique.where)),
  );
  return same.find((declared) => declared.name === unique.name) ?? same[0];
}

/** The same columns, in any order. */
export function sameColumnSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((column) => b.includes(column));
}

/** The same target and the same column pairs, in any order: actions differing is `modify-foreign-key`'s business. */
export function sameForeignKey(expected: ForeignKeyModel, actual: ForeignKeyModel): boolean {
  const pairs = (fk: ForeignKeyModel) =>
    fk.columns
      .map((column, i) => `${column}>${fk.references.columns[i]}`)
      .sort()
      .join(',');
  return expected.references.schema === actual.references.schema && expected.references.name === actual.references.name && pairs(expected) === pairs(actual);
}

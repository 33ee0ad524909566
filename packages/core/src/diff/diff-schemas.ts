import type { MergedSchema } from '../merge/merge-registries.ts';
import { sameOperatorClass } from '../opclass/settle-operator-classes.ts';
import type {
  ColumnModel,
  ForeignKeyModel,
  IndexKeyOptions,
  IndexModel,
  PrimaryKeyModel,
  QualifiedName,
  SchemaModel,
  TableModel,
  UniqueModel,
} from '../model/schema-model.ts';
import { SchemaIndex } from '../model/schema-index.ts';
import { qualifiedKey } from '../model/qualified-name.ts';
import { sameColumnType } from '../normalize/column-type.ts';
import { valueSource } from '../normalize/value-source.ts';
import { constraintChanges, sameColumnSet, sameForeignKey } from './diff-constraints.ts';
import { foreignKeyTypeChanges } from './foreign-key-types.ts';
import { generatedChange } from './diff-generated.ts';
import { identityChanges, sequenceChanges } from './diff-sequences.ts';
import type { ColumnAspect, EnumUser, ForeignKeyReference, IndexAspect, SchemaChange } from './schema-change.ts';
import { samePredicate } from '../predicate/predicate-text.ts';
import { identifierAsPrinted } from '../sql/quote.ts';

export interface DiffOptions {
  /**
   * The database beyond the scope, read only for the types of columns that foreign keys reference:
   * a foreign key may point into a schema that is not checked. Defaults to `actual`.
   */
  readonly referenced?: SchemaModel;
}

/**
 * Compares the expected schema (merged from the models) with the actual one (read from a database)
 * and returns every difference as a `SchemaChange`; registry conflicts become changes too. Both sides
 * must already be scoped (`scope/`): every undeclared table of `actual` is an extra table.
 */
export function diffSchemas(expected: MergedSchema, actual: SchemaModel, options: DiffOptions = {}): SchemaChange[] {
  const changes: SchemaChange[] = expected.conflicts.map((conflict) => ({ kind: 'registry-conflict', conflict }));
  const actualIndex = new SchemaIndex(actual);
  const expectedIndex = new SchemaIndex(expected.schema);
  const referencedIndex = options.referenced ? new SchemaIndex(options.referenced) : actualIndex;

  for (const declared of expected.schema.enums) {
    const found = actualIndex.enum(declared);
    const usedBy = firstEnumUser(expected.schema, declared);
    const user = usedBy ? { usedBy } : {};
    if (!found) changes.push({ kind: 'missing-enum', expected: declared, actual: null, ...user });
    else {
      const missingValues = declared.values.filter((value) => !found.values.includes(value));
      if (missingValues.length > 0) changes.push({ kind: 'modify-enum', expected: declared, actual: found, missingValues, ...user });
    }
  }

  // a sequence the registries declare with other options is compared for presence only: no declaration is the right one yet
  const contested = new Set(expected.conflicts.filter((conflict) => conflict.object === 'sequence').map(qualifiedKey));
  changes.push(...sequenceChanges(expected.schema, actual, contested));

  const typeChanges = foreignKeyTypeChanges(expectedIndex, actualIndex, referencedIndex);
  // a foreign-key column's model-versus-database type difference is a column change that carries its key's context
  const references = foreignKeyContext(expected.schema, expectedIndex, referencedIndex);
  const retyped = new Set<string>();
  for (const table of expected.schema.tables) {
    const found = actualIndex.table(table);
    if (!found || !isTableLike(found)) {
      changes.push({ kind: 'missing-table', table, expected: table, actual: null });
      continue;
    }
    diffTable(table, found, changes, references, retyped);
  }
  // a database-side conflict on a column whose model type differs too is that column's change, reported once
  changes.push(
    ...typeChanges.filter((change) => !(change.where === 'database' && retyped.has(`${change.table.schema}.${change.table.name}.${change.column}`))),
  );

  for (const table of actual.tables) {
    if (!isTableLike(table) || table.kind === 'partition') continue;
    if (!expectedIndex.table(table)) changes.push({ kind: 'extra-table', table, expected: null, actual: table });
  }
  return changes;
}

/** The first declared column of an enum type, so that an enum finding points at a table a user knows. */
function firstEnumUser(expected: SchemaModel, type: QualifiedName): EnumUser | undefined {
  for (const table of expected.tables) {
    const column = table.columns.find((candidate) => candidate.type.enum?.schema === type.schema && candidate.type.enum.name === type.name);
    if (column) return { table, column: column.name };
  }
  return undefined;
}

/** Views are not tables: a model's table must be a real one, and a view is never an orphan. */
function isTableLike(table: TableModel): boolean {
  return table.kind === 'table' || table.kind === 'partitioned-table' || table.kind === 'partition';
}

/** For each declared foreign-key column (`schema.table.column`), the column it references and that column's type. */
function foreignKeyContext(expected: SchemaModel, declared: SchemaIndex, referenced: SchemaIndex): Map<string, ForeignKeyReference> {
  const context = new Map<string, ForeignKeyReference>();
  for (const table of expected.tables) {
    for (const fk of table.foreignKeys) {
      fk.columns.forEach((column, i) => {
        const target = fk.references.columns[i];
        if (target === undefined) return;
        const type = (declared.table(fk.references) ? declared : referenced).column(fk.references, target)?.type;
        const key = `${table.schema}.${table.name}.${column}`;
        if (type && !context.has(key)) context.set(key, { schema: fk.references.schema, name: fk.references.name, column: target, type });
      });
    }
  }
  return context;
}

function diffTable(
  expected: TableModel,
  held: TableModel,
  changes: SchemaChange[],
  references: ReadonlyMap<string, ForeignKeyReference>,
  retyped: Set<string>,
): void {
  // an INVALID index serves no query and guarantees nothing: compared as absent, and named where the declared one is missing
  const actual = withoutInvalidIndexes(held);
  const actualColumns = new Map(actual.columns.map((column) => [column.name, column]));
  for (const column of expected.columns) {
    const found = actualColumns.get(column.name);
    if (!found) {
      changes.push({ kind: 'missing-column', table: expected, expected: column, actual: null });
      continue;
    }
    // equal columns, the common case, allocate nothing here: no difference list, no key string
    const changed = columnDifferences(column, found);
    if (changed !== noDifferences) {
      let reference: ForeignKeyReference | undefined;
      if (changed.includes('type')) {
        const key = `${expected.schema}.${expected.name}.${column.name}`;
        retyped.add(key);
        reference = references.get(key);
      }
      changes.push({ kind: 'modify-column', table: expected, expected: column, actual: found, changed, ...(reference ? { references: reference } : {}) });
    }
    const generated = generatedChange(expected, column, found);
    if (generated) changes.push(generated);
    for (const change of identityChanges(expected, column, found)) changes.push(change);
  }
  const declared = new Set(expected.columns.map((column) => column.name));
  for (const column of actual.columns) {
    if (!declared.has(column.name)) changes.push({ kind: 'extra-column', table: expected, expected: null, actual: column });
  }

  // one finding per missing guarantee: a declared unique and an implied one (or the primary key) on the same
  // columns are one, whose finding names every association that implies it
  const missingGuarantees: { unique: UniqueModel; change: Extract<SchemaChange, { kind: 'missing-unique' }> }[] = [];
  const pushMissing = (change: Extract<SchemaChange, { kind: 'missing-unique' }>) => {
    const same = missingGuarantees.find(({ unique }) => sameGuarantee(unique, change.expected));
    if (!same) {
      missingGuarantees.push({ unique: change.expected, change });
      changes.push(change);
      return;
    }
    const impliedBy = [...new Set([...(same.change.expected.impliedBy ?? []), ...(change.expected.impliedBy ?? [])])];
    const merged = { ...same.change, expected: { ...same.change.expected, ...(impliedBy.length > 0 ? { impliedBy } : {}) } };
    changes[changes.indexOf(same.change)] = merged;
    same.change = merged;
  };
  if (expected.primaryKey && !hasUnique(actual, { columns: expected.primaryKey.columns, nullsNotDistinct: false })) {
    const { impliedBy } = expected.primaryKey;
    const unique: UniqueModel = { columns: expected.primaryKey.columns, nullsNotDistinct: false, ...(impliedBy ? { impliedBy } : {}) };
    pushMissing({ kind: 'missing-unique', table: expected, expected: unique, actual: null, primaryKey: true });
  }
  // a DEFERRABLE primary key cannot be the arbiter of INSERT ... ON CONFLICT, which every ORM's upsert relies on
  const key = actual.primaryKey;
  if (expected.primaryKey && key && sameColumnSet(key.columns, expected.primaryKey.columns) && key.deferrable !== expected.primaryKey.deferrable) {
    const asUnique = (primary: PrimaryKeyModel): UniqueModel => ({
      ...(primary.name ? { name: primary.name } : {}),
      columns: primary.columns,
      nullsNotDistinct: false,
      ...(primary.deferrable ? { deferrable: primary.deferrable } : {}),
    });
    changes.push({
      kind: 'modify-unique',
      table: expected,
      expected: asUnique(expected.primaryKey),
      actual: asUnique(key),
      changed: ['deferrable'],
      primaryKey: true,
    });
  }
  for (const unique of expected.uniques) {
    if (hasUnique(actual, unique)) continue;
    // the database's uniques on the same columns that another declared unique does not claim, of the declared name first
    const sameColumns = actual.uniques
      .filter((candidate) => sameColumnSet(candidate.columns, unique.columns) && !claimedUnique(expected.uniques, unique, candidate))
      .sort((a, b) => Number(b.name !== undefined && b.name === unique.name) - Number(a.name !== undefined && a.name === unique.name));
    // present but treating NULLs otherwise: UNIQUE NULLS NOT DISTINCT rejects a second NULL a plain unique allows
    const otherNulls = sameColumns.find((candidate) => samePredicate(candidate.where, unique.where));
    // a partial unique declared: the database's is full (stricter) or guards other rows; a full one declared: the
    // database's of its name is partial (another partial unique is no unique on these columns: missing-unique)
    const otherWhere =
      unique.where !== undefined
        ? (sameColumns.find((candidate) => candidate.where === undefined) ?? sameColumns[0])
        : sameColumns.find((candidate) => unique.name !== undefined && candidate.name === unique.name);
    const fullKey =
      unique.where !== undefined &&
      actual.primaryKey &&
      sameColumnSet(actual.primaryKey.columns, unique.columns) &&
      !(expected.primaryKey && sameColumnSet(expected.primaryKey.columns, unique.columns))
        ? { ...(actual.primaryKey.name ? { name: actual.primaryKey.name } : {}), columns: actual.primaryKey.columns, nullsNotDistinct: false }
        : undefined;
    // present as declared but deferred otherwise: only a UNIQUE constraint can be DEFERRABLE
    const otherDeferral = sameColumns.find(
      (candidate) => candidate.nullsNotDistinct === unique.nullsNotDistinct && samePredicate(candidate.where, unique.where),
    );
    if (otherDeferral) changes.push({ kind: 'modify-unique', table: expected, expected: unique, actual: otherDeferral, changed: ['deferrable'] });
    else if (otherNulls) changes.push({ kind: 'modify-unique', table: expected, expected: unique, actual: otherNulls, changed: ['nullsNotDistinct'] });
    else if (otherWhere ?? fullKey)
      changes.push({ kind: 'modify-unique', table: expected, expected: unique, actual: (otherWhere ?? fullKey)!, changed: ['where'] });
    else {
      const notUnique = nonUniqueIndexOf(actual, unique);
      const coveredBy = notUnique ? undefined : coveringUnique(expected, actual, unique);
      const sameName = coveredBy
        ? actual.uniques.find(
            (candidate) =>
              unique.name !== undefined &&
              candidate.name === unique.name &&
              sameColumnSet(candidate.columns, unique.columns) &&
              !samePredicate(candidate.where, unique.where),
          )
        : undefined;
      // a declared full unique whose columns have only a partial unique (under another name, or the declared one unnamed)
      const partial = unique.where === undefined && !notUnique ? sameColumns.find((candidate) => candidate.where !== undefined) : undefined;
      const invalid = notUnique ? undefined : invalidUniqueOf(held, unique);
      const replacedBy = notUnique || coveredBy || partial || invalid ? undefined : namedOtherwise(expected, actual, unique);
      pushMissing({
        kind: 'missing-unique',
        table: expected,
        expected: unique,
        actual: null,
        primaryKey: false,
        ...(notUnique ? { notUnique } : {}),
        ...(coveredBy ? { coveredBy } : {}),
        ...(sameName ? { sameName } : {}),
        ...(partial ? { partial } : {}),
        ...(invalid ? { invalid } : {}),
        ...(replacedBy ? { replacedBy } : {}),
      });
    }
  }
  const tables: IndexTables = { expected, actual };
  for (const index of expected.indexes) {
    const candidates = indexCandidates(actual, index, expected.indexes, tables);
    if (candidates.some((candidate) => indexDifferences(index, candidate, tables).length === 0)) continue;
    // another declared index's own (of its name, or built as it declares) is not this one built otherwise
    const free = candidates.filter((candidate) => !claimedByOther(expected.indexes, index, candidate, tables));
    const other =
      candidates.find((candidate) => index.name !== undefined && candidate.name === index.name) ??
      free.find((candidate) => (candidate.method ?? 'btree') === (index.method ?? 'btree')) ??
      free[0];
    if (other) {
      changes.push({ kind: 'modify-index', table: expected, expected: index, actual: other, changed: indexDifferences(index, other, tables) });
      continue;
    }
    const servedBy =
      index.columns.length > 0 && (index.method ?? 'btree') === 'btree' && index.where === undefined ? leadingIndex(actual, index.columns) : undefined;
    const invalid = invalidIndexOf(held, index);
    changes.push({ kind: 'missing-index', table: expected, expected: index, actual: null, ...(servedBy ? { servedBy } : {}), ...(invalid ? { invalid } : {}) });
  }
  for (const foreignKey of expected.foreignKeys) {
    const found = actual.foreignKeys.filter((candidate) => sameForeignKey(foreignKey, candidate));
    if (found.length === 0) changes.push({ kind: 'missing-foreign-key', table: expected, expected: foreignKey, actual: null });
    else if (!found.some((candidate) => actionDifferences(foreignKey, candidate).length === 0)) {
      const other = found[0]!;
      changes.push({ kind: 'modify-foreign-key', table: expected, expected: foreignKey, actual: other, changed: actionDifferences(foreignKey, other) });
    }
  }
  const replaced = new Set(missingGuarantees.flatMap(({ change }) => (change.replacedBy?.name !== undefined ? [change.replacedBy.name] : [])));
  changes.push(...constraintChanges(expected, actual, replaced));
}

/** The table without its INVALID indexes and unique indexes; the table itself when it has none (the common case). */
function withoutInvalidIndexes(table: TableModel): TableModel {
  if (!table.indexes.some((index) => index.invalid) && !table.uniques.some((unique) => unique.invalid)) return table;
  return { ...table, indexes: table.indexes.filter((index) => !index.invalid), uniques: table.uniques.filter((unique) => !unique.invalid) };
}

/** The database's INVALID index that would be the declared one: of its name, else on the same keys in the same order. */
function invalidIndexOf(table: TableModel, index: IndexModel): IndexModel | undefined {
  const invalid = table.indexes.filter((candidate) => candidate.invalid);
  if (invalid.length === 0) return undefined;
  return (
    invalid.find((candidate) => index.name !== undefined && candidate.name === index.name) ??
    (index.columns.length > 0 ? invalid.find((candidate) => sameOrder(candidate.columns, index.columns)) : undefined)
  );
}

/** The database's INVALID unique index that would be the declared unique: on the same columns, of its name first. */
function invalidUniqueOf(table: TableModel, wanted: UniqueModel): UniqueModel | undefined {
  const invalid = table.uniques.filter((unique) => unique.invalid && sameColumnSet(unique.columns, wanted.columns));
  return invalid.find((unique) => wanted.name !== undefined && unique.name === wanted.name) ?? invalid[0];
}

/** What `columnDifferences` returns for equal columns: one shared empty list. */
const noDifferences: ColumnAspect[] = [];

function columnDifferences(expected: ColumnModel, actual: ColumnModel): ColumnAspect[] {
  const type = !sameColumnType(expected.type, actual.type);
  const nullable = expected.nullable !== actual.nullable;
  const collation = !sameCollation(expected.collation, actual.collation) || (expected.collationSchema ?? null) !== (actual.collationSchema ?? null);
  // a generated column has no default: a change of generation is a `modify-generated` of its own
  const fallback = expected.generated === null && actual.generated === null && valueSource(expected) !== valueSource(actual);
  if (!type && !nullable && !collation && !fallback) return noDifferences;
  const changed: ColumnAspect[] = [];
  if (type) changed.push('type');
  if (nullable) changed.push('nullable');
  if (collation) changed.push('collation');
  if (fallback) changed.push('default');
  return changed;
}

/** Whether two declared uniques are one guarantee: the same columns (in any order), rows, NULL handling and deferral. */
function sameGuarantee(a: UniqueModel, b: UniqueModel): boolean {
  return (
    sameColumnSet(a.columns, b.columns) &&
    a.nullsNotDistinct === b.nullsNotDistinct &&
    samePredicate(a.where, b.where) &&
    (a.deferrable ?? null) === (b.deferrable ?? null)
  );
}

/** A unique constraint, a unique index or the primary key on the same columns all guarantee uniqueness. */
function hasUnique(table: TableModel, wanted: UniqueModel): boolean {
  if (wanted.where === undefined && table.primaryKey && sameColumnSet(table.primaryKey.columns, wanted.columns)) return true;
  return table.uniques.some(
    (unique) =>
      sameColumnSet(unique.columns, wanted.columns) &&
      // NULLS NOT DISTINCT rejects a second NULL that a plain unique allows: not the same guarantee
      unique.nullsNotDistinct === wanted.nullsNotDistinct &&
      // a partial unique guards only the rows its predicate covers
      samePredicate(unique.where, wanted.where) &&
      // a DEFERRABLE unique cannot arbitrate ON CONFLICT; a NOT DEFERRABLE one cannot be deferred
      unique.deferrable === wanted.deferrable,
  );
}

/**
 * Whether a database unique is another declared unique's: built exactly as that one declares, or of its name. A
 * declared unique is paired only with the database's uniques no other declared one claims, so that a dropped unique
 * is reported missing, not as its neighbour changed.
 */
function claimedUnique(declared: readonly UniqueModel[], unique: UniqueModel, candidate: UniqueModel): boolean {
  return declared.some(
    (other) =>
      other !== unique &&
      (sameGuarantee(other, candidate) ||
        (sameColumnSet(other.columns, candidate.columns) && candidate.name !== undefined && other.name === candidate.name && candidate.name !== unique.name)),
  );
}

/**
 * For a missing partial unique: a full unique of the database on the same columns that the models declare too
 * (another declared unique, or the primary key), NOT DEFERRABLE and as strict about NULLs. It rejects every duplicate
 * the partial one would, and PostgreSQL infers it as the arbiter of `INSERT ... ON CONFLICT (columns) WHERE predicate`,
 * so the declared guarantee holds.
 */
function coveringUnique(expected: TableModel, actual: TableModel, unique: UniqueModel): (UniqueModel & { readonly primaryKey?: true }) | undefined {
  if (unique.where === undefined) return undefined;
  if (
    actual.primaryKey &&
    sameColumnSet(actual.primaryKey.columns, unique.columns) &&
    expected.primaryKey &&
    sameColumnSet(expected.primaryKey.columns, unique.columns)
  ) {
    const key = actual.primaryKey;
    return { ...(key.name ? { name: key.name } : {}), columns: key.columns, nullsNotDistinct: false, primaryKey: true };
  }
  return actual.uniques.find(
    (candidate) =>
      candidate.where === undefined &&
      candidate.deferrable === undefined &&
      sameColumnSet(candidate.columns, unique.columns) &&
      (candidate.nullsNotDistinct || !unique.nullsNotDistinct) &&
      expected.uniques.some((other) => other !== unique && other.where === undefined && sameColumnSet(other.columns, candidate.columns)),
  );
}

/**
 * The database's object of a missing unique's declared name, built on other keys: a unique (constraint or index) on
 * other columns, else an index of that name on other columns or on expressions. A unique that another declared
 * unique stands on (the same guarantee) is that one's, and is left out: dropping it would lose that one.
 */
function namedOtherwise(expected: TableModel, actual: TableModel, wanted: UniqueModel): (IndexModel & { readonly constraint?: true }) | undefined {
  if (wanted.name === undefined) return undefined;
  const unique = actual.uniques.find(
    (candidate) =>
      candidate.name === wanted.name &&
      !sameColumnSet(candidate.columns, wanted.columns) &&
      !expected.uniques.some((other) => other !== wanted && sameGuarantee(other, candidate)),
  );
  if (unique) {
    // a unique index is an index of the table too; a unique constraint's index is the constraint's alone
    const constraint = !actual.indexes.some((index) => index.name === unique.name);
    return {
      name: unique.name!,
      columns: unique.columns,
      unique: true,
      ...(unique.where !== undefined ? { where: unique.where } : {}),
      ...(unique.heldWhere !== undefined ? { heldWhere: unique.heldWhere } : {}),
      ...(constraint ? { constraint: true as const } : {}),
    };
  }
  const uniqueNames = new Set(actual.uniques.map((candidate) => candidate.name));
  return actual.indexes.find(
    (index) => index.name === wanted.name && !uniqueNames.has(index.name) && (index.columns.length === 0 || !sameColumnSet(index.columns, wanted.columns)),
  );
}

/**
 * The database's index that a missing unique is, built without UNIQUE: on the same columns, of the declared name,
 * or, for a declared partial unique, with its predicate. A unique index is a unique of the table (of its name), so
 * the indexes that are one are left out.
 */
function nonUniqueIndexOf(table: TableModel, wanted: UniqueModel): IndexModel | undefined {
  const uniqueNames = new Set(table.uniques.map((unique) => unique.name));
  const candidates = table.indexes.filter(
    (index) => index.columns.length > 0 && sameColumnSet(index.columns, wanted.columns) && !uniqueNames.has(index.name) && index.unique !== true,
  );
  return (
    candidates.find((index) => wanted.name !== undefined && index.name === wanted.name) ??
    (wanted.where === undefined ? undefined : candidates.find((index) => index.where !== undefined && samePredicate(index.where, wanted.where)))
  );
}

function sameOrder(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((column, i) => column === b[i]);
}

/**
 * The database's indexes that could be the declared one: on the same columns in the same order
 * (uniques and the primary key are btree indexes too), or of the same name: an expression index always, an index on
 * columns when it is built on other keys and no other declared index, lacking an index of its own name, is served by
 * it exactly (then it is that one's, and this one is missing).
 */
function indexCandidates(table: TableModel, index: IndexModel, declared: readonly IndexModel[], tables: IndexTables): IndexModel[] {
  if (index.columns.length === 0) return table.indexes.filter((candidate) => candidate.name === index.name);
  const named = table.indexes.find(
    (candidate) =>
      index.name !== undefined &&
      candidate.name === index.name &&
      !sameOrder(candidate.columns, index.columns) &&
      !declared.some(
        (other) =>
          other !== index &&
          builtAs(other, candidate, tables) &&
          !table.indexes.some((own) => own !== candidate && own.name === other.name && builtAs(other, own, tables)),
      ),
  );
  const asIndex = (unique: UniqueModel): IndexModel => ({
    ...(unique.name ? { name: unique.name } : {}),
    columns: unique.columns,
    ...(unique.where ? { where: unique.where } : {}),
  });
  return [
    ...table.indexes,
    ...table.uniques.map(asIndex),
    ...(table.primaryKey ? [{ ...(table.primaryKey.name ? { name: table.primaryKey.name } : {}), columns: table.primaryKey.columns }] : []),
  ]
    .filter((candidate) => sameOrder(candidate.columns, index.columns))
    .concat(named ? [named] : []);
}

/** Whether a database index on columns serves every query a declared one on columns would. */
function builtAs(declared: IndexModel, index: IndexModel, tables: IndexTables): boolean {
  return declared.columns.length > 0 && sameOrder(declared.columns, index.columns) && indexDifferences(declared, index, tables).length === 0;
}

/**
 * Whether a database index is another declared index's: of that index's name, or serving it exactly. A declared
 * index is paired first with the database's index of its name, then with one built as declared, and only then with
 * a different index on the same keys, so that a dropped index is reported missing, not as its neighbour changed.
 */
function claimedByOther(declared: readonly IndexModel[], index: IndexModel, candidate: IndexModel, tables: IndexTables): boolean {
  return declared.some((other) => other !== index && ((candidate.name !== undefined && other.name === candidate.name) || builtAs(other, candidate, tables)));
}

/** What a database index does otherwise than the declared one; empty when it serves every query the declared one would. */
function indexDifferences(expected: IndexModel, actual: IndexModel, tables: IndexTables): IndexAspect[] {
  const changed: IndexAspect[] = [];
  // an index of the declared name on other columns, in another order, or on expressions
  if (expected.columns.length > 0 && !sameOrder(expected.columns, actual.columns)) changed.push('columns');
  if ((expected.method ?? 'btree') !== (actual.method ?? 'btree')) changed.push('method');
  // every key, a column or an expression: its operator class, order and collation
  const keys = expected.expressions ?? expected.columns;
  const collated = keys.every((_, i) =>
    sameKeyCollation(expected.keys?.[i], keyColumn(tables.expected, expected, i), actual.keys?.[i], keyColumn(tables.actual, actual, i)),
  );
  const alike = keys.every((_, i) => sameKey(expected.keys?.[i], actual.keys?.[i]));
  // a btree scanned backward serves every order the declared one does: each key reversed, all together, is alike
  const reversed =
    !alike &&
    (expected.method ?? 'btree') === 'btree' &&
    (actual.method ?? 'btree') === 'btree' &&
    keys.every((_, i) => sameKey(expected.keys?.[i], actual.keys?.[i], true));
  if (!collated || (!alike && !reversed)) changed.push('keys');
  // an expression index is found by name: its keys' text tells whether it indexes what the model declares
  if (expected.expressions !== undefined && !sameKeyTexts(expected.expressions, keyTexts(actual))) changed.push('expressions');
  // an expression index is unique or not on its own (on plain columns, a unique index is a unique)
  if (expected.columns.length === 0 && (expected.unique === true) !== (actual.unique === true)) changed.push('unique');
  // the columns it carries besides its keys, in any order: more make it larger, fewer leave index-only scans to the table
  if (!sameColumnSet(expected.include ?? [], actual.include ?? [])) changed.push('include');
  // a partial one cannot stand in for a full one; a full one serves the queries of a declared partial one, but it
  // indexes every row: larger, and every write updates it
  if (!samePredicate(expected.where, actual.where)) changed.push('where');
  return changed;
}

/** Each key of an index as SQL text: its expressions, or its columns' quoted names. */
function keyTexts(index: IndexModel): readonly string[] {
  return index.expressions ?? index.columns.map(identifierAsPrinted);
}

function sameKeyTexts(expected: readonly string[], actual: readonly string[]): boolean {
  return expected.length === actual.length && expected.every((key, i) => samePredicate(key, actual[i]));
}

/** Whether two keys are built alike; `reversed`: in the opposite order (DESC for ASC and NULLS FIRST for LAST). */
function sameKey(expected: IndexKeyOptions | undefined, actual: IndexKeyOptions | undefined, reversed = false): boolean {
  const descending = (key: IndexKeyOptions | undefined) => key?.descending === true;
  const nullsFirst = (key: IndexKeyOptions | undefined) => key?.nullsFirst ?? descending(key);
  return (
    sameOperatorClass(expected, actual) &&
    (descending(expected) === descending(actual)) !== reversed &&
    (nullsFirst(expected) === nullsFirst(actual)) !== reversed
  );
}

/**
 * The column a key indexes: on an index on plain columns, its column; on one with an expression key, a key whose
 * text is a bare column name (`title`, `"title"`), which is a column key there too.
 */
function keyColumn(table: TableModel, index: IndexModel, i: number): ColumnModel | undefined {
  const text = index.columns[i] ?? index.expressions?.[i]?.trim();
  if (text === undefined) return undefined;
  const quoted = /^"((?:[^"]|"")+)"$/.exec(text);
  const name = quoted ? quoted[1]!.replace(/""/g, '"') : text;
  return table.columns.find((column) => column.name === name);
}

/** The two tables whose indexes are compared: a key that names no collation has its column's. */
interface IndexTables {
  readonly expected: TableModel;
  readonly actual: TableModel;
}

/**
 * Whether two keys sort under one collation: a key collated otherwise sorts otherwise, and queries under the declared
 * collation cannot use it. A key's collation is its effective one: its own (`COLLATE "C"`), else its column's, else
 * the type's default (the database's), so `title COLLATE "C"` on a column collated "C" is `title` there. Keys that
 * name no collation on either side are alike: they follow their columns, whose collation a column finding reports.
 */
function sameKeyCollation(
  expected: IndexKeyOptions | undefined,
  expectedColumn: ColumnModel | undefined,
  actual: IndexKeyOptions | undefined,
  actualColumn: ColumnModel | undefined,
): boolean {
  if (expected?.collation === undefined && actual?.collation === undefined) return true;
  const effective = (key: IndexKeyOptions | undefined, column: ColumnModel | undefined) =>
    key?.collation !== undefined
      ? { name: unquoted(key.collation), schema: key.collationSchema }
      : { name: unquoted(column?.collation) ?? 'default', schema: column?.collationSchema };
  const [a, b] = [effective(expected, expectedColumn), effective(actual, actualColumn)];
  return sameCollation(a.name, b.name) && (a.schema ?? null) === (b.schema ?? null);
}

/** A full btree index or the primary key whose leading columns are `columns`: it serves their lookups already. */
function leadingIndex(table: TableModel, columns: readonly string[]): IndexModel | undefined {
  const leads = (candidate: { readonly columns: readonly string[] }) =>
    candidate.columns.length > columns.length && columns.every((column, i) => candidate.columns[i] === column);
  if (table.primaryKey && leads(table.primaryKey))
    return { ...(table.primaryKey.name ? { name: table.primaryKey.name } : {}), columns: table.primaryKey.columns, primaryKey: true } as IndexModel;
  const unique = table.uniques.find((candidate) => candidate.where === undefined && leads(candidate));
  if (unique) return { ...(unique.name ? { name: unique.name } : {}), columns: unique.columns };
  return table.indexes.find((candidate) => candidate.where === undefined && (candidate.method ?? 'btree') === 'btree' && leads(candidate));
}

/**
 * The actions that differ, and the deferral; NO ACTION and RESTRICT differ only for deferred constraints: to the
 * application they are one.
 */
function actionDifferences(expected: ForeignKeyModel, actual: ForeignKeyModel): ('onDelete' | 'onUpdate' | 'deferrable' | 'validated')[] {
  const action = (value: string) => (value === 'RESTRICT' ? 'NO ACTION' : value);
  const changed: ('onDelete' | 'onUpdate' | 'deferrable' | 'validated')[] = (['onDelete', 'onUpdate'] as const).filter(
    (which) => action(expected[which]) !== action(actual[which]),
  );
  if (expected.deferrable !== actual.deferrable) changed.push('deferrable');
  // added NOT VALID: rows already there were never checked against the key
  if (actual.notValidated) changed.push('validated');
  return changed;
}

/** A key's collation name as `pg_collation` spells it (`"C"` is `C`); `default` stays: on a key it is not the column's own. */
function unquoted(collation: string | undefined): string | undefined {
  if (collation === undefined) return undefined;
  return collation.startsWith('"') && collation.endsWith('"') ? collation.slice(1, -1).replace(/""/g, '"') : collation;
}

/**
 * Collation names as `pg_collation` spells them; a model may quote one (`"C"`) or write it in another case where
 * the name is lower case (`POSIX` is its own collation, so only a quoted name is taken as written).
 */
function sameCollation(expected: string | undefined, actual: string | undefined): boolean {
  const name = (collation: string | undefined) => {
    if (collation === undefined || collation === 'default') return undefined;
    return collation.startsWith('"') && collation.endsWith('"') ? collation.slice(1, -1).replace(/""/g, '"') : collation;
  };
  return name(expected) === name(actual);
}

import { qualifiedKey } from '../model/qualified-name.ts';
import type { ColumnModel, SchemaModel, SequenceModel, TableModel } from '../model/schema-model.ts';
import { sameColumnType } from '../normalize/column-type.ts';
import { resolveSequenceOptions, sequenceDataType, sequenceDifferences } from '../normalize/sequence-options.ts';
import { valueSource } from '../normalize/value-source.ts';
import type { SchemaChange } from './schema-change.ts';

/**
 * The declared sequences that the database lacks (`missing-sequence`) or holds with other options
 * (`modify-sequence`), compared after both are resolved to PostgreSQL's defaults. A database sequence no
 * model declares is never reported: every serial and identity column owns one the models only imply.
 * A relation of the declared name that is not a sequence counts as absent. An expected sequence that a column owns
 * (the expected side read from a database that migrations built) is its serial's or identity's: compared through
 * that column, not here. A `contested` sequence (by `qualifiedKey`: declared with other options by two registries)
 * is compared for presence only.
 */
export function sequenceChanges(expected: SchemaModel, actual: SchemaModel, contested: ReadonlySet<string> = new Set()): SchemaChange[] {
  const existing = new Map((actual.sequences ?? []).map((sequence) => [qualifiedKey(sequence), sequence]));
  const changes: SchemaChange[] = [];
  for (const declared of expected.sequences ?? []) {
    if (declared.ownedBy) continue;
    const found = existing.get(qualifiedKey(declared));
    if (!found) {
      changes.push({ kind: 'missing-sequence', expected: declared, actual: null });
      continue;
    }
    if (contested.has(qualifiedKey(declared))) continue;
    const wanted = resolveSequenceOptions(declared);
    const held = resolveSequenceOptions(found);
    const changed = sequenceDifferences(wanted, held);
    if (changed.length > 0) changes.push({ kind: 'modify-sequence', expected: { ...declared, ...wanted }, actual: { ...found, ...held }, changed });
  }
  return changes;
}

/**
 * How a declared column's identity differs from the database's, when both number rows automatically: one is an
 * identity column and the other a serial, or they are GENERATED ALWAYS and BY DEFAULT (`modify-identity`); or
 * both are identity columns whose sequences have other options or, where the model names it, another name
 * (`modify-sequence`). A column that numbers rows on
 * one side only is a default difference, not an identity one.
 */
export function identityChanges(table: TableModel, expected: ColumnModel, actual: ColumnModel): SchemaChange[] {
  if (valueSource(expected) !== 'autoincrement' || valueSource(actual) !== 'autoincrement') return [];
  const changes: SchemaChange[] = [];
  if (expected.identity !== actual.identity) changes.push({ kind: 'modify-identity', table, expected, actual });
  // a serial on one side has no identity sequence to compare; two identity columns of other kinds still do,
  // and both differences are reported at once so that one fix covers them
  if (expected.identity === null || actual.identity === null || actual.sequence === undefined) return changes;
  // an identity sequence is of its column's type; when the column's type differs and the model declares nothing
  // else, that is the column's difference (column-type-mismatch), not its sequence's
  const declared = expected.sequence ?? {};
  const typeSource = Object.keys(declared).length === 0 || sameColumnType(expected.type, actual.type) ? expected : actual;
  const dataType = sequenceDataType(typeSource.type.name);
  if (dataType === undefined) return changes;
  const name = { schema: actual.sequence.schema ?? table.schema, name: actual.sequence.name ?? `${table.name}_${expected.name}_seq` };
  // the name is compared only where the model gives one; otherwise PostgreSQL's choice is the model's too
  const declaredName = declared.name !== undefined ? { schema: declared.schema ?? table.schema, name: declared.name } : name;
  const renamed = qualifiedKey(declaredName) !== qualifiedKey(name);
  const wantedOptions = resolveSequenceOptions(declared, dataType);
  const heldOptions = resolveSequenceOptions(actual.sequence, dataType);
  const changed = sequenceDifferences(wantedOptions, heldOptions);
  const wanted: SequenceModel = { ...declaredName, ...wantedOptions, sources: table.sources };
  const held: SequenceModel = { ...name, ...heldOptions, sources: [] };
  if (changed.length > 0 || renamed) {
    changes.push({
      kind: 'modify-sequence',
      expected: wanted,
      actual: held,
      changed,
      identityOf: { table, column: expected.name },
      ...(renamed ? { renamed: true } : {}),
    });
  }
  return changes;
}

import { defineRule, docsPath } from './rule.ts';
import { columnRef, declaredBy, inheritedFrom, inheritedNote, typeText, writer } from './describe.ts';
import type { ColumnType, TableModel } from '../model/schema-model.ts';
import { formatColumnType } from '../normalize/column-type.ts';
import { holdsEveryValue, numericModifiers } from '../normalize/type-width.ts';
import { displayName } from '../model/qualified-name.ts';

export const columnTypeMismatch = defineRule({
  meta: {
    code: 'column-type-mismatch',
    description: "The column's type in the database differs from the model's.",
    docs: docsPath('column-type-mismatch'),
    messages: { differs: 'error', wider: 'warning' },
    nextStep: 'decide per column which side is right: change the model to the database type, or write a migration that alters the column',
  },
  create(context) {
    return {
      'modify-column'({ table, expected, actual, changed, references }) {
        if (!changed.includes('type')) return;
        // every value the model writes fits the database's column, and reads back as the model's type
        const readsOtherwise = readsAsText(expected.type, actual.type);
        const wider = readsOtherwise === '' && holdsEveryValue(actual.type, expected.type);
        const inherited = expected.inherited?.includes('type') ? inheritedFrom(table) : undefined;
        const note = inherited ? `; ${inheritedNote(typeText(expected.type), inherited)}` : '';
        // a foreign-key column: what it references, so the user sees whether the key still fits
        const target = references ? `${displayName(references)}.${references.column}` : '';
        const keyNote = references ? `; it is a foreign key to ${columnRef(references, references.column)} (${typeText(references.type)})` : '';
        context.report({
          messageId: wider ? 'wider' : 'differs',
          schema: table.schema,
          table: table.name,
          column: expected.name,
          message:
            (wider
              ? `${columnRef(table, expected.name)} is ${typeText(actual.type)} in the database, wider than ${typeText(expected.type)} in ${declaredBy(table)}: the database accepts values that ${typeText(expected.type)} does not hold${unchecked(table)}, and code that assumes ${typeText(expected.type)} may break when it reads them`
              : `${columnRef(table, expected.name)} is ${typeText(expected.type)} in ${declaredBy(table)} but ${typeText(actual.type)} in the database${readsOtherwise || numericDigits(expected.type, actual.type)}`) +
            keyNote +
            note,
          expected: { type: formatColumnType(expected.type), ...(references ? { references: target, referencedType: formatColumnType(references.type) } : {}) },
          actual: { type: formatColumnType(actual.type) },
          sources: table.sources,
          ...(inherited ? { inherited } : {}),
        });
      },
    };
  },
});

/**
 * Whether the ORM stops a value the declared type does not hold before the database takes it: none of them checks a
 * value against the column's type by default, so such values are stored as written; only a validator the model
 * declares stops them. Empty where the expected side is a database (`ormdrift diff`) or the ORM is not one of these.
 */
function unchecked(table: TableModel): string {
  if (writer(table) !== 'the ORM') return '';
  const orms = new Set(table.sources.map((source) => source.orm));
  if (orms.size !== 1) return '';
  const [orm] = orms;
  if (orm === 'drizzle') return ' (Drizzle writes values without checking them against the declared type)';
  if (orm === 'sequelize') return ' (Sequelize checks no length or size unless the model declares a validate rule, such as len)';
  if (orm === 'typeorm') return ' (TypeORM checks no length or size unless class-validator rules, such as @MaxLength, are declared and run)';
  return '';
}

/**
 * What a numeric column of other precision or scale does to the model's values: fewer integer digits (precision
 * minus scale) reject the larger ones (numeric field overflow); a smaller scale rounds, a larger one reads back more
 * decimal places. Empty for other types. A numeric without precision has no digit limit.
 */
function numericDigits(expected: ColumnType, actual: ColumnType): string {
  const declared = expected.name === 'numeric' ? { precision: Infinity, scale: Infinity } : numericModifiers(expected.name);
  const held = actual.name === 'numeric' ? { precision: Infinity, scale: Infinity } : numericModifiers(actual.name);
  if (!declared || !held || expected.arrayDims !== actual.arrayDims) return '';
  const digits = (type: { precision: number; scale: number }) => (type.precision === Infinity ? Infinity : type.precision - type.scale);
  const [declaredDigits, heldDigits] = [digits(declared), digits(held)];
  const parts: string[] = [];
  if (heldDigits < declaredDigits)
    parts.push(
      `integer digits go from ${declaredDigits === Infinity ? 'unlimited' : declaredDigits} to ${heldDigits}, so values of 10^${heldDigits} or more that the model accepts are rejected (numeric field overflow)`,
    );
  else if (heldDigits > declaredDigits)
    parts.push(
      `integer digits go from ${declaredDigits} to ${heldDigits === Infinity ? 'unlimited' : heldDigits}, so the database accepts values of 10^${declaredDigits} or more that the model does not`,
    );
  if (held.scale < declared.scale)
    parts.push(`the database rounds values to ${held.scale} decimal places${declared.scale === Infinity ? '' : ` where the model declares ${declared.scale}`}`);
  else if (held.scale > declared.scale)
    parts.push(
      `values read back may carry ${held.scale === Infinity ? 'any number of' : held.scale} decimal places where the model declares ${declared.scale}`,
    );
  return parts.length > 0 ? `: ${parts.join('; ')}` : '';
}

/**
 * Why an integer column widened to `bigint` is no mere widening: node-postgres (under every ORM here) reads `bigint`
 * as a string, where the model's `smallint` or `integer` reads as a number (`id + 1` concatenates). Empty otherwise.
 */
function readsAsText(expected: ColumnType, actual: ColumnType): string {
  return actual.name === 'bigint' && (expected.name === 'integer' || expected.name === 'smallint')
    ? '; the driver reads bigint as a string where the model expects a number'
    : '';
}

import { defineRule, docsPath } from './rule.ts';
import { columnRef, declaredBy, inheritedFrom, inheritedNote, typeText, writer } from './describe.ts';
import type { ColumnType, TableModel } from '../model/schema-model.ts';
import { characterLength, formatColumnType } from '../normalize/column-type.ts';
import { bitVaryingLength, holdsEveryValue, integerBytes, numericModifiers } from '../normalize/type-width.ts';
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
              : `${columnRef(table, expected.name)} is ${typeText(expected.type)} in ${declaredBy(table)} but ${typeText(actual.type)} in the database${readsOtherwise || numericDigits(expected.type, actual.type) || narrowed(expected.type, actual.type)}`) +
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
 * What a user sees when the database's type holds less than, or otherwise than, the model's (numeric digits aside):
 * which writes fail and with PostgreSQL's error, or how values read back. Empty where none of these kinds applies
 * (the types are unrelated: a value of one is no value of the other). Facts: PostgreSQL's Data Types chapter
 * (character lengths and blank padding, integer ranges, float digits, time zone conversion, time precision).
 */
function narrowed(expected: ColumnType, actual: ColumnType): string {
  const parts: string[] = [];
  const arrays = expected.arrayDims > 0;
  if (arrays !== actual.arrayDims > 0) {
    parts.push(
      arrays
        ? 'the model reads and writes arrays where the database holds one value per row: an array written fails (malformed literal) or is stored as its text'
        : 'the database holds arrays where the model reads and writes one value: an array read back is no value of the model, and a value written fails (malformed array literal)',
    );
  }
  const of = arrays && actual.arrayDims > 0 ? 'elements' : 'values';
  // an array type's name is its element's
  const [declared, held] = [expected.name, actual.name];
  const declaredLength = characterLength(expected) ?? blankPadded(declared);
  const heldLength = characterLength(actual) ?? blankPadded(held);
  if (declaredLength !== undefined && heldLength !== undefined) {
    if (heldLength < declaredLength) {
      const range = declaredLength === Infinity ? `more than ${heldLength}` : `${heldLength + 1}–${declaredLength}`;
      parts.push(`writes of ${of === 'elements' ? 'elements of ' : ''}${range} characters fail (value too long for type ${held})`);
    }
    if (blankPadded(held) !== undefined && heldLength > (blankPadded(declared) ?? 0))
      parts.push(`shorter ${of} read back padded with blanks to ${heldLength} characters`);
    else if (blankPadded(declared) !== undefined && blankPadded(held) === undefined)
      parts.push(`${of} read back without the blank padding to ${declaredLength} characters that the model's ${declared} gives`);
  }
  // a signed integer of n bytes holds -2^(8n-1) to 2^(8n-1)-1 (PostgreSQL's Data Types chapter)
  const [declaredBytes, heldBytes] = [integerBytes[declared], integerBytes[held]];
  if (declaredBytes !== undefined && heldBytes !== undefined && heldBytes < declaredBytes)
    parts.push(`${of} beyond ±2^${heldBytes * 8 - 1} that the model's ${declared} allows fail (${held} out of range)`);
  if (declared === 'double precision' && held === 'real')
    parts.push(`${of} keep about 6 significant digits where the model's double precision keeps 15: they read back rounded`);
  const [declaredTime, heldTime] = [timeType(declared), timeType(held)];
  if (declaredTime && heldTime && declaredTime.base === heldTime.base) {
    if (declaredTime.zone !== heldTime.zone)
      parts.push(
        heldTime.zone
          ? `${of} written are taken as local time in the session's time zone (TimeZone) and converted, and read back in the reading session's: the ${declaredTime.base === 'time' ? 'time' : 'instant'} read back may differ from the one written`
          : `${of} written lose their time zone: the local time in the session's time zone (TimeZone) is stored, so the ${declaredTime.base === 'time' ? 'time' : 'instant'} read back may differ from the one written`,
      );
    if (heldTime.digits < declaredTime.digits)
      parts.push(`the database rounds ${of} to ${heldTime.digits} fractional-second digits where the model declares ${declaredTime.digits}`);
  }
  const [declaredBits, heldBits] = [bitVaryingLength(declared), bitVaryingLength(held)];
  if (declaredBits !== undefined && heldBits !== undefined && heldBits < declaredBits)
    parts.push(`writes of ${of === 'elements' ? 'elements of ' : ''}more than ${heldBits} bits fail (bit string too long for type ${held})`);
  return parts.length > 0 ? `: ${parts.join('; ')}` : '';
}

/** The length of a `character(n)` (blank-padded to n), undefined for other types. */
function blankPadded(name: string): number | undefined {
  const match = /^character\((\d+)\)$/.exec(name);
  return match ? Number(match[1]) : undefined;
}

/** A `timestamp` or `time` type: whether it is with time zone, and its fractional-second digits (6 when not given). */
function timeType(name: string): { base: 'timestamp' | 'time'; zone: boolean; digits: number } | undefined {
  const match = /^(timestamp|time)(?:\((\d+)\))? with(out)? time zone$/.exec(name);
  if (!match) return undefined;
  return { base: match[1] as 'timestamp' | 'time', zone: match[3] === undefined, digits: match[2] === undefined ? 6 : Number(match[2]) };
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

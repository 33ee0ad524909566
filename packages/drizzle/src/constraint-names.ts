/**
 * The names drizzle-kit gives the primary keys and foreign keys a schema leaves unnamed. They changed in
 * 1.0: before, drizzle-orm's own `getName()` (`<table>_<columns>_pk`, `<table>_<columns>_<target>_<columns>_fk`)
 * is the name drizzle-kit creates; drizzle-kit 1.0 ignores it for an unnamed key and names it as
 * PostgreSQL would (`<table>_pkey`, `<table>_<columns>_<target>_<columns>_fkey`, hashed past 63 bytes).
 * drizzle-orm 1.0 is told apart by what it adds: `isNameExplicit` on both keys.
 */

/**
 * drizzle-kit 1.0's name for an unnamed composite primary key of `table` (its database name), or undefined
 * when the key's own `getName()` is the name: it is named, or drizzle-orm is older than 1.0.
 */
export function unnamedPrimaryKeyName(key: object, table: string): string | undefined {
  // drizzle-orm 1.0 adds `isNameExplicit` to a composite primary key
  return (key as { isNameExplicit?: unknown }).isNameExplicit === false ? `${table}_pkey` : undefined;
}

/**
 * drizzle-kit 1.0's name for an unnamed foreign key from `table (columns)` to `target (targetColumns)`, all
 * database names, or undefined when the key's own `getName()` is the name.
 */
export function unnamedForeignKeyName(
  key: object,
  table: string,
  columns: readonly string[],
  target: string,
  targetColumns: readonly string[],
): string | undefined {
  // drizzle-orm 1.0 adds an `isNameExplicit()` method to a foreign key
  const { isNameExplicit } = key as { isNameExplicit?: unknown };
  if (typeof isNameExplicit !== 'function' || isNameExplicit.call(key)) return undefined;
  const desired = `${table}_${columns.join('_')}_${target}_${targetColumns.join('_')}_fkey`;
  if (desired.length <= 63) return desired;
  return table.length < 45 ? `${table}_${drizzleKitHash(desired)}_fkey` : `${drizzleKitHash(desired)}_fkey`;
}

const dictionary = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** drizzle-kit 1.0's `hash`: a polynomial hash of the text, written in 12 base-62 digits. */
function drizzleKitHash(input: string, length = 12): string {
  const base = BigInt(dictionary.length);
  const combinations = base ** BigInt(length);
  let power = 1n;
  let hash = 0n;
  for (const character of input) {
    hash = (hash + BigInt(character.codePointAt(0) ?? 0) * power) % combinations;
    power = (power * 53n) % combinations;
  }
  let digits = '';
  for (let index = 0; index < length; index++) {
    digits = dictionary[Number(hash % base)]! + digits;
    hash /= base;
  }
  return digits;
}

/** PostgreSQL keeps the first NAMEDATALEN - 1 bytes of an identifier. */
const maxIdentifierBytes = 63;

/**
 * The name PostgreSQL really stores for an identifier an ORM sends: tables, columns, enum types,
 * constraints, indexes and sequences longer than 63 bytes are cut with only a NOTICE. The cut is
 * in bytes of UTF-8, never inside a multi-byte character (as PostgreSQL's `pg_mbcliplen` does), so
 * `"é"` repeated 40 times (80 bytes) keeps 31 characters (62 bytes). Every adapter sends its names
 * through this one function.
 */
export function postgresIdentifier(name: string): string {
  return clipBytes(name, maxIdentifierBytes);
}

/**
 * The name PostgreSQL chooses for an object it names itself (`makeObjectName`): `<name1>_<name2>_<label>`,
 * as for a serial column's sequence (`users_id_seq`) or an unnamed constraint (`users_email_key`).
 * When it would pass 63 bytes, the longer of the two names is shortened a byte at a time until it
 * fits, so the label survives: `<long table>_id_seq` keeps `_id_seq`. (PostgreSQL appends a number
 * when the name is taken; that case is not modelled.)
 */
export function postgresObjectName(name1: string, name2: string | undefined, label: string): string {
  const first = Buffer.byteLength(name1, 'utf8');
  const second = name2 === undefined ? 0 : Buffer.byteLength(name2, 'utf8');
  const overhead = (name2 === undefined ? 0 : 1) + (label === '' ? 0 : Buffer.byteLength(label, 'utf8') + 1);
  const available = maxIdentifierBytes - overhead;
  let keepFirst = first;
  let keepSecond = second;
  while (keepFirst + keepSecond > available) {
    if (keepFirst > keepSecond) keepFirst--;
    else keepSecond--;
  }
  const parts = [clipBytes(name1, keepFirst)];
  if (name2 !== undefined) parts.push(clipBytes(name2, keepSecond));
  if (label !== '') parts.push(label);
  return parts.join('_');
}

/** The longest prefix of at most `limit` UTF-8 bytes that does not cut a character in half. */
function clipBytes(name: string, limit: number): string {
  // every name of every model passes here: most are short enough (a UTF-16 unit is at most 3 UTF-8 bytes) to need
  // no byte count, and counting allocates nothing, unlike encoding
  if (name.length * 3 <= limit || Buffer.byteLength(name, 'utf8') <= limit) return name;
  const bytes = Buffer.from(name, 'utf8');
  if (bytes.length <= limit) return name;
  let end = limit;
  // continuation bytes are 10xxxxxx: back up to the start of the character
  while (end > 0 && ((bytes[end] ?? 0) & 0xc0) === 0x80) end--;
  return bytes.subarray(0, end).toString('utf8');
}

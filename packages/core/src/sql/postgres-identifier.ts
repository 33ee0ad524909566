/** PostgreSQL keeps the first NAMEDATALEN - 1 bytes of an identifier. */
const maxIdentifierBytes = 63;

/**
 * The name PostgreSQL really stores for an identifier an ORM sends. Longer names are cut
 * with only a NOTICE, which matters for generated names: Sequelize's enum type
 * `enum_<table>_<column>` easily passes 63 bytes, and the catalog then holds the cut one.
 */
export function postgresIdentifier(name: string): string {
  const bytes = Buffer.from(name, 'utf8');
  if (bytes.length <= maxIdentifierBytes) return name;
  let end = maxIdentifierBytes;
  // never cut a multi-byte character in half (continuation bytes are 10xxxxxx), as PostgreSQL's pg_mbcliplen does
  while (end > 0 && ((bytes[end] ?? 0) & 0xc0) === 0x80) end--;
  return bytes.subarray(0, end).toString('utf8');
}

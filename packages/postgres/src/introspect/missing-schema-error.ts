/**
 * A schema the caller asked to check does not exist in the database: checking it would compare nothing.
 * `available` lists the database's own (non-system) schemas, for the message and for callers.
 */
export class MissingSchemaError extends Error {
  override readonly name = 'MissingSchemaError';
  constructor(
    readonly missing: readonly string[],
    readonly available: readonly string[],
  ) {
    const names = missing.map((name) => `"${name}"`).join(', ');
    const has = available.length > 0 ? `its schemas are ${available.map((name) => `"${name}"`).join(', ')}` : 'it has no schema of its own';
    super(`the database has no schema ${names}; ${has}`);
  }
}

/**
 * The one method the introspector needs from a client. Declared here rather than taken from
 * `pg` so that any driver (pg, postgres.js through an adapter, a pool client) can be handed in.
 */
export interface Queryable {
  query(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
}

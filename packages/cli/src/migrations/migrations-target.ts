import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { detectMigrationsKind, migrationsKinds, type MigrationsKind } from '@ormdrift/postgres';
import { UsageError } from '../usage-error.ts';

/** Where a project's migrations are and which tool they belong to. */
export interface MigrationsTarget {
  /** As the user gave it, for messages. */
  readonly spec: string;
  /** Absolute. */
  readonly path: string;
  readonly kind: MigrationsKind;
  /** How long one migration may run on the embedded server, in milliseconds (`--migration-timeout`). */
  readonly timeoutMs: number;
}

/** The default of `--migration-timeout`: 5 minutes. */
export const defaultMigrationTimeoutMs = 300_000;

/**
 * Resolves `--migrations` (relative to `cwd`) and its kind: `--migrations-kind` when given, else what the path
 * holds; `timeoutMs` is how long each migration may run. Throws {@link UsageError} when the path does not exist or its kind cannot be told.
 */
export async function resolveMigrationsTarget(
  spec: string,
  kindFlag: string | undefined,
  cwd: string,
  timeoutMs = defaultMigrationTimeoutMs,
): Promise<MigrationsTarget> {
  const path = resolve(cwd, spec);
  if (kindFlag !== undefined && !(migrationsKinds as readonly string[]).includes(kindFlag)) {
    throw new UsageError(`unknown migrations kind "${kindFlag}": use --migrations-kind ${migrationsKinds.join(', ')}`);
  }
  if (!(await stat(path).catch(() => undefined))) {
    throw new UsageError(`cannot find the migrations ${spec}: check the path (relative to ${cwd})`);
  }
  const kind = (kindFlag as MigrationsKind | undefined) ?? (await detectMigrationsKind(path));
  if (!kind) {
    throw new UsageError(`cannot tell what kind of migrations ${spec} holds: pass --migrations-kind ${migrationsKinds.join('|')}`);
  }
  return { spec, path, kind, timeoutMs };
}

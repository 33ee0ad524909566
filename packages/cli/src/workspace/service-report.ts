import { basename } from 'node:path';
import type { CheckResult } from '@ormdrift/core';
import type { CliIo } from '../cli-io.ts';
import { packageJson } from '../config/find-config.ts';

/**
 * What a workspace check's child process reports about one service, as JSON on its standard output: the
 * check's whole result (the declared tables included, which ownership needs), and what the parent needs
 * to apply ownership across services. Internal to ormdrift: not the JSON report, and not a contract.
 */
export interface ServiceReport {
  readonly ormdriftServiceReport: 1;
  /** The config's `name`, else the package.json's `name`, else the directory's name. */
  readonly service: string;
  /** The config's `owns` globs. */
  readonly owns: readonly string[];
  /**
   * Which database was read, without credentials (`host:port/database`), so that only services sharing a
   * database share ownership; absent for a throwaway database built from migrations.
   */
  readonly database?: string;
  readonly result: CheckResult;
}

/** Writes the service report of a check in `io.cwd` and returns the check's own exit code. */
export function writeServiceReport(
  result: CheckResult,
  context: { service?: string | undefined; owns?: readonly string[] | undefined; url?: string | undefined },
  io: CliIo,
): number {
  const name = packageJson(io.cwd)?.['name'];
  const database = context.url === undefined ? undefined : databaseIdentity(context.url);
  const report: ServiceReport = {
    ormdriftServiceReport: 1,
    service: context.service ?? (typeof name === 'string' && name !== '' ? name : basename(io.cwd)),
    owns: context.owns ?? [],
    ...(database === undefined ? {} : { database }),
    result,
  };
  io.stdout.write(`${JSON.stringify(report)}\n`);
  return result.summary.errors > 0 ? 1 : 0;
}

/** `host:port/database` of a connection string (libpq's defaults for what it leaves out); never the user or password. */
export function databaseIdentity(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    const host = parsed.searchParams.get('host') ?? (parsed.hostname || 'localhost');
    return `${host}:${parsed.port || '5432'}${decodeURIComponent(parsed.pathname) || '/'}`;
  } catch {
    return undefined;
  }
}

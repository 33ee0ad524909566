import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
// two functions of semver, not its index: the index loads every module of the package, on every run
import satisfies from 'semver/functions/satisfies.js';
import valid from 'semver/functions/valid.js';

/** The versions of an ORM an adapter reads: the package's name and an npm semver range. */
export interface SupportedOrm {
  /** The npm package, as users install it (`typeorm`, `sequelize`, `drizzle-orm`). */
  readonly package: string;
  /** The tested range; a prerelease inside it (`1.0.0-rc.5`) is supported too. */
  readonly range: string;
}

/**
 * Thrown when the user's copy of an ORM is outside the range its adapter reads: its metadata may have
 * another shape, and a report read from it could be wrong. The message is one line naming both.
 */
export class UnsupportedOrmVersionError extends Error {
  constructor(
    readonly orm: SupportedOrm,
    readonly installed: string,
  ) {
    super(`${orm.package} ${installed} is not supported: ormdrift reads ${orm.package} ${orm.range}; use a version in that range`);
    this.name = 'UnsupportedOrmVersionError';
  }
}

/**
 * Throws an {@link UnsupportedOrmVersionError} when `installed` is outside the range of `orm`, or is no
 * version at all. Does nothing when `installed` is undefined: the version could not be found, and the
 * adapter reads the objects it was given.
 */
export function assertSupportedOrmVersion(orm: SupportedOrm, installed: string | undefined): void {
  if (installed === undefined) return;
  // asked on every check (an app's guard, every ORM object discovery meets): semver parses the range and the
  // version each time, so each verdict is kept
  const key = `${orm.range}\u0000${installed}`;
  let supported = verdicts.get(key);
  if (supported === undefined) {
    supported = valid(installed) !== null && satisfies(installed, orm.range, { includePrerelease: true });
    if (verdicts.size >= 100) verdicts.clear();
    verdicts.set(key, supported);
  }
  if (!supported) throw new UnsupportedOrmVersionError(orm, installed);
}

const verdicts = new Map<string, boolean>();

/**
 * The version of the package `name` as a module at `from` (a file path) would import it: the user's
 * copy, found by Node's resolution from their file, not the one next to ormdrift. Undefined when the
 * package is not found from there.
 */
export function installedPackageVersion(name: string, from: string): string | undefined {
  // an app's guard asks on every check: the package a process resolves does not change while it runs (it has loaded
  // it), so each answer is kept rather than resolved and read from disk again
  const key = `${name}\u0000${from}`;
  if (installedVersions.has(key)) return installedVersions.get(key);
  const version = readInstalledVersion(name, from);
  if (installedVersions.size >= 1_000) installedVersions.clear();
  installedVersions.set(key, version);
  return version;
}

const installedVersions = new Map<string, string | undefined>();

function readInstalledVersion(name: string, from: string): string | undefined {
  let entry: string;
  try {
    entry = createRequire(from).resolve(name);
  } catch {
    return undefined;
  }
  // package.json is often not exported: walk up from the entry point to the package's own
  for (let directory = dirname(entry); directory !== dirname(directory); directory = dirname(directory)) {
    try {
      const manifest = JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8')) as { name?: unknown; version?: unknown };
      if (manifest.name === name && typeof manifest.version === 'string') return manifest.version;
    } catch {
      // no package.json here: keep walking up
    }
  }
  return undefined;
}

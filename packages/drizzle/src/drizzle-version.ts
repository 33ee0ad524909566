import { assertSupportedOrmVersion, installedPackageVersion, packageLocation, type SupportedOrm } from '@ormdrift/core';

/** The drizzle-orm versions this adapter reads (tested: 0.36.0, 0.45 and 1.0.0-rc.5; 1.0 prereleases included). */
export const supportedDrizzleOrm: SupportedOrm = { package: 'drizzle-orm', range: '>=0.36.0 <2' };

/**
 * Throws a one-line `UnsupportedOrmVersionError` when the `drizzle-orm` a module at `resolveFrom` imports
 * (the user's copy) is outside the supported range. Drizzle's tables do not carry their version, so it
 * is read from the package the user's file resolves, else from the loaded module of the classes that made `values`
 * (see `packageLocation`); when neither finds it there is nothing to check, and the objects given are read.
 */
export function assertSupportedDrizzleOrm(resolveFrom: string | undefined, values: readonly unknown[] = []): void {
  const fromFile = resolveFrom === undefined ? undefined : installedPackageVersion('drizzle-orm', resolveFrom);
  const from = fromFile === undefined ? packageLocation('drizzle-orm', values) : undefined;
  assertSupportedOrmVersion(supportedDrizzleOrm, fromFile ?? (from === undefined ? undefined : installedPackageVersion('drizzle-orm', from)));
}

import { assertSupportedOrmVersion, installedPackageVersion, type SupportedOrm } from '@ormdrift/core';

/** The drizzle-orm versions this adapter reads (tested: 0.36.0, 0.45 and 1.0.0-rc.5; 1.0 prereleases included). */
export const supportedDrizzleOrm: SupportedOrm = { package: 'drizzle-orm', range: '>=0.36.0 <2' };

/**
 * Throws a one-line `UnsupportedOrmVersionError` when the `drizzle-orm` a module at `resolveFrom` imports
 * (the user's copy) is outside the supported range. Drizzle's tables do not carry their version, so it
 * is read from the package the user's file resolves; without a path there is nothing to check.
 */
export function assertSupportedDrizzleOrm(resolveFrom: string | undefined): void {
  if (resolveFrom !== undefined) assertSupportedOrmVersion(supportedDrizzleOrm, installedPackageVersion('drizzle-orm', resolveFrom));
}

import { assertSupportedOrmVersion, installedPackageVersion, type SupportedOrm } from '@ormdrift/core';

/** The TypeORM versions this adapter reads (tested: 0.3.0, 0.3.31 and 1.1). */
export const supportedTypeorm: SupportedOrm = { package: 'typeorm', range: '>=0.3.0 <2' };

/**
 * Throws a one-line `UnsupportedOrmVersionError` when the `typeorm` a module at `resolveFrom` imports
 * (the user's copy) is outside the supported range. TypeORM's objects do not carry their version, so
 * it is read from the package the user's file resolves; without a path there is nothing to check.
 */
export function assertSupportedTypeorm(resolveFrom: string | undefined): void {
  if (resolveFrom !== undefined) assertSupportedOrmVersion(supportedTypeorm, installedPackageVersion('typeorm', resolveFrom));
}

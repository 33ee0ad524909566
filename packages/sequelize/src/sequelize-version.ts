import { assertSupportedOrmVersion, type SupportedOrm } from '@ormdrift/core';

/** The Sequelize versions this adapter reads (tested: 6.20.0 and 6.37, with sequelize-typescript 2). */
export const supportedSequelize: SupportedOrm = { package: 'sequelize', range: '>=6.20.0 <7' };

/**
 * The version of the Sequelize that built an instance, from the instance itself: Sequelize 6 and 7
 * (`@sequelize/core`) both keep it as the static `version` of their class, and sequelize-typescript's
 * subclass inherits it. So it is the user's copy, wherever it was installed from.
 */
export function sequelizeVersion(instance: object): string | undefined {
  const version = (instance.constructor as { version?: unknown } | undefined)?.version;
  return typeof version === 'string' ? version : undefined;
}

/**
 * An instance of a Sequelize this adapter does not read, such as Sequelize 7: its models have other
 * shapes (and reading `modelManager` throws there), so it is recognized only to be refused in one line.
 */
export function isUnsupportedSequelizeInstance(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || typeof (value as { define?: unknown }).define !== 'function') return false;
  const version = sequelizeVersion(value);
  if (version === undefined) return false;
  try {
    assertSupportedOrmVersion(supportedSequelize, version);
    return false;
  } catch {
    return true;
  }
}

/** Throws a one-line `UnsupportedOrmVersionError` when the instance comes from a Sequelize outside the supported range. */
export function assertSupportedSequelize(instance: object): void {
  assertSupportedOrmVersion(supportedSequelize, sequelizeVersion(instance));
}

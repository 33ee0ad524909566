import type { DataSourceLike, DriverLike } from './typeorm-shapes.ts';

/** Thrown from the driver's `connect()` to stop `initialize()` right after it created the driver. */
const stopBeforeConnecting = Symbol('ormdrift: stop before connecting');

/**
 * Gives a DataSource its driver when it has none yet: TypeORM creates the driver in the DataSource
 * constructor, but some forks create it only in `initialize()`, and metadata cannot be built
 * without one (`buildTableName` is the driver's). The driver is created exactly as `initialize()`
 * creates it, by running `initialize()` with a trap on the `driver` property: the moment a driver is
 * assigned, its `connect()` is replaced by one that throws, so `initialize()` stops before it opens a
 * connection, runs migrations or synchronizes anything. The driver stays; `connect` is restored.
 *
 * Throws when `initialize()` does not create a driver before connecting, naming the DataSource.
 */
export async function ensureDriver(dataSource: DataSourceLike, name: string): Promise<void> {
  if (dataSource.driver !== undefined && dataSource.driver !== null) return;
  let created: DriverLike | undefined;
  let connect: DriverLike['connect'] | undefined;
  Object.defineProperty(dataSource, 'driver', {
    configurable: true,
    enumerable: true,
    get: () => created,
    set: (driver: DriverLike) => {
      created = driver;
      if (driver && typeof driver.connect === 'function' && connect === undefined) {
        connect = driver.connect;
        driver.connect = () => Promise.reject(stopBeforeConnecting);
      }
    },
  });
  try {
    await dataSource.initialize();
  } catch (cause) {
    if (cause !== stopBeforeConnecting)
      throw new Error(
        `TypeORM DataSource ${name} has no driver, and creating it as initialize() does failed: ${cause instanceof Error ? cause.message : String(cause)}`,
        { cause },
      );
  } finally {
    if (created && connect) created.connect = connect;
    Object.defineProperty(dataSource, 'driver', { configurable: true, enumerable: true, writable: true, value: created });
  }
  if (!created)
    throw new Error(`TypeORM DataSource ${name} has no driver and initialize() creates none before connecting: metadata cannot be built without a connection`);
}

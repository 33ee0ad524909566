import type {} from 'vitest';
import type { MatchDatabaseOptions, NoDriftOptions } from './matchers.ts';

export { ormdriftMatchers, type MatchDatabaseOptions, type NoDriftOptions } from './matchers.ts';
export type { AllowEntry, CheckMigrations, CheckMigrationsOptions } from '@ormdrift/guard';

/** The matchers as test files call them. `toMatchDatabase` is asynchronous: await it. */
export interface OrmdriftMatchers<R = unknown> {
  /** Passes when the `CheckResult` holds no finding (after `allow`); the failure message is the text report. */
  toHaveNoDrift(options?: NoDriftOptions): R;
  /**
   * Checks the ORM models (DataSource, entities, Sequelize instance or models, Drizzle schema object) against `db`
   * (URL, pg Client or Pool, or an open ORM connection) and passes when they match. Await it.
   */
  toMatchDatabase(db: unknown, options?: MatchDatabaseOptions): Promise<R>;
  /** Checks the ORM models against the database their migrations build, on a throwaway embedded PostgreSQL. Await it. */
  toMatchDatabase(options: MatchDatabaseOptions & Required<Pick<MatchDatabaseOptions, 'migrations'>>): Promise<R>;
}

declare module 'vitest' {
  // biome-ignore lint/suspicious/noExplicitAny: vitest declares Matchers<T = any>; an augmentation must repeat it
  interface Matchers<T = any> extends OrmdriftMatchers<T> {}
  // the asymmetric form of the synchronous matcher: expect(results).toEqual([expect.toHaveNoDrift()])
  interface AsymmetricMatchersContaining extends Pick<OrmdriftMatchers, 'toHaveNoDrift'> {}
}

declare global {
  // jest's globals (@types/jest) declare their matchers in this namespace
  namespace jest {
    interface Matchers<R> extends OrmdriftMatchers<R> {}
  }
}

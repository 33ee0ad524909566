/**
 * The ORM versions ormdrift is tested against besides the ones the main suite uses (TypeORM 1.x,
 * Sequelize 6.37 with sequelize-typescript 2, drizzle-orm 0.45 with drizzle-kit 0.31). Each is installed
 * side by side under an npm alias in the root package.json and runs its ORM's oracle as a Vitest
 * project of its own: the ORM-built database checks clean, and the version-sensitive mutations are caught.
 */
export interface OrmVersion {
  /** The Vitest project: `<package>@<version>`. */
  readonly name: string;
  /** The test files that run on it: the ORM's oracle, and its adapter's unit tests where it has some. */
  readonly include: readonly string[];
  /** Package names as the tests import them → the alias that holds this version. */
  readonly packages: Readonly<Record<string, string>>;
}

export const ormMatrix: readonly OrmVersion[] = [
  { name: 'typeorm@0.3.0', include: ['test/typeorm-oracle.test.ts'], packages: { typeorm: 'typeorm-0.3.0' } },
  { name: 'typeorm@0.3.31', include: ['test/typeorm-oracle.test.ts'], packages: { typeorm: 'typeorm-0.3' } },
  { name: 'sequelize@6.20.0', include: ['test/sequelize-oracle.test.ts', 'packages/sequelize/test/**/*.test.ts'], packages: { sequelize: 'sequelize-6.20' } },
  {
    name: 'drizzle-orm@0.36.0',
    include: ['test/drizzle-oracle.test.ts', 'test/sequences-field.test.ts', 'packages/drizzle/test/**/*.test.ts'],
    packages: { 'drizzle-orm': 'drizzle-orm-0.36', 'drizzle-kit': 'drizzle-kit-0.28' },
  },
  {
    name: 'drizzle-orm@1.0.0-rc.5',
    include: ['test/drizzle-oracle.test.ts', 'test/sequences-field.test.ts', 'packages/drizzle/test/**/*.test.ts'],
    packages: { 'drizzle-orm': 'drizzle-orm-1', 'drizzle-kit': 'drizzle-kit-1' },
  },
];

/**
 * Whether the running oracle is on a version of the matrix rather than the main suite's: there it runs
 * the clean check and only the mutations marked version-sensitive, to keep the suite's time.
 */
export const onOlderOrm = process.env['ORMDRIFT_ORM_VERSION'] !== undefined;

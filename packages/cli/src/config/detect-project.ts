import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { importModule } from '../load/import-module.ts';
import { UsageError } from '../usage-error.ts';

/** What zero-config detection found in a project: the modules to check and the options the ORMs' own configs give. */
export interface DetectedProject {
  /** What was used, for the one line that says so: `drizzle.config.ts (schema src/db/schema.ts, casing snake_case)`. */
  readonly used: readonly string[];
  /** Module paths, directories or globs, relative to the project directory. */
  readonly sources: readonly string[];
  /** drizzle.config's `casing`. */
  readonly casing?: 'snake_case' | 'camelCase';
  /** drizzle.config's `schemaFilter`. */
  readonly schemas?: readonly string[];
  /** drizzle.config's `tablesFilter`. */
  readonly tables?: readonly string[];
}

const drizzleConfigs = ['drizzle.config.ts', 'drizzle.config.mts', 'drizzle.config.js', 'drizzle.config.mjs', 'drizzle.config.cjs'];

/** Where TypeORM projects keep their DataSource: the CLI's templates, the docs' examples, and common layouts. */
const typeormDataSources = [
  'src/data-source.ts',
  'src/data-source.js',
  'src/data-source.mts',
  'src/db/data-source.ts',
  'src/db/data-source.js',
  'src/database/data-source.ts',
  'src/database/data-source.js',
  'src/config/data-source.ts',
  'src/typeorm.config.ts',
  'data-source.ts',
  'data-source.js',
  'typeorm.config.ts',
  'typeorm.config.js',
];

/**
 * TypeORM's own config file before DataSource (0.2, still read by many projects' scripts): connection
 * options whose `entities` name the entity files; an `ormconfig.ts` or `.js` may export a DataSource instead.
 */
const ormconfigs = ['ormconfig.json', 'ormconfig.js', 'ormconfig.cjs', 'ormconfig.ts', 'src/ormconfig.ts'];

/** Every file whose presence makes zero-config detection find something, relative to a package directory. */
export const projectConfigFiles: readonly string[] = [...drizzleConfigs, ...typeormDataSources, ...ormconfigs, '.sequelizerc'];

/**
 * Looks for the project's own ORM configuration in `directory`, as the ORMs' CLIs do when run there:
 * drizzle-kit's `drizzle.config.*` (its `schema` paths, `casing`, `schemaFilter`, `tablesFilter`), a
 * TypeORM DataSource module in the usual places, else TypeORM's `ormconfig.{json,js,cjs,ts}` (the entity files
 * its `entities` name, or the DataSource it exports), sequelize-cli's `.sequelizerc` (its `models-path`).
 * Every one found contributes. Returns `undefined` when none is found.
 *
 * @throws UsageError when a config is found but cannot be read or names no models.
 */
export async function detectProject(directory: string): Promise<DetectedProject | undefined> {
  const used: string[] = [];
  const sources: string[] = [];
  let detected: { casing?: 'snake_case' | 'camelCase'; schemas?: string[]; tables?: string[] } = {};

  const drizzleConfig = drizzleConfigs.find((name) => existsSync(join(directory, name)));
  if (drizzleConfig) {
    const drizzle = await readDrizzleKitConfig(directory, drizzleConfig);
    sources.push(...drizzle.schema);
    detected = drizzle.options;
    used.push(`${drizzleConfig} (${drizzle.described})`);
  }
  const dataSource = typeormDataSources.find((path) => existsSync(join(directory, path)));
  if (dataSource && !sources.includes(dataSource)) {
    sources.push(dataSource);
    used.push(`${dataSource} (a TypeORM data source)`);
  }
  const ormconfig = dataSource ? undefined : ormconfigs.find((path) => existsSync(join(directory, path)));
  if (ormconfig) {
    const legacy = await readOrmconfig(directory, ormconfig);
    sources.push(...legacy.sources);
    used.push(`${ormconfig} (${legacy.described})`);
  }
  if (existsSync(join(directory, '.sequelizerc'))) {
    const modelsPath = readSequelizerc(directory);
    sources.push(modelsPath);
    used.push(`.sequelizerc (models-path ${modelsPath})`);
  }
  if (sources.length === 0) return undefined;
  return { used, sources, ...detected };
}

/**
 * The `casing` of the project's drizzle.config, for modules named on the command line: the first drizzle.config.*
 * found in `directories` (the working directory, then each named module's directory up to its package's root), as
 * drizzle-kit finds it where it runs.
 * `undefined` when none is found, it sets no casing, or it cannot be read: the named modules are checked without
 * it then, as they were named.
 */
export async function drizzleKitCasing(directories: readonly string[]): Promise<{ casing: 'snake_case' | 'camelCase'; file: string } | undefined> {
  for (const directory of new Set(directories.map((path) => resolve(path)))) {
    const file = drizzleConfigs.find((name) => existsSync(join(directory, name)));
    if (!file) continue;
    const options = await readDrizzleKitConfig(directory, file).then(
      (read) => read.options,
      () => undefined,
    );
    return options?.casing ? { casing: options.casing, file } : undefined;
  }
  return undefined;
}

async function readDrizzleKitConfig(directory: string, file: string) {
  const exports = await importModule(join(directory, file), directory);
  const config = ('default' in exports ? exports['default'] : exports) as Record<string, unknown> | undefined;
  const list = (key: string): string[] | undefined => {
    const value = config?.[key];
    if (value === undefined) return undefined;
    if (typeof value === 'string') return [value];
    if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value;
    throw new UsageError(`${file}: "${key}" is neither a string nor an array of strings, as drizzle-kit requires`);
  };
  const schema = list('schema');
  if (!schema || schema.length === 0) throw new UsageError(`${file} has no "schema": ormdrift checks the schema modules drizzle-kit reads from it`);
  const casing = config?.['casing'] as 'snake_case' | 'camelCase' | undefined;
  if (casing !== undefined && casing !== 'snake_case' && casing !== 'camelCase') {
    throw new UsageError(`${file}: "casing" must be 'snake_case' or 'camelCase', as drizzle-kit requires`);
  }
  const schemas = list('schemaFilter');
  const tables = list('tablesFilter');
  const options = { ...(casing ? { casing } : {}), ...(schemas ? { schemas } : {}), ...(tables ? { tables } : {}) };
  const described = [
    `schema ${schema.join(', ')}`,
    ...(casing ? [`casing ${casing}`] : []),
    ...(schemas ? [`schemaFilter ${schemas.join(', ')}`] : []),
    ...(tables ? [`tablesFilter ${tables.join(', ')}`] : []),
  ].join('; ');
  // drizzle-kit reads `schema` relative to where it runs: the directory of its config
  return { schema: schema.map((path) => path.replace(/^\.\//, '')), options, described };
}

/** sequelize-cli's `.sequelizerc` is a CommonJS module without an extension, exporting `{ 'models-path': ... }`. */
function readSequelizerc(directory: string): string {
  const file = join(directory, '.sequelizerc');
  let options: Record<string, unknown>;
  try {
    options = createRequire(file)(file) as Record<string, unknown>;
  } catch (cause) {
    throw new UsageError(`.sequelizerc threw while being read: ${(cause as Error).message.split('\n')[0]}`, { cause });
  }
  const modelsPath = options['models-path'];
  const path = typeof modelsPath === 'string' ? modelsPath : 'models';
  if (!existsSync(resolve(directory, path))) throw new UsageError(`.sequelizerc: its models-path ${path} does not exist`);
  return relative(directory, resolve(directory, path)) || '.';
}

/**
 * What an `ormconfig.*` names: the file itself when it exports a DataSource, else the entity paths and
 * globs of its connection options (of the connection named `default`, or the first, when it lists several),
 * which TypeORM reads relative to the project directory.
 */
async function readOrmconfig(directory: string, file: string): Promise<{ sources: string[]; described: string }> {
  const path = join(directory, file);
  let value: unknown;
  if (file.endsWith('.json')) {
    try {
      value = JSON.parse(readFileSync(path, 'utf8'));
    } catch (cause) {
      throw new UsageError(`${file} is not valid JSON: ${(cause as Error).message}`, { cause });
    }
  } else {
    const exports = await importModule(path, directory);
    value = 'default' in exports ? exports['default'] : exports;
    // a module that builds a DataSource is read as any data source module is
    if (Object.values(exports).some(isDataSource) || isDataSource(value)) return { sources: [file], described: 'a TypeORM data source' };
  }
  const connections = (Array.isArray(value) ? value : [value]) as Record<string, unknown>[];
  const options = connections.find((connection) => (connection?.['name'] ?? 'default') === 'default') ?? connections[0];
  const entities = Array.isArray(options?.['entities']) ? options['entities'].filter((entity): entity is string => typeof entity === 'string') : [];
  if (entities.length === 0) {
    throw new UsageError(`${file} names no entity files in "entities": list the entity modules as "sources" in ormdrift.config.ts`);
  }
  const sources = entities.map((entity) => (isAbsolute(entity) ? relative(directory, entity) : entity.replace(/^\.\//, '')).replace(/\\/g, '/'));
  return { sources, described: `entities ${sources.join(', ')}` };
}

/** A TypeORM DataSource (or 0.2 Connection) instance, told by its shape: the user's copy of TypeORM is not ours. */
function isDataSource(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'options' in value && 'manager' in value && ('isInitialized' in value || 'isConnected' in value);
}

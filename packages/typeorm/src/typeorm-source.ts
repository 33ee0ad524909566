import { createRequire } from 'node:module';
import { isAbsolute } from 'node:path';
import {
  moduleFormat,
  packageLocation,
  resolvesPackage,
  readingPause,
  type EnumModel,
  type LoadedSource,
  type SchemaSource,
  type SourceProblem,
  type TableModel,
} from '@ormdrift/core';
import { entityTable, schemaOf } from './entity-table.ts';
import { ensureDriver } from './lazy-driver.ts';
import { isDataSource, metadataArgsStorage } from './recognize.ts';
import type { DataSourceLike, EntitySchemaLike, LoadableDataSource } from './typeorm-shapes.ts';
import { declaredEntities } from './typeorm-shapes.ts';
import { assertSupportedTypeorm } from './typeorm-version.ts';

export interface TypeormSourceOptions {
  /** The registry's name in reports; by default the DataSource's name. */
  readonly name?: string;
  /** The file that declared it, for provenance. */
  readonly file?: string;
  /**
   * Where to resolve `typeorm` from when given bare entities (a path inside the user's
   * project): the DataSource that holds them must come from the user's own copy of TypeORM.
   * That copy's version is checked against the versions ormdrift reads; the CLI passes the
   * module's path. Without it (or when `typeorm` does not resolve from there), the copy is the one that made the
   * objects: the module of the DataSource's class, or of the decorator storage the entities were registered in,
   * among the modules the process loaded (see `packageLocation`); never one found from the current directory.
   */
  readonly resolveFrom?: string;
}

/**
 * A TypeORM registry as a schema source: a DataSource, or entity classes and EntitySchemas
 * (checked as one DataSource of their own). Metadata is built without connecting anywhere.
 */
export function typeormSource(registry: DataSourceLike | readonly (Function | EntitySchemaLike)[], options: TypeormSourceOptions = {}): SchemaSource {
  const name = options.name ?? (isDataSource(registry) ? (registry.name ?? 'default') : 'entities');
  return {
    name: `typeorm:${name}`,
    async load(): Promise<LoadedSource> {
      const from = typeormLocation(registry, options.resolveFrom);
      assertSupportedTypeorm(from);
      // a DataSource is one when it has its (protected in the typings) buildMetadatas; anything else is a list of entities
      const dataSource = isDataSource(registry) ? registry : createDataSource(registry as readonly (Function | EntitySchemaLike)[], from, options.resolveFrom);
      if ((dataSource.entityMetadatas?.length ?? 0) === 0) {
        await ensureDriver(dataSource, name);
        await buildMetadatas(dataSource, name);
      }

      const tables: TableModel[] = [];
      // the tables of entities TypeORM builds no schema from (`synchronize: false`)
      const readModels = new Set<TableModel>();
      const enums = new Map<string, EnumModel>();
      const problems: SourceProblem[] = [];
      for (const [index, entity] of dataSource.entityMetadatas.entries()) {
        await readingPause(index);
        // single-table-inheritance children live in their parent's table (whose metadata holds
        // their columns, nullable); views are not tables
        if (entity.tableType === 'entity-child' || entity.tableType === 'view') continue;
        const mapped = entityTable(dataSource, entity, { orm: 'typeorm', registry: name, ...(options.file ? { file: options.file } : {}) });
        tables.push(mapped.table);
        if (entity.synchronize === false) readModels.add(mapped.table);
        problems.push(...mapped.problems);
        for (const declared of mapped.enums) enums.set(`${declared.schema}.${declared.name}`, enums.get(`${declared.schema}.${declared.name}`) ?? declared);
      }
      if (tables.length === 0) unmatchedGlobs(dataSource, name, options.resolveFrom);
      return { schema: { tables: readModelsYield(tables, readModels), enums: [...enums.values()] }, problems };
    },
    // an initialized DataSource has built its metadata: its tables' schemas are known before they are read
    schemas(): readonly string[] | undefined {
      if (!isDataSource(registry) || (registry.entityMetadatas?.length ?? 0) === 0) return undefined;
      const tables = registry.entityMetadatas.filter((entity) => entity.tableType !== 'view');
      return [...new Set(tables.map((entity) => schemaOf(registry, entity)))];
    },
  };
}

/**
 * Each `synchronize: false` entity's table where an entity TypeORM builds from declares the same table: only the
 * columns that one does not declare, and none of its keys, constraints or indexes. TypeORM's schema sync and
 * migration:generate leave such an entity out, so the table is what the other entity declares; its own column
 * declarations are read mappings (an `@Column() email` over a `varchar(320)`), not a second definition to conflict
 * with. Its other columns must still exist: its queries select them. A `synchronize: false` entity alone on its table
 * (a table another system builds) is read in full.
 */
function readModelsYield(tables: readonly TableModel[], readModels: ReadonlySet<TableModel>): TableModel[] {
  if (readModels.size === 0) return [...tables];
  const key = (table: TableModel) => `${table.schema}\u0000${table.name}`;
  const built = new Map<string, TableModel[]>();
  for (const table of tables) if (!readModels.has(table)) built.set(key(table), [...(built.get(key(table)) ?? []), table]);
  return tables.flatMap((table): TableModel[] => {
    const builders = readModels.has(table) ? built.get(key(table)) : undefined;
    if (builders === undefined) return [table];
    const declared = new Set(builders.flatMap((builder) => builder.columns.map((column) => column.name)));
    const columns = table.columns.filter((column) => !declared.has(column.name));
    if (columns.length === 0) return [];
    return [{ ...table, columns, primaryKey: null, foreignKeys: [], uniques: [], indexes: [], checks: [], exclusions: [] }];
  });
}

/**
 * TypeORM resolves relative `entities` globs from the current directory, not from the file that declares them: run
 * from a monorepo root, `src/entities/*.ts` matches nothing and the DataSource silently declares no table.
 */
function unmatchedGlobs(dataSource: DataSourceLike, name: string, file: string | undefined): void {
  const globs = declaredEntities(dataSource).filter((entry): entry is string => typeof entry === 'string');
  if (globs.length === 0) return;
  const listed = globs.map((glob) => `"${glob}"`).join(', ');
  // an absolute glob does not depend on the current directory: moving elsewhere or using __dirname changes nothing
  if (globs.every((glob) => isAbsolute(glob))) {
    throw new Error(
      `the entities glob${globs.length > 1 ? 's' : ''} ${listed} of ${name} matched no entity: no file there exports one; ` +
        'check the path and the extension (a glob of built .js files finds nothing before the build, one of .ts files nothing in the build)',
    );
  }
  throw new Error(
    `the entities glob${globs.length > 1 ? 's' : ''} ${listed} of ${name} matched no entity from ${process.cwd()} ` +
      '(TypeORM resolves relative globs from the current directory): run ormdrift from the directory the app runs from, ' +
      `or build the glob from the file's own directory (${ownDirectory(file)})`,
  );
}

/**
 * How the declaring file names its own directory: `__dirname` exists only in CommonJS; an ES module (as Node decides,
 * see `moduleFormat`) has `import.meta.dirname` (Node 20.11+).
 */
function ownDirectory(file: string | undefined): string {
  const esm = "path.join(import.meta.dirname, ...), or fileURLToPath(new URL('.', import.meta.url)) before Node 20.11";
  if (file === undefined) return `path.join(__dirname, ...) in CommonJS, ${esm} in an ES module`;
  return moduleFormat(file) === 'esm' ? esm : 'path.join(__dirname, ...)';
}

async function buildMetadatas(dataSource: LoadableDataSource, name: string): Promise<void> {
  try {
    await dataSource.buildMetadatas();
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    const hint = /Data type "Object"/.test(message)
      ? ' (a property typed as a union such as `string | null` reflects as Object: give the column an explicit type, e.g. @Column({ type: "text", nullable: true }))'
      : '';
    throw new Error(`TypeORM could not build the metadata of ${name}: ${message}${hint}`, { cause });
  }
}

/**
 * A file from which `typeorm` resolves to the copy that made `registry`: `resolveFrom` when it resolves there, else the
 * loaded module of the DataSource's class, of the decorator storage's class (the copy whose decorators registered the
 * entity classes: every copy shares that one global storage) or of an EntitySchema's class.
 */
function typeormLocation(registry: DataSourceLike | readonly unknown[], resolveFrom: string | undefined): string | undefined {
  if (resolveFrom !== undefined && resolvesPackage('typeorm', resolveFrom)) return resolveFrom;
  return packageLocation('typeorm', isDataSource(registry) ? [registry] : [metadataArgsStorage(), ...(registry as readonly unknown[])]);
}

/**
 * A DataSource of the user's own TypeORM over bare entities. Throws one line naming the entities, where typeorm was
 * looked for, and what to pass instead, when no copy of TypeORM is found.
 */
function createDataSource(entities: readonly unknown[], from: string | undefined, resolveFrom: string | undefined): LoadableDataSource {
  if (from === undefined) {
    const names = entities.map((entity) => (typeof entity === 'function' ? entity.name : (entity as EntitySchemaLike).options.name)).join(', ');
    throw new Error(
      `the typeorm package that declared the entities ${names} was not found: it is in no module the process loaded${resolveFrom === undefined ? '' : ` and does not resolve from ${resolveFrom}`}; ` +
        "pass the app's DataSource, which holds its entities, instead of the entity classes, or install typeorm where the entities' modules import it",
    );
  }
  const { DataSource } = createRequire(from)('typeorm') as { DataSource: new (options: object) => LoadableDataSource };
  // `driver` stands in for the `pg` module: metadata needs no connection, so none is ever opened.
  return new DataSource({ type: 'postgres', entities, driver: {} });
}

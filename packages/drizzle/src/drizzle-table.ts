import { identifierAsPrinted, indexKeyText, postgresIdentifier, referentialAction, type IndexKeyText } from '@ormdrift/core';
import { getTableName } from 'drizzle-orm';
import type {
  CheckModel,
  ColumnModel,
  ForeignKeyModel,
  IndexKeyOptions,
  IndexModel,
  PrimaryKeyModel,
  Provenance,
  SourceProblem,
  TableModel,
  UniqueModel,
} from '@ormdrift/core';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import { drizzleColumnDefault, isSerialColumn, UnrenderableDefault } from './column-default.ts';
import { drizzleColumnType, type ColumnEnum } from './column-type.ts';
import { columnUniqueName } from './column-unique-name.ts';
import { unnamedForeignKeyName, unnamedPrimaryKeyName } from './constraint-names.ts';
import { columnName, type DrizzleCasing, type NamedColumn } from './drizzle-casing.ts';
import { isSql, sqlText } from './sql-text.ts';
import { drizzleIdentitySequence, type DrizzleIdentity } from './drizzle-sequence.ts';

/** The `sequence` property of an identity column that declares sequence options or a sequence name. */
function identitySequence(identity: DrizzleIdentity | undefined, schema: string): Pick<ColumnModel, 'sequence'> {
  const sequence = identity === undefined ? undefined : drizzleIdentitySequence(identity, schema);
  return sequence === undefined ? {} : { sequence };
}

export interface DrizzleTable {
  readonly table: TableModel;
  /** Every enum type a column of the table uses, exported or not. */
  readonly enums: readonly ColumnEnum[];
  readonly problems: readonly SourceProblem[];
}

type TableConfig = ReturnType<typeof getTableConfig>;
/** Where drizzle-orm keeps a table's schema (`Table.Symbol.Schema`, registered globally, as all its brands). */
const tableSchema = Symbol.for('drizzle:Schema');
type Index = TableConfig['indexes'][number];

/** Maps one Drizzle table into the table drizzle-kit's migration creates for it. */
export function drizzleTable(pgTable: PgTable, source: Provenance, casing: DrizzleCasing | undefined): DrizzleTable {
  const config = getTableConfig(pgTable);
  // drizzle-kit sends names as declared; PostgreSQL stores every identifier cut to 63 bytes
  const qualified = { schema: config.schema ?? 'public', name: postgresIdentifier(config.name) };
  const nameOf = (column: NamedColumn) => postgresIdentifier(columnName(column, casing));
  const problems: SourceProblem[] = [];
  const enums: ColumnEnum[] = [];

  const primaryKey = primaryKeyOf(config, casing);
  // PostgreSQL makes every primary-key column NOT NULL, whatever the model says.
  const keyColumns = new Set(primaryKey?.columns ?? []);

  const columnDefault = (column: TableConfig['columns'][number], name: string): string | null => {
    try {
      return drizzleColumnDefault(column, { table: qualified, column: name, casing });
    } catch (cause) {
      if (!(cause instanceof UnrenderableDefault)) throw cause;
      problems.push({
        type: 'unsupported-type',
        ref: `${source.model ?? config.name}.${column.name}`,
        message: `${cause.message}: it is checked as if the column had no database default`,
      });
      return null;
    }
  };

  const columns = config.columns.map((column): ColumnModel => {
    const name = nameOf(column);
    const resolved = drizzleColumnType(column);
    if (resolved.enum) enums.push(resolved.enum);
    // a serial is NOT NULL whatever the model says
    const nullable = !column.notNull && !keyColumns.has(name) && !isSerialColumn(column);
    // built in place, not by spreading optional parts: this runs for every column of every table
    const model: { -readonly [K in keyof ColumnModel]: ColumnModel[K] } = {
      name,
      type: resolved.type,
      nullable,
      default: columnDefault(column, name),
      identity: column.generatedIdentity === undefined ? null : column.generatedIdentity.type === 'always' ? 'always' : 'by-default',
      ...(column.generatedIdentity === undefined ? {} : identitySequence(column.generatedIdentity, qualified.schema)),
      generated: column.generated === undefined ? null : generatedExpression(column.generated.as, casing),
    };
    // `$defaultFn()`: drizzle-orm computes the value on insert, the database never sees it
    if (model.default === null && typeof (column as { defaultFn?: unknown }).defaultFn === 'function') model.ormComputesDefault = '$defaultFn()';
    // Drizzle has no `.nullable()`: a column not marked `.notNull()` is nullable by default, the model does not say
    if (nullable) model.inherited = ['nullable'];
    return model;
  });

  // drizzle-orm names every unique itself (`<table>_<column>_unique`) when the user does not
  const uniques: UniqueModel[] = [
    // every column carries a `uniqueName`, unique or not: only `isUnique` makes a constraint
    ...config.columns
      .filter((column) => column.isUnique)
      .map((column) => ({
        ...cut(columnUniqueName(column, config.name, nameOf(column))),
        columns: [nameOf(column)],
        nullsNotDistinct: column.uniqueType === 'not distinct',
      })),
    ...config.uniqueConstraints.map((unique) => ({ ...cut(unique.name), columns: unique.columns.map(nameOf), nullsNotDistinct: unique.nullsNotDistinct })),
  ];
  const indexes: IndexModel[] = [];
  const tableColumns = columns.map((column) => column.name);
  for (const index of config.indexes) {
    const mapped = indexModel(index, config.name, tableColumns, casing);
    if (mapped === undefined) {
      problems.push({
        type: 'ignored-declaration',
        ref: `${source.model ?? config.name}`,
        message: 'an index on an expression has no name (drizzle-kit refuses to generate it too); give it one with index("name") to have it checked',
      });
    } else if ('nullsNotDistinct' in mapped) uniques.push(mapped);
    else indexes.push(mapped);
  }

  const foreignKeys = config.foreignKeys.map((foreignKey): ForeignKeyModel => {
    const reference = foreignKey.reference();
    // only the referenced table's name: getTableConfig() would build all its indexes and constraints again
    const target = {
      name: getTableName(reference.foreignTable),
      schema: (reference.foreignTable as unknown as Record<symbol, string | undefined>)[tableSchema],
    };
    const from = reference.columns.map(nameOf);
    const to = reference.foreignColumns.map(nameOf);
    const declaredNames = (columns: readonly NamedColumn[]) => columns.map((column) => columnName(column, casing));
    return {
      // drizzle-kit names keys from the names as declared; PostgreSQL then cuts the result to 63 bytes
      name: postgresIdentifier(
        unnamedForeignKeyName(foreignKey, config.name, declaredNames(reference.columns), target.name, declaredNames(reference.foreignColumns)) ??
          casedName(foreignKey.getName(), [...reference.columns, ...reference.foreignColumns], casing),
      ),
      columns: from,
      references: { schema: target.schema ?? 'public', name: postgresIdentifier(target.name), columns: to },
      onDelete: referentialAction(foreignKey.onDelete),
      onUpdate: referentialAction(foreignKey.onUpdate),
      ...inheritedActions(foreignKey),
    };
  });

  // drizzle-kit writes each `check(name, sql)` as `CONSTRAINT "<name>" CHECK (<sql>)`
  const checks: CheckModel[] = (config.checks ?? []).map((check) => ({ name: postgresIdentifier(check.name), expression: sqlText(check.value, casing) }));

  const table: TableModel = {
    ...qualified,
    kind: 'table',
    columns,
    primaryKey,
    foreignKeys,
    uniques,
    indexes,
    ...(checks.length > 0 ? { checks } : {}),
    sources: [source],
  };
  return { table, enums, problems };
}

/**
 * The actions a `references()` / `foreignKey()` leaves to Drizzle. Its foreign-key builder starts from
 * 'no action' and keeps it unless an action is given, so an action counts as inherited when it is
 * absent or equals that default.
 */
function inheritedActions(foreignKey: { readonly onDelete?: string | undefined; readonly onUpdate?: string | undefined }): Pick<ForeignKeyModel, 'inherited'> {
  const inherited = (['onDelete', 'onUpdate'] as const).filter((action) => foreignKey[action] === undefined || foreignKey[action] === 'no action');
  return inherited.length > 0 ? { inherited } : {};
}

/** A composite `primaryKey({ columns })` from the table's extra config, else the columns marked `.primaryKey()`. */
function primaryKeyOf(config: TableConfig, casing: DrizzleCasing | undefined): PrimaryKeyModel | null {
  const composite = config.primaryKeys[0];
  const nameOf = (column: NamedColumn) => postgresIdentifier(columnName(column, casing));
  if (composite) {
    const name = unnamedPrimaryKeyName(composite, config.name) ?? casedName(composite.getName(), composite.columns, casing);
    return { name: postgresIdentifier(name), columns: composite.columns.map(nameOf) };
  }
  // an inline `.primaryKey()` is left for PostgreSQL to name (`<table>_pkey`)
  const marked = config.columns.filter((column) => column.primary);
  return marked.length > 0 ? { columns: marked.map(nameOf) } : null;
}

/**
 * `index()` is an index; `uniqueIndex()` on plain columns is a uniqueness guarantee like a UNIQUE
 * constraint, and with `.where()` a partial one: it guarantees uniqueness only where its predicate holds, and is
 * compared as a unique (so an index of that name built without UNIQUE is a missing unique, never a match). A
 * unique index on an expression is checked as an index, by name and its keys' SQL text (each expression as
 * drizzle-kit writes it, a column as its quoted name).
 * A `sql` key that names a column of the table, with only options after it (`sql\`${t.title} gin_trgm_ops\``,
 * `sql\`"title" collate "C" desc\``), is that column key with those options, as `.op()` / `.desc()` spell it:
 * drizzle-kit writes both into the same CREATE INDEX. Each key is read on its own, so an index can mix column and
 * expression keys.
 * An expression index with no name is undefined: drizzle-kit cannot name it either.
 */
function indexModel(index: Index, table: string, tableColumns: readonly string[], casing: DrizzleCasing | undefined): IndexModel | UniqueModel | undefined {
  const { config } = index;
  if (config.columns.some(isSql) && config.name === undefined) return undefined;
  const keys = config.columns.map(
    (column): IndexKeyText =>
      isSql(column)
        ? indexKeyText(sqlText(column, casing, { index: true }), tableColumns)
        : { column: postgresIdentifier(columnName(column as NamedColumn, casing)), options: builderKeyOptions(column as IndexedColumnLike) },
  );
  const expression = keys.some((key) => key.column === undefined);
  const columns = expression ? [] : keys.map((key) => key.column!);
  const name = postgresIdentifier(config.name ?? `${table}_${config.columns.map((column) => columnName(column as NamedColumn, casing)).join('_')}_index`);
  const where = config.where === undefined ? {} : { where: sqlText(config.where, casing) };
  // drizzle-orm has no NULLS NOT DISTINCT on an index (only on unique()), so a unique index lets NULLs repeat
  if (config.unique && !expression) return { name, columns, nullsNotDistinct: false, ...where };
  // `.using('gin', ...)`: drizzle-kit writes USING only for a method other than btree
  const method = typeof config.method === 'string' && config.method !== 'btree' ? { method: config.method } : {};
  const options = keys.map((key) => key.options);
  const keyOptions = options.some((option) => Object.keys(option).length > 0) ? { keys: options } : {};
  // in an expression index a column key reads as its quoted name, as the server deparses it
  const expressions = expression ? { expressions: keys.map((key) => key.expression ?? identifierAsPrinted(key.column!)) } : {};
  // a unique index on an expression is not a unique: whether it rejects duplicates is compared on the index
  return { name, columns, ...where, ...method, ...keyOptions, ...expressions, ...(expression && config.unique ? { unique: true } : {}) };
}

/** What `.op()`, `.desc()`, `.nullsFirst()` / `.nullsLast()` set on an indexed column (drizzle-orm's `indexConfig`). */
interface IndexedColumnLike {
  readonly indexConfig?: { readonly order?: string; readonly nulls?: string; readonly opClass?: string };
}

/**
 * A builder key's options as drizzle-kit writes them into CREATE INDEX. drizzle-orm's nulls default is 'last' in
 * both directions, so `.desc()` is `DESC NULLS LAST`; with an operator class drizzle-kit writes the class alone,
 * without order or nulls.
 */
function builderKeyOptions(column: IndexedColumnLike): IndexKeyOptions {
  const config = column.indexConfig ?? {};
  if (config.opClass) return { opclass: config.opClass };
  const descending = config.order === 'desc';
  const nullsFirst = config.nulls === 'first';
  return { ...(descending ? { descending } : {}), ...(nullsFirst !== descending ? { nullsFirst } : {}) };
}

function cut(name: string | undefined): { name?: string } {
  return name === undefined ? {} : { name: postgresIdentifier(name) };
}

function generatedExpression(as: unknown, casing: DrizzleCasing | undefined): string {
  const value = typeof as === 'function' ? (as as () => unknown)() : as;
  return isSql(value) ? sqlText(value, casing) : String(value);
}

/** drizzle-kit renames a default constraint name column by column when a casing applies. */
function casedName(name: string, columns: readonly NamedColumn[], casing: DrizzleCasing | undefined): string {
  return columns.reduce((renamed, column) => renamed.replace(column.name, columnName(column, casing)), name);
}

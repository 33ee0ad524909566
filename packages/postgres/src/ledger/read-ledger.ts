import type { Queryable } from '../introspect/queryable.ts';
import type { MigrationsKind } from '../migrate/migrations-kind.ts';
import { LedgerNotFoundError, type LedgerEntry, type MigrationLedger } from './migration-ledger.ts';

export interface ReadLedgerOptions {
  /** The ledger table's name when the project configured another (TypeORM `migrationsTableName`...). */
  readonly table?: string;
  /** Its schema; by default the tool's own (`drizzle` for drizzle) or any schema on the search path. */
  readonly schema?: string;
}

/** Names a plain-SQL runner commonly gives its ledger, in the order they are preferred. */
const sqlLedgerTables = ['schema_migrations', 'migrations', '_migrations', 'schema_version', 'migration_history', 'applied_migrations'];
/** Columns that hold the migration's name in such a ledger, in the order they are preferred. */
const sqlNameColumns = ['version', 'migration_name', 'name', 'filename', 'file_name', 'migration'];

/**
 * Reads the ledger that the migrations' tool keeps in the database: TypeORM's `migrations` table (column
 * `name`), drizzle's `drizzle.__drizzle_migrations` (`hash`, `created_at`), Sequelize's `SequelizeMeta`
 * (`name`), and for plain SQL a `schema_migrations`-style table whose name column is detected. Read-only.
 * Throws {@link LedgerNotFoundError} when the table is not there.
 */
export async function readLedger(client: Queryable, kind: MigrationsKind, options: ReadLedgerOptions = {}): Promise<MigrationLedger> {
  switch (kind) {
    case 'typeorm':
      return readNamed(client, options.table ?? 'migrations', options.schema, 'name', 'id');
    case 'sequelize':
      return readNamed(client, options.table ?? 'SequelizeMeta', options.schema, 'name', 'name');
    case 'drizzle':
      return readDrizzle(client, options.table ?? '__drizzle_migrations', options.schema ?? 'drizzle');
    case 'sql':
      return readSql(client, options);
  }
}

interface TableRow {
  schema: string;
  table: string;
  columns: string[];
}

/** The tables of that name (in `schema`, or in any schema on the search path, nearest first) with their columns. */
async function findTables(client: Queryable, names: readonly string[], schema: string | undefined): Promise<TableRow[]> {
  const { rows } = await client.query(
    `select n.nspname as schema, c.relname as table,
            array(select a.attname::text from pg_attribute a where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped order by a.attnum) as columns
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind in ('r', 'p', 'v') and c.relname = any($1::text[])
        and ($2::text is null and n.nspname = any(current_schemas(false)) or n.nspname = $2::text)
      order by array_position(current_schemas(false), n.nspname::name), array_position($1::text[], c.relname::text)`,
    [names, schema ?? null],
  );
  return rows as TableRow[];
}

async function readNamed(client: Queryable, table: string, schema: string | undefined, column: string, order: string): Promise<MigrationLedger> {
  const [found] = await findTables(client, [table], schema);
  if (!found) throw notFound([table], schema);
  const { rows } = await client.query(`select ${quote(column)}::text as name from ${qualified(found)} order by ${quote(order)}`);
  return {
    table: `${found.schema}.${found.table}`,
    at: { schema: found.schema, name: found.table },
    entries: (rows as { name: string }[]).map((row) => ({ name: row.name })),
  };
}

async function readDrizzle(client: Queryable, table: string, schema: string): Promise<MigrationLedger> {
  const [found] = await findTables(client, [table], schema);
  if (!found) throw notFound([table], schema);
  const { rows } = await client.query(`select hash, created_at::text as created_at from ${qualified(found)} order by id`);
  return {
    table: `${found.schema}.${found.table}`,
    at: { schema: found.schema, name: found.table },
    entries: (rows as { hash: string; created_at: string | null }[]).map(
      (row): LedgerEntry => ({ name: row.hash, hash: row.hash, ...(row.created_at === null ? {} : { createdAt: Number(row.created_at) }) }),
    ),
  };
}

async function readSql(client: Queryable, options: ReadLedgerOptions): Promise<MigrationLedger> {
  const names = options.table ? [options.table] : sqlLedgerTables;
  const tables = await findTables(client, names, options.schema);
  for (const found of tables) {
    const column = sqlNameColumns.find((name) => found.columns.includes(name));
    if (!column) continue;
    const order = found.columns.includes('id') ? 'id' : column;
    const { rows } = await client.query(`select ${quote(column)}::text as name from ${qualified(found)} order by ${quote(order)}`);
    return {
      table: `${found.schema}.${found.table}`,
      at: { schema: found.schema, name: found.table },
      entries: (rows as { name: string }[]).map((row) => ({ name: row.name })),
    };
  }
  if (tables[0]) {
    throw new LedgerNotFoundError(
      `the ledger ${tables[0].schema}.${tables[0].table} has none of the columns ${sqlNameColumns.join(', ')}: pass --ledger with the right table`,
    );
  }
  throw notFound(names, options.schema);
}

function notFound(names: readonly string[], schema: string | undefined): LedgerNotFoundError {
  const where = schema ? ` in schema ${schema}` : '';
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
  return new LedgerNotFoundError(`no ledger table ${list} found${where}; is this the right database?`);
}

function qualified(row: TableRow): string {
  return `${quote(row.schema)}.${quote(row.table)}`;
}

function quote(identifier: string): string {
  return `"${identifier.replace(/"/g, '""')}"`;
}

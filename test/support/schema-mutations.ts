import pg from 'pg';

/** One way to take an object away from a database an ORM built. */
export interface Removal {
  readonly what: string;
  readonly sql: string;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

/**
 * Every single object of the database that a mutation may remove, read from pg_catalog: each
 * column, table, plain index, unique constraint, primary key, foreign key, check, and each enum value
 * that no default uses. Each removal tolerates an earlier one having removed it already
 * (`IF EXISTS`, `CASCADE`), so any subset can run in any order.
 */
export async function removableObjects(url: string): Promise<Removal[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const userSchemas = `n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_%'`;
    const tables = (
      await client.query<{ schema: string; name: string }>(`
        select n.nspname as schema, c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where ${userSchemas} and c.relkind in ('r', 'p') and not c.relispartition order by 1, 2`)
    ).rows;
    const columns = (
      await client.query<{ schema: string; table: string; name: string }>(`
        select n.nspname as schema, c.relname as table, a.attname as name
        from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
        where ${userSchemas} and c.relkind in ('r', 'p') and not c.relispartition and a.attnum > 0 and not a.attisdropped order by 1, 2, a.attnum`)
    ).rows;
    const constraints = (
      await client.query<{ schema: string; table: string; name: string; type: string }>(`
        select n.nspname as schema, c.relname as table, k.conname as name, k.contype as type
        from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace
        where ${userSchemas} and k.contype in ('p', 'u', 'f', 'c') order by 1, 2, 3`)
    ).rows;
    // indexes that back no constraint (those go with their constraint)
    const indexes = (
      await client.query<{ schema: string; name: string }>(`
        select n.nspname as schema, c.relname as name from pg_index i join pg_class c on c.oid = i.indexrelid join pg_namespace n on n.oid = c.relnamespace
        where ${userSchemas} and not exists (select from pg_constraint k where k.conindid = i.indexrelid and k.contype in ('p', 'u', 'x')) order by 1, 2`)
    ).rows;
    const values = (
      await client.query<{ schema: string; type: string; value: string; count: number }>(`
        select n.nspname as schema, t.typname as type, e.enumlabel as value, count(*) over (partition by t.oid)::int as count
        from pg_enum e join pg_type t on t.oid = e.enumtypid join pg_namespace n on n.oid = t.typnamespace
        where ${userSchemas}
          and not exists (select from pg_attrdef d where pg_get_expr(d.adbin, d.adrelid) like '%' || quote_literal(e.enumlabel) || '%')
          -- a partial index comparing the column with a label cannot follow the type to its copy
          and not exists (select from pg_index i where i.indpred is not null and position(t.typname in pg_get_expr(i.indpred, i.indrelid)) > 0)
        order by 1, 2, e.enumsortorder`)
    ).rows;
    const table = (row: { schema: string; table: string }) => `${quote(row.schema)}.${quote(row.table)}`;
    return [
      ...columns.map((row) => ({
        what: `column ${row.schema}.${row.table}.${row.name}`,
        sql: `alter table if exists ${table(row)} drop column if exists ${quote(row.name)} cascade`,
      })),
      ...tables.map((row) => ({ what: `table ${row.schema}.${row.name}`, sql: `drop table if exists ${quote(row.schema)}.${quote(row.name)} cascade` })),
      ...indexes.map((row) => ({ what: `index ${row.schema}.${row.name}`, sql: `drop index if exists ${quote(row.schema)}.${quote(row.name)}` })),
      ...constraints.map((row) => ({
        what: `${{ p: 'primary key', u: 'unique', f: 'foreign key', c: 'check' }[row.type]} ${row.schema}.${row.table}.${row.name}`,
        sql: `alter table if exists ${table(row)} drop constraint if exists ${quote(row.name)} cascade`,
      })),
      ...values
        .filter((row) => row.count > 1)
        .map((row) => ({ what: `enum value ${row.schema}.${row.type}.${row.value}`, sql: dropEnumValue(row.schema, row.type, row.value) })),
    ];
  } finally {
    await client.end();
  }
}

/**
 * PostgreSQL cannot drop an enum value: rebuild the type without it and move every column (and
 * array column) of it over, keeping their defaults. The database is empty, so no row holds it.
 */
function dropEnumValue(schema: string, type: string, value: string): string {
  const name = `${quote(schema)}.${quote(type)}`;
  return `do $mutation$ declare col record; labels text[]; begin
    if to_regtype(${literal(name)}) is null then return; end if;
    select array_agg(enumlabel order by enumsortorder) into labels from pg_enum where enumtypid = to_regtype(${literal(name)}) and enumlabel <> ${literal(value)};
    if labels is null or cardinality(labels) = (select count(*) from pg_enum where enumtypid = to_regtype(${literal(name)})) then return; end if;
    alter type ${name} rename to mutation_old_enum;
    execute format('create type %s as enum (%s)', ${literal(name)}, (select string_agg(quote_literal(l), ', ') from unnest(labels) l));
    for col in select a.attrelid::regclass as rel, a.attname, a.atttypid = ${literal(`${quote(schema)}.mutation_old_enum`)}::regtype as scalar, pg_get_expr(d.adbin, d.adrelid) as def
      from pg_attribute a join pg_class c on c.oid = a.attrelid left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
      where a.atttypid in (${literal(`${quote(schema)}.mutation_old_enum`)}::regtype, (select typarray from pg_type where oid = ${literal(`${quote(schema)}.mutation_old_enum`)}::regtype))
        and a.attnum > 0 and not a.attisdropped and c.relkind in ('r', 'p') and not c.relispartition
    loop
      if col.def is not null then execute format('alter table %s alter column %I drop default', col.rel, col.attname); end if;
      execute format('alter table %s alter column %I type %s%s using %I::text%s::%s%s', col.rel, col.attname, ${literal(name)}, case when col.scalar then '' else '[]' end,
        col.attname, case when col.scalar then '' else '[]' end, ${literal(name)}, case when col.scalar then '' else '[]' end);
      if col.def is not null then execute format('alter table %s alter column %I set default %s', col.rel, col.attname, replace(col.def, 'mutation_old_enum', ${literal(quote(type))})); end if;
    end loop;
    drop type ${quote(schema)}.mutation_old_enum;
  end $mutation$`;
}

/** A small seeded generator (mulberry32): the same seed gives the same cases on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` removals picked at random without repeats. */
export function pick<T>(items: readonly T[], count: number, random: () => number): T[] {
  const pool = [...items];
  const chosen: T[] = [];
  while (chosen.length < count && pool.length > 0) chosen.push(pool.splice(Math.floor(random() * pool.length), 1)[0]!);
  return chosen;
}

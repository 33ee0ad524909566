import pg from 'pg';

/**
 * Everything of a database's schema a fix or its rollback could change, read straight from
 * pg_catalog (not through ormdrift's introspector, which is under test): relations, columns with
 * their types, nullability, defaults, identity and generation, every constraint and index by its
 * definition, and enum labels in order. Two snapshots are equal when the schemas are.
 *
 * Given a URL, on a session of its own; given a connected client (a test that takes several snapshots of one
 * database: a PostgreSQL session costs its server ~30 ms of CPU to start), on that client, whose search_path it sets.
 */
export async function catalogSnapshot(target: string | pg.Client) {
  const client = typeof target === 'string' ? new pg.Client({ connectionString: target }) : target;
  if (typeof target === 'string') await client.connect();
  try {
    // one search_path, so that format_type() and pg_get_expr() qualify names the same way every time
    await client.query('set search_path = pg_catalog, public');
    const userSchemas = `n.nspname not in ('pg_catalog', 'information_schema', 'pg_toast') and n.nspname not like 'pg\\_temp%' and n.nspname not like 'pg\\_toast%'`;
    const rows = async (sql: string) => (await client.query(sql)).rows as Record<string, unknown>[];
    return {
      relations: await rows(`
        select n.nspname as schema, c.relname as name, c.relkind as kind
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where ${userSchemas} and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')
        order by 1, 2`),
      columns: await rows(`
        select n.nspname as schema, c.relname as table, a.attname as name, format_type(a.atttypid, a.atttypmod) as type,
               a.attnotnull as not_null, pg_get_expr(d.adbin, d.adrelid) as default, a.attidentity as identity, a.attgenerated as generated
        from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
        left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
        where ${userSchemas} and c.relkind in ('r', 'p', 'v', 'm', 'f') and a.attnum > 0 and not a.attisdropped
        order by 1, 2, a.attnum`),
      constraints: await rows(`
        select n.nspname as schema, c.relname as table, k.conname as name, k.contype as type, pg_get_constraintdef(k.oid) as definition, k.convalidated as validated
        from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace
        where ${userSchemas}
        order by 1, 2, 3`),
      indexes: await rows(`
        select n.nspname as schema, c.relname as name, pg_get_indexdef(c.oid) as definition, i.indisvalid as valid
        from pg_index i join pg_class c on c.oid = i.indexrelid join pg_namespace n on n.oid = c.relnamespace
        where ${userSchemas}
        order by 1, 2`),
      enums: await rows(`
        select n.nspname as schema, t.typname as name, array_agg(e.enumlabel order by e.enumsortorder) as labels
        from pg_type t join pg_namespace n on n.oid = t.typnamespace join pg_enum e on e.enumtypid = t.oid
        where ${userSchemas}
        group by 1, 2 order by 1, 2`),
    };
  } finally {
    if (typeof target === 'string') await client.end();
  }
}

export type CatalogSnapshot = Awaited<ReturnType<typeof catalogSnapshot>>;

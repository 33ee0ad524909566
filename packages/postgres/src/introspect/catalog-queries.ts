/**
 * The catalog queries, one per kind of object, each for every table of the given schemas at
 * once: a check issues the same five queries whatever the number of tables. They read
 * `pg_catalog`, never `information_schema`, which hides tables the role has no privilege on.
 * `$1` is the array of schema names.
 */

/** Objects an extension installs (PostGIS's `spatial_ref_sys`) belong to it, not to the app. */
const notFromExtension = `not exists (
    select 1 from pg_catalog.pg_depend dep
    where dep.classid = 'pg_catalog.pg_class'::regclass and dep.objid = c.oid and dep.deptype = 'e')`;

/**
 * Every relation of the schemas, sequences included: a sequence is a `pg_class` row too, so its options
 * (`pg_sequence`) and the column that owns it (`pg_depend`: 'a' for a serial's, 'i' for an identity's) come in
 * the same read.
 */
export const tablesQuery = `
select c.oid::text as oid, n.nspname as schema, c.relname as name, c.relkind as kind,
       -- a leaf partition names its partitioned parent, so that it is never taken for an orphan; looked up for
       -- partitions alone, not joined: three more joined catalogs tripled the time to plan the query
       case when c.relispartition then
         (select pn.nspname from pg_catalog.pg_inherits inh join pg_catalog.pg_class pc on pc.oid = inh.inhparent
          join pg_catalog.pg_namespace pn on pn.oid = pc.relnamespace where inh.inhrelid = c.oid)
       end as parent_schema,
       case when c.relispartition then
         (select pc.relname from pg_catalog.pg_inherits inh join pg_catalog.pg_class pc on pc.oid = inh.inhparent where inh.inhrelid = c.oid)
       end as parent_name,
       pg_catalog.format_type(s.seqtypid, null) as seq_type, s.seqstart::text as seq_start, s.seqincrement::text as seq_increment,
       s.seqmin::text as seq_min, s.seqmax::text as seq_max, s.seqcache::text as seq_cache, s.seqcycle as seq_cycle,
       owner.table_oid as owner_table_oid, owner.column_name as owner_column, owner.identity as owner_identity
from pg_catalog.pg_class c
join pg_catalog.pg_namespace n on n.oid = c.relnamespace
left join pg_catalog.pg_sequence s on c.relkind = 'S' and s.seqrelid = c.oid
left join lateral (
  select dep.refobjid::text as table_oid, att.attname as column_name, dep.deptype = 'i' as identity
  from pg_catalog.pg_depend dep
  join pg_catalog.pg_attribute att on att.attrelid = dep.refobjid and att.attnum = dep.refobjsubid
  where c.relkind = 'S' and dep.classid = 'pg_catalog.pg_class'::regclass and dep.objid = c.oid
    and dep.refclassid = 'pg_catalog.pg_class'::regclass and dep.refobjsubid > 0 and dep.deptype in ('a', 'i')
  limit 1
) owner on true
-- tables, partitioned tables, views, materialized views, foreign tables, sequences
where c.relkind in ('r', 'p', 'v', 'm', 'f', 'S')
  and n.nspname = any($1::text[])
  and ${notFromExtension}`;

export const columnsQuery = `
select a.attrelid::text as table_oid, a.attname as name,
       pg_catalog.format_type(a.atttypid, a.atttypmod) as type,
       a.attndims as dims, a.attnotnull as not_null, a.attidentity as identity, a.attgenerated as generated,
       -- each rarely needed part looked up by its oid only for the columns that have it, not joined: ten joined
       -- catalogs cost more to plan than the whole query to run. A default cannot name a column, so it is deparsed
       -- without its table (which costs a lookup of the table per default); a generated column's expression does
       case when a.atthasdef then (select pg_catalog.pg_get_expr(d.adbin, case when a.attgenerated = '' then 0 else d.adrelid end) from pg_catalog.pg_attrdef d
                                   where d.adrelid = a.attrelid and d.adnum = a.attnum) end as default_expr,
       -- a collation only where the column's differs from its type's default (COLLATE "C" on a text column)
       case when a.attcollation <> t.typcollation then (select co.collname from pg_catalog.pg_collation co where co.oid = a.attcollation) end as collation,
       -- its schema only where its bare name finds another collation (or none) on this session's search path,
       -- which is when PostgreSQL prints it schema-qualified
       case when a.attcollation <> t.typcollation and not pg_catalog.pg_collation_is_visible(a.attcollation) then
         (select con.nspname from pg_catalog.pg_collation co join pg_catalog.pg_namespace con on con.oid = co.collnamespace where co.oid = a.attcollation)
       end as collation_schema,
       -- an enum type's schema and name, or an enum array's element type's (typtype 'b', its element tells): null for
       -- every other type, whose name format_type() gives, so that the thousands of plain columns cost no string of their own
       case when t.typtype = 'e' then (select tn.nspname from pg_catalog.pg_namespace tn where tn.oid = t.typnamespace) end as type_schema,
       case when t.typtype = 'e' then t.typname end as type_name,
       case when t.typcategory = 'A' then
         (select etn.nspname from pg_catalog.pg_type et join pg_catalog.pg_namespace etn on etn.oid = et.typnamespace where et.oid = t.typelem and et.typtype = 'e')
       end as element_schema,
       case when t.typcategory = 'A' then (select et.typname from pg_catalog.pg_type et where et.oid = t.typelem and et.typtype = 'e') end as element_name
from pg_catalog.pg_attribute a
join pg_catalog.pg_class c on c.oid = a.attrelid
join pg_catalog.pg_namespace n on n.oid = c.relnamespace
join pg_catalog.pg_type t on t.oid = a.atttypid
where a.attnum > 0 and not a.attisdropped -- user columns only, not system or dropped ones
  and c.relkind in ('r', 'p', 'v', 'm', 'f')
  and n.nspname = any($1::text[])
order by a.attrelid, a.attnum`;

export const constraintsQuery = `
select con.conrelid::text as table_oid, con.conname as name, con.contype as type,
       -- each key column's name looked up by its number: a join read every column of the table per constraint
       array(select (select att.attname from pg_catalog.pg_attribute att where att.attrelid = con.conrelid and att.attnum = k.num)
             from unnest(con.conkey) with ordinality k(num, ord) order by k.ord)::text[] as columns,
       rn.nspname as ref_schema, rc.relname as ref_table,
       -- a foreign key's only: null for the others, no empty array to parse
       case when con.contype = 'f' then array(select (select att.attname from pg_catalog.pg_attribute att where att.attrelid = con.confrelid and att.attnum = k.num)
             from unnest(con.confkey) with ordinality k(num, ord) order by k.ord)::text[] end as ref_columns,
       con.confdeltype as on_delete, con.confupdtype as on_update,
       -- indnullsnotdistinct exists from PostgreSQL 15 on; read through jsonb so one query fits every version, and for
       -- uniques only (the index is joined for them alone): the whole pg_index row made jsonb costs more than the rest
       coalesce((to_jsonb(idx) ->> 'indnullsnotdistinct')::boolean, false) as nulls_not_distinct,
       -- a check's expression as the server deparses it, without the CHECK keyword or NOT VALID
       case when con.contype = 'c' then pg_catalog.pg_get_expr(con.conbin, con.conrelid) end as check_expr,
       -- an exclusion as the server deparses it: EXCLUDE USING ... (... WITH ...) [WHERE (...)] [DEFERRABLE ...]
       case when con.contype = 'x' then pg_catalog.pg_get_constraintdef(con.oid) end as exclusion_def,
       con.condeferrable as deferrable, con.condeferred as deferred,
       -- false for a check or foreign key added NOT VALID and never validated: rows already there were never checked
       con.convalidated as validated
from pg_catalog.pg_constraint con
join pg_catalog.pg_class c on c.oid = con.conrelid
join pg_catalog.pg_namespace n on n.oid = c.relnamespace
left join pg_catalog.pg_class rc on rc.oid = con.confrelid
left join pg_catalog.pg_namespace rn on rn.oid = rc.relnamespace
left join pg_catalog.pg_index idx on con.contype = 'u' and idx.indexrelid = con.conindid
-- primary keys, uniques, foreign keys, checks and exclusions; PostgreSQL 18's NOT NULL rows (contype 'n') are left out:
-- nullability is read from attnotnull on every version
where con.contype in ('p', 'u', 'f', 'c', 'x')
  and n.nspname = any($1::text[])
order by con.conrelid, con.conname`;

/**
 * The constraints query for PostgreSQL 15 and later, whose `pg_index` has `indnullsnotdistinct`: read as a column
 * there, without making the whole index row jsonb (a third of the query's time on a hundred uniques).
 */
export const constraintsQueryFrom15 = constraintsQuery.replace(
  "coalesce((to_jsonb(idx) ->> 'indnullsnotdistinct')::boolean, false) as nulls_not_distinct",
  'coalesce(idx.indnullsnotdistinct, false) as nulls_not_distinct',
);

export const indexesQuery = `
select idx.indrelid::text as table_oid, ic.relname as name, idx.indisunique as is_unique,
       -- an INVALID index (a CREATE INDEX CONCURRENTLY that failed, a DROP INDEX CONCURRENTLY cut short) serves no
       -- query and guarantees nothing: indisvalid is false from the start of such a drop, so it alone tells
       not idx.indisvalid as invalid,
       keys.columns, pg_catalog.pg_get_expr(idx.indpred, idx.indrelid) as predicate,
       -- an index with an expression key: every key as the server deparses it (a column as its quoted name)
       case when 0 = any(idx.indkey::int2[]) then
         array(select pg_catalog.pg_get_indexdef(idx.indexrelid, k, true) from generate_series(1, idx.indnkeyatts::int) k order by k)::text[]
       end as expressions,
       am.amname as method,
       -- per key: the operator class when it is not its type's default or carries parameters (pg_get_indexdef names a
       -- default class then too: tsvector_ops(siglen=100)), else ''; null when every key's is a plain default one
       -- (the common case: no array to send and parse), told by one read of the default classes' oids for the whole
       -- query; else each key's looked up by its oid (a join scanned pg_opclass whole once per index)
       case when keys.class_parameters is not null
              or not idx.indclass::oid[] <@ array(select opc.oid from pg_catalog.pg_opclass opc where opc.opcdefault) then
         array(select (select case when opc.opcdefault and coalesce(keys.class_parameters[k.ord], '') = '' then '' else opc.opcname::text end
                       from pg_catalog.pg_opclass opc where opc.oid = k.opc_oid)
               from unnest(idx.indclass::oid[]) with ordinality k(opc_oid, ord)
               order by k.ord)::text[]
       end as opclasses,
       -- per key, when some key's class carries parameters: whether its class is its type's default under the method
       -- (tsvector_ops(siglen=100) is the default class with other parameters); null otherwise
       case when keys.class_parameters is not null then
         array(select coalesce((select opc.opcdefault from pg_catalog.pg_opclass opc where opc.oid = k.opc_oid), false)
               from unnest(idx.indclass::oid[]) with ordinality k(opc_oid, ord)
               where k.ord <= idx.indnkeyatts
               order by k.ord)::boolean[]
       end as default_classes,
       -- the INCLUDE columns (never expressions), in order; null when the index has none
       case when idx.indnatts > idx.indnkeyatts then
         array(select att.attname::text
               from unnest(idx.indkey::int2[]) with ordinality k(num, ord)
               join pg_catalog.pg_attribute att on att.attrelid = idx.indrelid and att.attnum = k.num
               where k.ord > idx.indnkeyatts
               order by k.ord)::text[]
       end as included,
       -- per key: the indoption bits (1 DESC, 2 NULLS FIRST); null when every key is ASC NULLS LAST
       case when 0 <> any(idx.indoption::int2[]) then idx.indoption::int2[]::int[] end as options,
       keys.collations, keys.collation_schemas, keys.class_parameters,
       -- read for unique indexes only, as for constraints: the whole pg_index row made jsonb is the costly part
       idx.indisunique and coalesce((to_jsonb(idx) ->> 'indnullsnotdistinct')::boolean, false) as nulls_not_distinct
from pg_catalog.pg_index idx
join pg_catalog.pg_class ic on ic.oid = idx.indexrelid
join pg_catalog.pg_am am on am.oid = ic.relam
join pg_catalog.pg_class c on c.oid = idx.indrelid
join pg_catalog.pg_namespace n on n.oid = c.relnamespace
-- the key columns (not INCLUDE ones) in one pass: each one's name ('' for an expression key); per key, its collation
-- when a column key's is not the column's own (COLLATE "C" on the key), else '', and that collation's schema where
-- the bare name does not find it on the search path, as for a column's; per key, its operator class's parameters
-- (PostgreSQL 13 and later keep them in the index's own column options): each array null when no key has one
cross join lateral (
  select array_agg(coalesce(att.attname, '') order by k.ord)::text[] as columns,
         case when bool_or(k.num > 0 and k.coll <> att.attcollation) then
           array_agg(case when k.num > 0 and k.coll <> att.attcollation
                     then (select co.collname::text from pg_catalog.pg_collation co where co.oid = k.coll) else '' end order by k.ord)
         end::text[] as collations,
         case when bool_or(k.num > 0 and k.coll <> att.attcollation and not pg_catalog.pg_collation_is_visible(k.coll)) then
           array_agg(case when k.num > 0 and k.coll <> att.attcollation and not pg_catalog.pg_collation_is_visible(k.coll)
                     then (select con.nspname::text from pg_catalog.pg_collation co join pg_catalog.pg_namespace con on con.oid = co.collnamespace
                           where co.oid = k.coll) else '' end order by k.ord)
         end::text[] as collation_schemas,
         case when bool_or(ia.attoptions is not null) then
           array_agg(coalesce(pg_catalog.array_to_string(ia.attoptions, ', '), '') order by k.ord)
         end::text[] as class_parameters
  from unnest(idx.indkey::int2[], idx.indcollation::oid[]) with ordinality k(num, coll, ord)
  left join pg_catalog.pg_attribute att on att.attrelid = idx.indrelid and att.attnum = k.num and k.num > 0
  left join pg_catalog.pg_attribute ia on ia.attrelid = idx.indexrelid and ia.attnum = k.ord
  where k.ord <= idx.indnkeyatts
) keys
where n.nspname = any($1::text[])
  -- indexes that back a primary key, unique or exclusion constraint are read as those constraints
  and not exists (select 1 from pg_catalog.pg_constraint con where con.conindid = idx.indexrelid and con.contype in ('p', 'u', 'x'))
order by idx.indrelid, ic.relname`;

/** Every enum type of every user schema: a column may use an enum from a schema that holds no table. */
export const enumsQuery = `
select n.nspname as schema, t.typname as name, array_agg(e.enumlabel order by e.enumsortorder)::text[] as values
from pg_catalog.pg_type t
join pg_catalog.pg_enum e on e.enumtypid = t.oid
join pg_catalog.pg_namespace n on n.oid = t.typnamespace
where n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_toast%'
group by n.nspname, t.typname
order by n.nspname, t.typname`;

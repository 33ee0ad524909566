import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresIntrospector, type Queryable } from '@ormdrift/postgres';
import type { SchemaModel } from '@ormdrift/core';
import { createTestDatabase, type TestDatabase } from './support/test-database.ts';

/** Records what the introspector sends and what the session looks like when it reads the catalog. */
function observing(client: pg.Client) {
  const statements: string[] = [];
  const session: Record<string, string> = {};
  const queryable: Queryable = {
    async query(text, values) {
      statements.push(text.trim().split(/\s+/).slice(0, 3).join(' '));
      if (text.includes('from pg_catalog.pg_class c') && Object.keys(session).length === 0) {
        for (const setting of ['transaction_read_only', 'application_name', 'statement_timeout']) {
          session[setting] = (await client.query(`show ${setting}`)).rows[0][setting];
        }
      }
      return client.query(text, values);
    },
  };
  return { queryable, statements, session };
}

async function introspect(url: string, schemas?: string[]): Promise<{ model: SchemaModel; statements: string[]; session: Record<string, string> }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { queryable, statements, session } = observing(client);
    const model = await new PostgresIntrospector(queryable).introspect(schemas ? { schemas } : {});
    return { model, statements, session };
  } finally {
    await client.end();
  }
}

describe('PostgresIntrospector', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    await database.query(`
      create schema "Sales Ops";
      create type "Sales Ops"."Deal Stage" as enum ('lead', 'won', 'lost');
      create table "Sales Ops"."Deal Book" (
        "Deal Id" integer generated always as identity primary key,
        "Stage" "Sales Ops"."Deal Stage" not null default 'lead',
        "Stages Seen" "Sales Ops"."Deal Stage"[],
        "Amount" numeric(12, 2) not null default 0,
        "Amount Cents" bigint generated always as (("Amount" * 100)::bigint) stored,
        "Owner" varchar(80) unique nulls not distinct
      );
      create table events (id bigserial, at date not null, payload jsonb default '{}') partition by range (at);
      create table events_2026 partition of events for values from ('2026-01-01') to ('2027-01-01');
      create table secrets (id serial primary key, token text not null);
      create view recent_events as select id, at from events;
      create materialized view event_counts as select at, count(*) from events group by at;
      create index events_at_idx on events_2026 (at) where payload is not null;
      create table labels (id serial primary key, deal_id integer references "Sales Ops"."Deal Book" ("Deal Id") on delete cascade on update restrict, "name" text collate "C" not null);
      create unique index labels_lower_name on labels (lower(name));
    `);
  });
  afterAll(() => database?.drop());

  it('reads inside a READ ONLY transaction named ormdrift, with a statement timeout, and rolls it back', async () => {
    const { statements, session } = await introspect(database.url, ['public']);
    expect(statements[0]).toBe('begin read only');
    expect(statements.at(-1)).toBe('rollback');
    expect(session).toEqual({ transaction_read_only: 'on', application_name: 'ormdrift', statement_timeout: '10s' });
  });

  it('given up (abandon) after its first catalog statement: sends no other, rolls back, and the connection reads on', async () => {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const { queryable, statements } = observing(client);
      const abandon = new AbortController();
      const giving: Queryable = {
        async query(text, values) {
          const result = await queryable.query(text, values);
          if (text.includes('from pg_catalog.pg_class c')) abandon.abort(new Error('guessed the wrong schemas'));
          return result;
        },
      };
      await expect(new PostgresIntrospector(giving).introspect({ schemas: ['public'], abandon: abandon.signal })).rejects.toThrow('guessed the wrong schemas');
      expect(statements).toEqual(['begin read only', "select set_config('statement_timeout', $1,", 'select c.oid::text as', 'rollback']);
      // the same session, clean: a read on it succeeds
      const model = await new PostgresIntrospector(client).introspect({ schemas: ['public'] });
      expect(model.tables.map((table) => table.name)).toContain('secrets');
    } finally {
      await client.end();
    }
  });

  it('issues the same fixed number of catalog queries for 2 tables and for 200', async () => {
    const small = await introspect(database.url, ['public']);
    const large = await createTestDatabase();
    try {
      await large.query(
        Array.from({ length: 200 }, (_, i) => `create table t${i} (id serial primary key, name text, parent integer references t0 (id))`)
          .join(';\n')
          .replace('references t0 (id)', ''),
      );
      const big = await introspect(large.url, ['public']);
      expect(big.model.tables).toHaveLength(200);
      expect(big.statements).toEqual(small.statements);
      // begin, the session settings, one query per catalog (pg_class, pg_attribute, pg_constraint, pg_index, pg_enum), rollback
      expect(big.statements).toHaveLength(8);
    } finally {
      await large.drop();
    }
  });

  it('reads quoted mixed-case names with spaces, enums and enum arrays in a non-public schema, identity and generated columns', async () => {
    const { model } = await introspect(database.url, ['Sales Ops']);
    expect(model.enums).toContainEqual({ schema: 'Sales Ops', name: 'Deal Stage', values: ['lead', 'won', 'lost'], sources: [] });
    const deals = model.tables.find((table) => table.name === 'Deal Book');
    expect(deals).toMatchObject({ schema: 'Sales Ops', kind: 'table', primaryKey: { columns: ['Deal Id'] } });
    const column = (name: string) => deals?.columns.find((candidate) => candidate.name === name);
    expect(column('Deal Id')).toMatchObject({ type: { name: 'integer' }, nullable: false, identity: 'always', default: null });
    expect(column('Stage')).toMatchObject({
      type: { name: 'Sales Ops.Deal Stage', arrayDims: 0, enum: { schema: 'Sales Ops', name: 'Deal Stage' } },
      default: `'lead'::"Sales Ops"."Deal Stage"`,
    });
    expect(column('Stages Seen')?.type).toMatchObject({ arrayDims: 1, enum: { schema: 'Sales Ops', name: 'Deal Stage' } });
    expect(column('Amount')).toMatchObject({ type: { name: 'numeric(12,2)' }, default: '0' });
    expect(column('Amount Cents')).toMatchObject({ type: { name: 'bigint' }, default: null, generated: expect.stringContaining('"Amount"') });
    expect(deals?.uniques).toEqual([{ name: 'Deal Book_Owner_key', columns: ['Owner'], nullsNotDistinct: true }]);
  });

  it('tells partitioned tables, leaf partitions, views and materialized views apart', async () => {
    const { model } = await introspect(database.url, ['public']);
    const kinds = Object.fromEntries(model.tables.map((table) => [table.name, table.kind]));
    expect(kinds).toMatchObject({
      events: 'partitioned-table',
      events_2026: 'partition',
      recent_events: 'view',
      event_counts: 'materialized-view',
      secrets: 'table',
    });
    expect(model.tables.find((table) => table.name === 'events_2026')?.partitionOf).toEqual({ schema: 'public', name: 'events' });
    expect(model.tables.find((table) => table.name === 'events_2026')?.indexes).toEqual([
      { name: 'events_at_idx', columns: ['at'], where: '(payload IS NOT NULL)' },
    ]);
  });

  it("reads sequences with their options and owners in the same pg_class read, and an identity column's sequence", async () => {
    const { model } = await introspect(database.url, ['public', 'Sales Ops']);
    const secretsSequence = model.sequences?.find((sequence) => sequence.name === 'secrets_id_seq');
    expect(secretsSequence).toEqual({
      schema: 'public',
      name: 'secrets_id_seq',
      dataType: 'integer',
      increment: '1',
      minValue: '1',
      maxValue: '2147483647',
      start: '1',
      cache: '1',
      cycle: false,
      ownedBy: { schema: 'public', name: 'secrets', column: 'id', identity: false },
      sources: [],
    });
    // sequences are not tables
    expect(model.tables.map((table) => table.name)).not.toContain('secrets_id_seq');
    const dealId = model.tables.find((table) => table.name === 'Deal Book')?.columns.find((column) => column.name === 'Deal Id');
    expect(dealId).toMatchObject({
      identity: 'always',
      default: null,
      sequence: { schema: 'Sales Ops', name: 'Deal Book_Deal Id_seq', dataType: 'integer', maxValue: '2147483647', start: '1' },
    });
  });

  it('reads foreign keys across schemas with their actions, and expression indexes by name', async () => {
    const { model } = await introspect(database.url, ['public']);
    const labels = model.tables.find((table) => table.name === 'labels');
    expect(labels?.foreignKeys).toEqual([
      {
        name: 'labels_deal_id_fkey',
        columns: ['deal_id'],
        references: { schema: 'Sales Ops', name: 'Deal Book', columns: ['Deal Id'] },
        onDelete: 'CASCADE',
        onUpdate: 'RESTRICT',
      },
    ]);
    // an expression index has no column list; its keys as the server deparses them
    expect(labels?.indexes).toEqual([{ name: 'labels_lower_name', columns: [], expressions: ['lower(name)'], unique: true }]);
    expect(labels?.uniques).toEqual([]);
  });

  it("reads whether an expression index is unique, and a key collation only where it is not its column's own", async () => {
    const own = await createTestDatabase();
    try {
      await own.query(`
        create schema i18n;
        create collation i18n.posix_copy from "POSIX";
        create table words (a text, b text collate "C", c text);
        create index words_keys on words (a collate "C", b collate "C", c collate i18n.posix_copy desc);
        create unique index words_lower on words (lower(a));
        create index words_upper on words (upper(a));`);
      const { model } = await introspect(own.url, ['public']);
      const words = model.tables.find((table) => table.name === 'words');
      expect(words?.indexes).toEqual([
        // b is collated "C" already: its key's "C" is the column's own
        {
          name: 'words_keys',
          columns: ['a', 'b', 'c'],
          keys: [{ collation: 'C' }, {}, { collation: 'posix_copy', collationSchema: 'i18n', descending: true }],
        },
        { name: 'words_lower', columns: [], expressions: ['lower(a)'], unique: true },
        { name: 'words_upper', columns: [], expressions: ['upper(a)'] },
      ]);
      // a unique index on an expression guarantees nothing about a column set: it is no unique
      expect(words?.uniques).toEqual([]);
    } finally {
      await own.drop();
    }
  });

  it('reads NOT NULL from attnotnull on every major (PostgreSQL 18 also keeps it as pg_constraint rows)', async () => {
    const notNullRows = await database.query<{ count: string }>(`select count(*) from pg_constraint where conrelid = 'secrets'::regclass and contype = 'n'`);
    expect(Number(notNullRows[0]?.count)).toBe(database.major >= 18 ? 2 : 0);
    const { model } = await introspect(database.url, ['public']);
    const secrets = model.tables.find((table) => table.name === 'secrets');
    expect(secrets).toMatchObject({ primaryKey: { columns: ['id'] }, uniques: [], foreignKeys: [] });
    expect(secrets?.columns.map((column) => [column.name, column.nullable])).toEqual([
      ['id', false],
      ['token', false],
    ]);
  });

  it('sees tables a least-privileged role may not read, which information_schema hides', async () => {
    const role = `ormdrift_reader_${database.name.slice(-6)}`;
    await database.query(`create role ${role} login password 'reader'; revoke all on secrets from public`);
    try {
      const url = new URL(database.url);
      url.username = role;
      url.password = 'reader';
      const hidden = await new pg.Client({ connectionString: url.toString() });
      await hidden.connect();
      const viaInformationSchema = await hidden.query(`select count(*) from information_schema.columns where table_name = 'secrets'`);
      await hidden.end();
      expect(Number(viaInformationSchema.rows[0].count)).toBe(0);

      const { model } = await introspect(url.toString(), ['public']);
      expect(model.tables.find((table) => table.name === 'secrets')?.columns.map((column) => column.name)).toEqual(['id', 'token']);
    } finally {
      await database.query(`drop owned by ${role}; drop role ${role}`);
    }
  });

  it('reads a default operator class as none, and names every key class, default ones too, only of the indexes asked', async () => {
    await database.query(`create table tags (id serial primary key, name text not null, code varchar(20) not null, rank int not null);
      create index tags_name_code on tags (name text_ops, code varchar_pattern_ops) include (rank);
      create index tags_rank on tags (rank int4_ops);
      create extension if not exists pg_trgm; create index tags_name_trgm on tags using gist (name gist_trgm_ops(siglen = 32), code gist_trgm_ops);
      alter table tags add column words tsvector; create index tags_words on tags using gist (words tsvector_ops(siglen = 100))`);
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const { queryable, statements } = observing(client);
      const introspector = new PostgresIntrospector(queryable);
      const tags = (await introspector.introspect({ schemas: ['public'] })).tables.find((table) => table.name === 'tags');
      // the catalog statement names a class only where it is not the default one
      expect(tags?.indexes.map((index) => [index.name, index.keys])).toEqual([
        ['tags_name_code', [{}, { opclass: 'varchar_pattern_ops' }]],
        // an operator class's parameters, from the index column's options
        ['tags_name_trgm', [{ opclass: 'gist_trgm_ops', opclassParameters: 'siglen=32' }, { opclass: 'gist_trgm_ops' }]],
        ['tags_rank', undefined],
        // a default class with parameters is named, as pg_get_indexdef names it: `(siglen=100)` alone is no key;
        // `defaultOpclass` says it is the class a key without one uses
        ['tags_words', [{ opclass: 'tsvector_ops', opclassParameters: 'siglen=100', defaultOpclass: 'tsvector_ops' }]],
      ]);
      // INCLUDE columns are no keys: read apart, in order
      expect(tags?.indexes.map((index) => [index.name, index.columns, index.include])).toEqual([
        ['tags_name_code', ['name', 'code'], ['rank']],
        ['tags_name_trgm', ['name', 'code'], undefined],
        ['tags_rank', ['rank'], undefined],
        ['tags_words', ['words'], undefined],
      ]);
      statements.length = 0;
      const classes = await introspector.indexKeyClasses([
        { schema: 'public', name: 'tags_rank' },
        { schema: 'public', name: 'no_such_index' },
        { schema: 'public', name: 'tags_name_code' },
      ]);
      // key columns only (not INCLUDE ones), in order; a varchar key's default class is text's
      expect(classes).toEqual([['int4_ops'], undefined, ['text_ops', 'varchar_pattern_ops']]);
      expect(statements).toEqual(['begin read only', 'set local statement_timeout', 'set local search_path', 'select q.ord::int as', 'rollback']);
    } finally {
      await client.end();
      await database.query('drop table tags');
    }
  });
});

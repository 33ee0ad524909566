import { describe, expect, it } from 'vitest';
import { formatColumnType, type ColumnModel, type TableModel } from '@ormdrift/core';
import { drizzleSource } from '@ormdrift/drizzle';
import { sql } from 'drizzle-orm';
import { npmVersion } from 'drizzle-orm/version';
import {
  bigint,
  bigserial,
  boolean,
  char,
  date,
  doublePrecision,
  foreignKey,
  index,
  integer,
  interval,
  json,
  jsonb,
  numeric,
  pgEnum,
  pgSchema,
  pgSequence,
  pgTable,
  primaryKey,
  real,
  serial,
  smallint,
  smallserial,
  text,
  time,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';

/** This file also runs on every drizzle-orm of the support matrix: 1.0 declares array dimensions otherwise, and drizzle-kit 1.0 names unnamed keys otherwise. */
const drizzleOrm1 = npmVersion.startsWith('1.');

async function load(module: Record<string, unknown>, options?: Parameters<typeof drizzleSource>[1]) {
  return drizzleSource(module, options).load();
}

async function tableOf(module: Record<string, unknown>, options?: Parameters<typeof drizzleSource>[1]): Promise<TableModel> {
  const { schema } = await load(module, options);
  return schema.tables[0]!;
}

function column(table: TableModel, name: string): ColumnModel {
  const found = table.columns.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no column ${name} in ${table.name}: ${table.columns.map((c) => c.name).join(', ')}`);
  return found;
}

const mood = pgEnum('mood', ['happy', 'sad']);
const audit = pgSchema('audit');
const level = audit.enum('level', ['low', 'high']);

describe('column types: what format_type() prints for the column drizzle-kit creates', () => {
  const kinds = pgTable('kinds', {
    serial: serial(),
    bigserial: bigserial({ mode: 'number' }),
    smallserial: smallserial(),
    identity: integer().generatedAlwaysAsIdentity(),
    bigIdentity: bigint({ mode: 'bigint' }).generatedByDefaultAsIdentity(),
    smallint: smallint(),
    real: real(),
    double: doublePrecision(),
    bool: boolean(),
    varchar: varchar(),
    varchar100: varchar({ length: 100 }),
    char: char(),
    char2: char({ length: 2 }),
    text: text(),
    numeric: numeric(),
    numeric12: numeric({ precision: 12 }),
    numeric10_2: numeric({ precision: 10, scale: 2 }),
    numericNumber: numeric({ precision: 10, scale: 2, mode: 'number' }),
    timestamp: timestamp(),
    timestampString: timestamp({ mode: 'string' }),
    timestamp3: timestamp({ precision: 3 }),
    timestamptz: timestamp({ withTimezone: true }),
    timestamptz0: timestamp({ withTimezone: true, precision: 0, mode: 'string' }),
    date: date(),
    time: time(),
    timetz: time({ withTimezone: true, precision: 3 }),
    interval: interval(),
    intervalFields: interval({ fields: 'day to second', precision: 3 }),
    json: json(),
    jsonb: jsonb(),
    uuid: uuid(),
    textArray: text().array(),
    varcharArray: varchar({ length: 30 }).array(),
    matrix: integer().array().array(),
    sized: integer().array(3),
  });

  it.each([
    ['serial', 'integer'],
    ['bigserial', 'bigint'],
    ['smallserial', 'smallint'],
    ['identity', 'integer'],
    ['bigIdentity', 'bigint'],
    ['smallint', 'smallint'],
    ['real', 'real'],
    ['double', 'double precision'],
    ['bool', 'boolean'],
    ['varchar', 'character varying'],
    ['varchar100', 'character varying(100)'],
    ['char', 'character(1)'],
    ['char2', 'character(2)'],
    ['text', 'text'],
    ['numeric', 'numeric'],
    ['numeric12', 'numeric(12,0)'],
    // Drizzle prints `numeric(10, 2)`, with a space
    ['numeric10_2', 'numeric(10,2)'],
    ['numericNumber', 'numeric(10,2)'],
    // `mode` changes the JavaScript type only
    ['timestamp', 'timestamp without time zone'],
    ['timestampString', 'timestamp without time zone'],
    // Drizzle prints `timestamp (3)`, with a space
    ['timestamp3', 'timestamp(3) without time zone'],
    ['timestamptz', 'timestamp with time zone'],
    ['timestamptz0', 'timestamp(0) with time zone'],
    ['date', 'date'],
    ['time', 'time without time zone'],
    ['timetz', 'time(3) with time zone'],
    ['interval', 'interval'],
    ['intervalFields', 'interval day to second(3)'],
    ['json', 'json'],
    ['jsonb', 'jsonb'],
    ['uuid', 'uuid'],
    ['textArray', 'text[]'],
    ['varcharArray', 'character varying(30)[]'],
    ['matrix', 'integer[]'],
    // before 1.0, `.array(size)` takes a size; drizzle-orm 1.0 takes dimensions as '[]', '[][]'...
    ...(drizzleOrm1 ? [] : [['sized', 'integer[]']]),
  ])('%s is %s', async (name, formatted) => {
    expect(formatColumnType(column(await tableOf({ kinds }), name).type)).toBe(formatted);
  });

  it('gives an enum column its enum type, schema included, and an enum array its element enum', async () => {
    const table = await tableOf({ mood, level, feelings: pgTable('feelings', { mood: mood(), moods: mood().array(), level: level() }) });
    expect(column(table, 'mood').type).toMatchObject({ enum: { schema: 'public', name: 'mood' }, arrayDims: 0 });
    expect(column(table, 'moods').type).toMatchObject({ enum: { schema: 'public', name: 'mood' }, arrayDims: 1 });
    expect(column(table, 'level').type).toMatchObject({ enum: { schema: 'audit', name: 'level' }, name: 'audit.level' });
  });
});

describe('enums', () => {
  it('declares every exported enum, used or not, credited to its export', async () => {
    const { schema } = await load({ moodEnum: mood, level });
    expect(schema.enums).toEqual([
      { schema: 'public', name: 'mood', values: ['happy', 'sad'], sources: [{ orm: 'drizzle', registry: 'schema', model: 'moodEnum' }] },
      { schema: 'audit', name: 'level', values: ['low', 'high'], sources: [{ orm: 'drizzle', registry: 'schema', model: 'level' }] },
    ]);
  });

  it('keeps apart enums whose schema and name join to the same dotted text', async () => {
    const first = pgSchema('a').enum('b.c', ['x']);
    const second = pgSchema('a.b').enum('c', ['y']);
    const { schema } = await load({ first, second });
    expect(schema.enums.map((declared) => [declared.schema, declared.name, declared.values])).toEqual([
      ['a', 'b.c', ['x']],
      ['a.b', 'c', ['y']],
    ]);
  });

  it('declares an enum a column uses though the module does not export it', async () => {
    const hidden = pgEnum('hidden_kind', ['a', 'b']);
    const { schema } = await load({ things: pgTable('things', { kind: hidden().array() }) });
    expect(schema.enums).toEqual([
      { schema: 'public', name: 'hidden_kind', values: ['a', 'b'], sources: [{ orm: 'drizzle', registry: 'schema', model: 'hidden_kind' }] },
    ]);
  });
});

describe('defaults: what drizzle-kit writes after DEFAULT', () => {
  const defaults = pgTable('defaults', {
    id: serial().primaryKey(),
    plain: integer(),
    zero: integer().default(0),
    negative: integer().default(-1),
    ratio: real().default(1.5),
    flag: boolean().default(false),
    quoted: text().default("it's"),
    money: numeric({ precision: 10, scale: 2 }).default('9.90'),
    settings: jsonb().default({ theme: 'dark' }),
    list: jsonb().default([1, 2]),
    created: timestamp({ withTimezone: true }).defaultNow(),
    frozen: timestamp().default(new Date('2024-01-02T03:04:05.000Z')),
    frozenTz: timestamp({ withTimezone: true }).default(new Date('2024-01-02T03:04:05.000Z')),
    day: date({ mode: 'date' }).default(new Date('2024-01-02T03:04:05.000Z')),
    token: uuid().defaultRandom(),
    tags: text().array().default(['a', 'b c']),
    flags: boolean().array().default([true]),
    empty: text().array().default([]),
    expression: text().default(sql`current_user`),
    feeling: mood().default('happy'),
    fromJs: text().$defaultFn(() => 'js'),
    touched: timestamp().$onUpdate(() => new Date()),
    identity: integer().generatedAlwaysAsIdentity(),
    generated: text().generatedAlwaysAs(sql`upper(quoted)`),
  });

  it.each([
    ['id', `nextval('defaults_id_seq'::regclass)`],
    ['plain', null],
    ['zero', '0'],
    ['negative', '-1'],
    ['ratio', '1.5'],
    ['flag', 'false'],
    ['quoted', `'it''s'`],
    ['money', `'9.90'`],
    ['settings', `'{"theme":"dark"}'::jsonb`],
    ['list', `'[1,2]'::jsonb`],
    ['created', 'now()'],
    ['frozen', `'2024-01-02 03:04:05.000'`],
    ['frozenTz', `'2024-01-02T03:04:05.000Z'`],
    ['day', `'2024-01-02'`],
    ['token', 'gen_random_uuid()'],
    ['tags', `'{"a","b c"}'`],
    ['flags', `'{true}'`],
    ['empty', `'{}'`],
    ['expression', 'current_user'],
    ['feeling', `'happy'`],
    // JavaScript-side: `hasDefault` is true, but the database never sees them
    ['fromJs', null],
    ['touched', null],
    // an identity is not a default, nor is a generated column's expression
    ['identity', null],
    ['generated', null],
  ])('%s: %s', async (name, expected) => {
    expect(column(await tableOf({ defaults }), name).default).toBe(expected);
  });

  it('quotes the sequence of a serial in a mixed-case table of a pgSchema as pg_get_expr does', async () => {
    const table = await tableOf({ t: audit.table('Events', { id: serial('Id') }) });
    expect(column(table, 'Id').default).toBe(`nextval('audit."Events_Id_seq"'::regclass)`);
  });

  it('marks identity and generated columns', async () => {
    const table = await tableOf({ defaults });
    expect(column(table, 'identity')).toMatchObject({ identity: 'always', nullable: false });
    expect(column(table, 'generated')).toMatchObject({ generated: 'upper(quoted)', identity: null });
    expect(column(await tableOf({ t: pgTable('t', { id: bigint({ mode: 'number' }).generatedByDefaultAsIdentity() }) }), 'id').identity).toBe('by-default');
  });
});

describe('keys, constraints and indexes', () => {
  const accounts = pgTable('accounts', { id: serial().primaryKey(), email: text().unique(), handle: text(), tenant: integer() }, (t) => [
    unique('accounts_handle_tenant').on(t.handle, t.tenant).nullsNotDistinct(),
  ]);
  const memberships = pgTable(
    'memberships',
    {
      accountId: integer('account_id').references(() => accounts.id, { onDelete: 'cascade', onUpdate: 'restrict' }),
      group: text(),
      invitedBy: integer('invited_by'),
      note: text(),
    },
    (t) => [
      primaryKey({ columns: [t.accountId, t.group] }),
      foreignKey({ columns: [t.invitedBy], foreignColumns: [accounts.id] }).onDelete('set null'),
      index().on(t.note),
      uniqueIndex('memberships_note_lower').on(sql`lower(${t.note})`),
      uniqueIndex('memberships_live_note').on(t.note).where(sql`${t.invitedBy} is not null`),
      uniqueIndex().on(t.invitedBy, t.note),
    ],
  );

  it('reads a column primary key and a composite one, whose columns PostgreSQL makes NOT NULL', async () => {
    const { schema } = await load({ accounts, memberships });
    const [account, membership] = schema.tables;
    expect(account!.primaryKey).toEqual({ columns: ['id'] });
    expect(membership!.primaryKey).toEqual({ name: drizzleOrm1 ? 'memberships_pkey' : 'memberships_account_id_group_pk', columns: ['account_id', 'group'] });
    expect(membership!.columns.map((c) => [c.name, c.nullable])).toEqual([
      ['account_id', false],
      ['group', false],
      ['invited_by', true],
      ['note', true],
    ]);
  });

  it('reads foreign keys from .references() and foreignKey(), with their actions', async () => {
    const membership = (await load({ accounts, memberships })).schema.tables[1]!;
    expect(membership.foreignKeys).toEqual([
      {
        name: `memberships_account_id_accounts_id_${drizzleOrm1 ? 'fkey' : 'fk'}`,
        columns: ['account_id'],
        references: { schema: 'public', name: 'accounts', columns: ['id'] },
        onDelete: 'CASCADE',
        onUpdate: 'RESTRICT',
      },
      {
        name: `memberships_invited_by_accounts_id_${drizzleOrm1 ? 'fkey' : 'fk'}`,
        columns: ['invited_by'],
        references: { schema: 'public', name: 'accounts', columns: ['id'] },
        onDelete: 'SET NULL',
        onUpdate: 'NO ACTION',
        // no onUpdate given: Drizzle's default, which a difference reports one severity lower
        inherited: ['onUpdate'],
      },
    ]);
  });

  it("marks the columns left nullable by Drizzle's default, and no key column", async () => {
    const membership = (await load({ accounts, memberships })).schema.tables[1]!;
    expect(membership.columns.filter((column) => column.inherited?.includes('nullable')).map((column) => column.name)).toEqual(['invited_by', 'note']);
  });

  it.each([
    ['cascade', 'CASCADE'],
    ['restrict', 'RESTRICT'],
    ['no action', 'NO ACTION'],
    ['set null', 'SET NULL'],
    ['set default', 'SET DEFAULT'],
  ] as const)("reads drizzle's '%s' as %s, on delete and on update", async (spelling, action) => {
    const parents = pgTable('parents', { id: integer().primaryKey() });
    const children = pgTable('children', { parentId: integer().references(() => parents.id, { onDelete: spelling, onUpdate: spelling }) });
    const [foreignKey] = (await tableOf({ children })).foreignKeys;
    expect([foreignKey!.onDelete, foreignKey!.onUpdate]).toEqual([action, action]);
  });

  it('counts only columns marked unique, though every column carries a uniqueName', async () => {
    const table = await tableOf({ accounts });
    expect(table.uniques).toEqual([
      { name: drizzleOrm1 ? 'accounts_email_key' : 'accounts_email_unique', columns: ['email'], nullsNotDistinct: false },
      { name: 'accounts_handle_tenant', columns: ['handle', 'tenant'], nullsNotDistinct: true },
    ]);
  });

  it('reads index() as an index, uniqueIndex() on columns (partial or not) as a unique, and a unique expression index as an index', async () => {
    const membership = (await load({ accounts, memberships })).schema.tables[1]!;
    expect(membership.indexes).toEqual([
      { name: 'memberships_note_index', columns: ['note'] },
      { name: 'memberships_note_lower', columns: [], expressions: ['lower("note")'], unique: true },
    ]);
    expect(membership.uniques).toEqual([
      { name: 'memberships_live_note', columns: ['note'], nullsNotDistinct: false, where: '"memberships"."invited_by" is not null' },
      { name: 'memberships_invited_by_note_index', columns: ['invited_by', 'note'], nullsNotDistinct: false },
    ]);
  });

  it('reports an unnamed expression index as a problem instead of throwing', async () => {
    const loaded = await load({ t: pgTable('t', { name: text() }, (t) => [index().on(sql`lower(${t.name})`)]) });
    expect(loaded.schema.tables[0]!.indexes).toEqual([]);
    expect(loaded.problems).toEqual([{ type: 'ignored-declaration', ref: 't', message: expect.stringContaining('no name') }]);
  });
});

describe('tables, schemas and names', () => {
  it('places a pgSchema table in its schema, with its export as the model and the registry and file as given', async () => {
    const table = await tableOf({ AuditEvent: audit.table('events', { id: integer() }) }, { name: 'main', file: 'src/db/schema.ts' });
    expect(table).toMatchObject({ schema: 'audit', name: 'events', kind: 'table' });
    expect(table.sources).toEqual([{ orm: 'drizzle', registry: 'main', model: 'AuditEvent', file: 'src/db/schema.ts' }]);
  });

  it('names columns with the casing of the drizzle config, but never a name the user wrote', async () => {
    const users = pgTable('users', { createdAt: timestamp(), updatedAt: timestamp('updatedAt'), orgId: integer().references(() => orgs.id) });
    const orgs = pgTable('orgs', { id: integer().primaryKey() });
    const table = await tableOf({ users }, { casing: 'snake_case' });
    expect(table.columns.map((c) => c.name)).toEqual(['created_at', 'updatedAt', 'org_id']);
    expect(table.foreignKeys[0]!.columns).toEqual(['org_id']);
    expect((await tableOf({ users })).columns.map((c) => c.name)).toEqual(['createdAt', 'updatedAt', 'orgId']);
  });

  it('reports a table whose own callbacks throw, naming its export, and reads the others', async () => {
    const shade = pgEnum('shade', ['light', 'dark']);
    const good = pgTable('good', { id: integer().primaryKey() });
    const missing = undefined as unknown as typeof good;
    const dangling = pgTable('dangling', { goodId: integer().references(() => missing.id), shade: shade() });
    const exploding = pgTable('exploding', {
      name: text().generatedAlwaysAs(() => {
        throw new Error('no such column');
      }),
    });
    const { schema, problems } = await load({ DanglingTable: dangling, good, ExplodingTable: exploding });
    expect(schema.tables.map((table) => table.name)).toEqual(['good']);
    // the enum only the unreadable table uses is not declared from it
    expect(schema.enums).toEqual([]);
    expect(problems).toEqual([
      {
        type: 'ignored-declaration',
        ref: 'DanglingTable',
        message: "the table could not be read (Cannot read properties of undefined (reading 'id')); it is not checked",
      },
      { type: 'ignored-declaration', ref: 'ExplodingTable', message: 'the table could not be read (no such column); it is not checked' },
    ]);
  });

  it('reads no table from a module without tables', async () => {
    expect(await load({ helper: () => 1, version: 2 })).toEqual({ schema: { tables: [], enums: [] }, problems: [] });
  });
});

describe('sequences and identity options', () => {
  it('reads an exported pgSequence with the options it writes, numbers as decimal strings, credited to its export', async () => {
    const { schema } = await load(
      {
        orderNumber: pgSequence('order_number', { startWith: 1000, increment: 2, minValue: '10', maxValue: 99999, cache: 5, cycle: true }),
        plain: audit.sequence('plain'),
      },
      { name: 'app', file: 'src/db/sequences.ts' },
    );
    expect(schema.sequences).toEqual([
      {
        schema: 'public',
        name: 'order_number',
        start: '1000',
        increment: '2',
        minValue: '10',
        maxValue: '99999',
        cache: '5',
        cycle: true,
        sources: [{ orm: 'drizzle', registry: 'app', model: 'orderNumber', file: 'src/db/sequences.ts' }],
      },
      { schema: 'audit', name: 'plain', sources: [{ orm: 'drizzle', registry: 'app', model: 'plain', file: 'src/db/sequences.ts' }] },
    ]);
  });

  it('declares no sequences for a module that exports none', async () => {
    expect((await load({ t: pgTable('t', { id: integer('id') }) })).schema.sequences).toBeUndefined();
  });

  it("reads an identity column's kind, sequence name and options; one without options has no sequence", async () => {
    const table = await tableOf({
      tickets: audit.table('tickets', {
        id: integer('id').primaryKey().generatedAlwaysAsIdentity({ name: 'ticket_ids', startWith: 100, increment: 5 }),
        seat: bigint('seat', { mode: 'number' }).generatedByDefaultAsIdentity(),
      }),
    });
    expect(column(table, 'id')).toMatchObject({
      identity: 'always',
      nullable: false,
      default: null,
      sequence: { schema: 'audit', name: 'ticket_ids', start: '100', increment: '5' },
    });
    expect(column(table, 'seat')).toMatchObject({ identity: 'by-default', nullable: false });
    expect(column(table, 'seat').sequence).toBeUndefined();
  });
});

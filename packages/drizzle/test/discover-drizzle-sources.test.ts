import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import * as publicSurface from '@ormdrift/drizzle';
import { discoverDrizzleSources } from '@ormdrift/drizzle';
import { integer, pgEnum, pgSchema, pgSequence, pgTable, pgView, text } from 'drizzle-orm/pg-core';
import { isDrizzleEnum, isDrizzleSchema, isDrizzleTable } from '../src/recognize.ts';

const users = pgTable('users', { id: integer().primaryKey(), name: text() });
const mood = pgEnum('mood', ['happy', 'sad']);
const audit = pgSchema('audit');
const activeUsers = pgView('active_users').as((qb) => qb.select().from(users));

const context = { file: 'src/db/schema.ts', path: '/app/src/db/schema.ts' };
const discover = (exports: Record<string, unknown>) =>
  discoverDrizzleSources(
    Object.entries(exports).map(([name, value]) => ({ name, value })),
    context,
  );

/** The CommonJS build of drizzle-orm: other classes than the ESM ones imported above, as another copy would have. */
const otherCopy = createRequire(import.meta.url)('drizzle-orm/pg-core') as typeof import('drizzle-orm/pg-core');

describe('recognizing Drizzle objects by brand', () => {
  it('knows a table, an enum and a pgSchema', () => {
    expect([isDrizzleTable(users), isDrizzleEnum(mood), isDrizzleSchema(audit)]).toEqual([true, true, true]);
  });

  it('knows a table built by another copy of drizzle-orm', () => {
    const foreign = otherCopy.pgTable('users', { id: otherCopy.integer() });
    // drizzle-orm 1.0 makes `instanceof` brand-aware, so compare the classes themselves
    expect(foreign.constructor).not.toBe(users.constructor);
    expect(isDrizzleTable(foreign)).toBe(true);
  });

  it.each([
    // spreading copies the columns and the `Symbol.for('drizzle:...')` keys, but not the brand
    ['a copy of a table spread into a plain object', { ...users }],
    ['an object with a table-like shape', { [Symbol.for('drizzle:Name')]: 'users', [Symbol.for('drizzle:Columns')]: {}, id: {} }],
    ['a view', activeUsers],
    ['a column', users.id],
    ['null', null],
  ])('does not take %s for a table', (_, value) => {
    expect(isDrizzleTable(value)).toBe(false);
  });

  it('does not take a function with an enum-like shape for an enum', () => {
    expect(isDrizzleEnum(Object.assign(() => undefined, { enumName: 'mood', enumValues: ['happy'] }))).toBe(false);
  });
});

describe('discoverDrizzleSources', () => {
  it('makes one registry, named by its file, of a module that exports tables, enums, schemas and views', async () => {
    const found = discover({ users, mood, audit, activeUsers, helper: () => 1, config: { url: 'x' } });
    expect(found).toHaveLength(1);
    expect(found[0]!.source.name).toBe('drizzle:src/db/schema.ts');
    // the view is Drizzle's: claimed, so that no other adapter takes it
    expect(found[0]!.values).toEqual([users, mood, audit, activeUsers]);
    const { schema } = await found[0]!.source.load();
    expect(schema.tables.map((table) => table.name)).toEqual(['users']);
    expect(schema.tables[0]!.sources).toEqual([{ orm: 'drizzle', registry: 'src/db/schema.ts', model: 'users', file: 'src/db/schema.ts' }]);
  });

  it('finds a module that exports only an enum or only a pgSchema', () => {
    expect(discover({ mood })).toHaveLength(1);
    expect(discover({ audit })).toHaveLength(1);
  });

  it('makes a registry of a module that exports only sequences, and reads them', async () => {
    const found = discover({ orderNumber: pgSequence('order_number', { startWith: 1000 }), invoiceNumber: audit.sequence('invoice_number') });
    expect(found).toHaveLength(1);
    const { schema } = await found[0]!.source.load();
    expect(schema.tables).toEqual([]);
    expect(schema.sequences?.map((sequence) => `${sequence.schema}.${sequence.name}`)).toEqual(['public.order_number', 'audit.invoice_number']);
  });

  it('finds nothing in a module of look-alikes and views only', () => {
    expect(discover({ users: { ...users }, activeUsers, mood: Object.assign(() => undefined, { enumName: 'mood', enumValues: ['a'] }) })).toEqual([]);
  });

  it('reads a table re-exported under a second name once', async () => {
    const [found] = discover({ users, accounts: users });
    expect((await found!.source.load()).schema.tables).toHaveLength(1);
  });
});

describe('public surface', () => {
  it("exports the source, its discovery and the migrations runner only: the brand checks narrow to drizzle-orm's types, which stay out of the .d.ts", () => {
    expect(Object.keys(publicSurface).sort()).toEqual(['discoverDrizzleSources', 'drizzleSource', 'runDrizzleMigrations']);
  });
});

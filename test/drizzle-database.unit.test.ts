import { describe, expect, it } from 'vitest';
import { discoverDrizzleSources } from '@ormdrift/drizzle';

/**
 * An exported `drizzle()` database object, of each drizzle-orm release of the support matrix, is found with its
 * tables and (0.x) its casing: 0.x keeps the schema in `db._.fullSchema`, 1.x the relations' tables in `db._.relations`.
 */
const url = 'postgres://ormdrift@127.0.0.1:1/ormdrift';

async function columnsOf(db: object): Promise<string[]> {
  const [discovered] = discoverDrizzleSources([{ name: 'db', value: db }], { file: 'db.ts', path: '/app/db.ts' });
  if (!discovered) return [];
  const { schema } = await discovered.source.load();
  return schema.tables.flatMap((table) => table.columns.map((column) => `${table.name}.${column.name}`));
}

describe('an exported drizzle() database object', () => {
  it.each(['drizzle-orm', 'drizzle-orm-0.36'])('%s: its schema, read with the casing the call sets', async (orm) => {
    const { pgTable, serial, text } = await import(`${orm}/pg-core`);
    const { drizzle } = await import(`${orm}/node-postgres`);
    const posts = pgTable('posts', { id: serial().primaryKey(), authorName: text() });
    const db = drizzle(url, { schema: { posts }, casing: 'snake_case' });
    expect(await columnsOf(db)).toEqual(['posts.id', 'posts.author_name']);
    await db.$client.end();
  });

  it('drizzle-orm 1.x: the tables of its relations', async () => {
    const { pgTable, serial, text } = await import('drizzle-orm-1/pg-core');
    const { defineRelations } = await import('drizzle-orm-1');
    const { drizzle } = await import('drizzle-orm-1/node-postgres');
    const posts = pgTable('posts', { id: serial().primaryKey(), author_name: text() });
    const db = drizzle(url, { relations: defineRelations({ posts }) });
    expect(await columnsOf(db)).toEqual(['posts.id', 'posts.author_name']);
    await db.$client.end();
  });
});

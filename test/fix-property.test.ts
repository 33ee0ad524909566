import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { displayName, planFix, renderFix, type SchemaSource } from '@ormdrift/core';
import { drizzleSource } from '@ormdrift/drizzle';
import { sequelizeSource } from '@ormdrift/sequelize';
import { typeormSource } from '@ormdrift/typeorm';
import * as drizzleSchema from './fixtures/drizzle/rich-schema.ts';
import { drizzleKitSql } from './fixtures/drizzle/drizzle-kit-sql.ts';
import { appSchemas, createAppSequelize } from './fixtures/sequelize/app-sequelize.ts';
import { catalogSchemas, createCatalogSequelize } from './fixtures/sequelize/catalog-models.ts';
import { richDataSource, richSchemas } from './fixtures/typeorm/rich-entities.ts';
import { catalogSnapshot } from './support/catalog-snapshot.ts';
import { checkDatabase, summarize } from './support/check-database.ts';
import { runSql } from './support/fix-runner.ts';
import { pick, removableObjects, seededRandom, type Removal } from './support/schema-mutations.ts';
import { createTestDatabase, type TestDatabase } from './support/test-database.ts';
import { synchronize } from './support/typeorm-sync.ts';

/**
 * Cases per ORM; each removes one to four objects picked with its own seed. All of them on the
 * newest PostgreSQL; the first ten on the older majors, which share every statement the fix writes
 * but would double the suite's slowest file.
 */
const cases = inject('postgresMajor') >= 18 ? 50 : 10;

interface Oracle {
  readonly orm: string;
  /** Builds the database with the ORM's own tooling. */
  build(database: TestDatabase): Promise<void>;
  sources(): SchemaSource[];
}

const oracles: Oracle[] = [
  {
    orm: 'typeorm',
    async build(database) {
      for (const schema of richSchemas) await database.query(`create schema ${schema}`);
      await synchronize(richDataSource(), database.url);
    },
    sources: () => [typeormSource(richDataSource(), { name: 'rich' })],
  },
  {
    orm: 'sequelize',
    async build(database) {
      for (const schema of [...appSchemas, ...catalogSchemas]) await database.query(`create schema ${schema}`);
      for (const sequelize of [createAppSequelize(database.url), createCatalogSequelize(database.url)]) {
        await sequelize.sync();
        await sequelize.close();
      }
    },
    sources: () => [sequelizeSource(createAppSequelize(), { name: 'app' }), sequelizeSource(createCatalogSequelize(), { name: 'catalog' })],
  },
  {
    orm: 'drizzle',
    async build(database) {
      for (const statement of await drizzleKitSql(drizzleSchema)) await database.query(statement);
    },
    sources: () => [drizzleSource(drizzleSchema, { name: 'rich' })],
  },
];

describe.each(oracles)('fixing random removals from a database $orm built', (oracle) => {
  let built: TestDatabase;
  let removable: Removal[];
  let sources: SchemaSource[];

  beforeAll(async () => {
    built = await createTestDatabase();
    await oracle.build(built);
    removable = await removableObjects(built.url);
    // the models are read once: every case checks the same expected schema
    sources = await Promise.all(
      oracle.sources().map(async (source) => {
        const loaded = await source.load();
        return { name: source.name, load: async () => loaded };
      }),
    );
  });
  afterAll(() => built?.drop());

  it('has objects of every kind to remove', () => {
    for (const kind of ['column', 'table', 'index', 'unique', 'primary key', 'foreign key', 'enum value']) {
      expect(
        removable.some((removal) => removal.what.startsWith(`${kind} `)),
        kind,
      ).toBe(true);
    }
  });

  it.concurrent.each(Array.from({ length: cases }, (_, i) => i + 1))(
    'case %i: fix, re-check, up again is a no-op, rollback restores the mutated schema',
    async (seed) => {
      const random = seededRandom(seed * 7919 + oracle.orm.length);
      const removals = pick(removable, 1 + Math.floor(random() * 4), random);
      const mutated = await createTestDatabase({ template: built });
      // the four snapshots on one session of their own (not the sessions the fix runs on, whose settings they would share)
      const snapshots = new pg.Client({ connectionString: mutated.url });
      try {
        await snapshots.connect();
        for (const removal of removals) await mutated.query(removal.sql);
        const before = await catalogSnapshot(snapshots);
        const drifted = await checkDatabase(mutated.url, sources);
        expect(drifted.findings.length, removals.map((removal) => removal.what).join('; ')).toBeGreaterThan(0);

        const plan = planFix(drifted);
        const scripts = renderFix(plan);
        await runSql(mutated.url, scripts.batches);
        // everything the removals took is back, but for an expression index (the models do not give its expression)
        const unfixable = plan.notes
          .filter((note) => note.topic === 'expression-index')
          .map((note) => ({ code: 'missing-index', severity: 'warning', table: 'table' in note.change ? displayName(note.change.table) : '' }));
        expect(summarize(await checkDatabase(mutated.url, sources)), removals.map((removal) => removal.what).join('; ')).toEqual(unfixable);

        const fixed = await catalogSnapshot(snapshots);
        const again = await runSql(mutated.url, scripts.batches);
        expect(again.notices.filter((notice) => /ormdrift: (added|validated|removed)/.test(notice))).toEqual([]);
        expect(await catalogSnapshot(snapshots)).toEqual(fixed);

        await runSql(mutated.url, [scripts.down]);
        expect(await catalogSnapshot(snapshots)).toEqual(before);
      } finally {
        await snapshots.end();
        await mutated.drop();
      }
    },
  );
});

import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './support/run-cli.ts';
import { createTestDatabase, type TestDatabase } from './support/test-database.ts';

/**
 * A constraint no model declares but an association implies (a Sequelize `belongsToMany` junction's unique or primary
 * key, a TypeORM `@ManyToMany` junction's primary key): the database the ORM builds checks clean, and once the
 * constraint is gone the finding names the association that implies it, in the ORM's own words, so that the user can
 * judge whether they rely on it.
 */
const fixtures = resolve(import.meta.dirname, 'fixtures/implied');
const buildWithOrm = resolve(import.meta.dirname, 'support/build-with-orm.mjs');
const databases: TestDatabase[] = [];
afterAll(() => Promise.all(databases.map((database) => database.drop())));

async function ormBuilt(module: string): Promise<TestDatabase> {
  const database = await createTestDatabase();
  databases.push(database);
  execFileSync(process.execPath, [buildWithOrm, module, database.url], { cwd: fixtures, stdio: ['ignore', 'ignore', 'inherit'] });
  return database;
}

interface JsonFinding {
  readonly code: string;
  readonly severity: string;
  readonly table: string;
  readonly message: string;
}

async function findings(module: string, database: TestDatabase): Promise<JsonFinding[]> {
  const run = await runCli(['check', module, '--db', database.url, '--format', 'json'], { cwd: fixtures });
  expect(run.stderr).toBe('');
  return (JSON.parse(run.stdout) as { findings: JsonFinding[] }).findings.map(({ code, severity, table, message }) => ({ code, severity, table, message }));
}

/** Drops every unique constraint, or the primary key, of a table, as a hand-written migration might. */
async function dropConstraints(database: TestDatabase, table: string, type: 'u' | 'p'): Promise<void> {
  const rows = await database.query<{ conname: string }>(`select conname from pg_constraint where conrelid = $1::regclass and contype = $2 order by conname`, [
    table,
    type,
  ]);
  expect(rows.length).toBeGreaterThan(0);
  for (const { conname } of rows) await database.query(`alter table ${table} drop constraint "${conname.replace(/"/g, '""')}"`);
}

describe('a constraint an association implies', () => {
  it('Sequelize: the belongsToMany junction unique and primary key name their association', async () => {
    const database = await ormBuilt('sequelize-through.ts');
    expect(await findings('sequelize-through.ts', database)).toEqual([]);

    await dropConstraints(database, 'collection_users', 'u');
    await dropConstraints(database, 'user_tags', 'p');
    const found = (await findings('sequelize-through.ts', database)).filter((finding) => finding.code === 'missing-unique');
    expect(found).toHaveLength(2);
    const [junction, tags] = [found.find((finding) => finding.table === 'collection_users'), found.find((finding) => finding.table === 'user_tags')];
    expect(junction?.message).toBe(
      'collection_users has no unique constraint or unique index on ("userId", "collectionId") that User.belongsToMany(Collection, through collection_users) and Collection.belongsToMany(User, through collection_users) imply (CollectionUser (sequelize)): duplicates can be stored',
    );
    expect(tags?.message).toBe(
      'user_tags has no primary key, unique constraint or unique index on ("userId", "tagId"), the primary key of user_tags (sequelize) that User.belongsToMany(Tag, through user_tags) implies: duplicates can be stored',
    );
  });

  it('TypeORM: the @ManyToMany junction primary key names its owning relation', async () => {
    const database = await ormBuilt('typeorm-junction.ts');
    expect(await findings('typeorm-junction.ts', database)).toEqual([]);

    await dropConstraints(database, 'post_tags', 'p');
    const found = (await findings('typeorm-junction.ts', database)).filter((finding) => finding.code === 'missing-unique');
    expect(found).toEqual([
      {
        code: 'missing-unique',
        severity: 'error',
        table: 'post_tags',
        message:
          'post_tags has no primary key, unique constraint or unique index on ("postsId", "tagsId"), the primary key of post_tags (typeorm) that Post.tags (@ManyToMany, @JoinTable) implies: duplicates can be stored',
      },
    ]);
  });
});

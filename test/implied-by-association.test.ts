import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './support/run-cli.ts';
import { createTestDatabase, type TestDatabase } from './support/test-database.ts';

/**
 * A constraint no model declares but an association implies (a Sequelize `belongsToMany` junction's unique or primary
 * key, a TypeORM `@ManyToMany` junction's primary key): the database the ORM builds checks clean, and once the
 * constraint is gone the finding names the association that implies it, in the ORM's own words, so that the user can
 * judge whether they rely on it. A TypeORM closure table is implied by its `@Tree('closure-table')` entity alike.
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

/** Drops every unique constraint, foreign key, or the primary key, of a table, as a hand-written migration might. */
async function dropConstraints(database: TestDatabase, table: string, type: 'u' | 'p' | 'f'): Promise<void> {
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
      'user_tags has no primary key, unique constraint or unique index on ("userId", "tagId"), the primary key of the junction table of User.belongsToMany(Tag, through user_tags): duplicates can be stored',
    );
  });

  it('Sequelize: a through model whose composite primary key the associations also imply: its key dropped is one finding', async () => {
    const database = await ormBuilt('sequelize-through-composite.ts');
    expect(await findings('sequelize-through-composite.ts', database)).toEqual([]);

    await dropConstraints(database, 'book_genres', 'p');
    const found = await findings('sequelize-through-composite.ts', database);
    expect(found.map(({ code, severity, message }) => [code, severity, message])).toEqual([
      [
        'missing-unique',
        'error',
        'book_genres has no primary key, unique constraint or unique index on (book_id, genre_id), the primary key of the junction table of Book.belongsToMany(Genre, through book_genres) and Genre.belongsToMany(Book, through book_genres): duplicates can be stored',
      ],
    ]);
  });

  it('Sequelize: every finding on a junction Sequelize defines names its association, alias included', async () => {
    const database = await ormBuilt('sequelize-through.ts');
    await dropConstraints(database, '"PlayerGroups"', 'p');
    await dropConstraints(database, '"PlayerGroups"', 'f');
    expect((await findings('sequelize-through.ts', database)).map(({ code, message }) => `${code}: ${message}`)).toEqual([
      'missing-unique: "PlayerGroups" has no primary key, unique constraint or unique index on ("PlayerId", "GroupId"), the primary key of the junction table of Player.belongsToMany(Group, as memberOf, through PlayerGroups): duplicates can be stored',
      'missing-foreign-key: "PlayerGroups"("GroupId") references groups(id) in the junction table of Player.belongsToMany(Group, as memberOf, through PlayerGroups) but the database has no such foreign key',
      'missing-foreign-key: "PlayerGroups"("PlayerId") references players(id) in the junction table of Player.belongsToMany(Group, as memberOf, through PlayerGroups) but the database has no such foreign key',
    ]);

    const dropped = await ormBuilt('sequelize-through.ts');
    await dropped.query('drop table "PlayerGroups"');
    expect((await findings('sequelize-through.ts', dropped)).map(({ code, message }) => `${code}: ${message}`)).toEqual([
      'missing-table: "PlayerGroups" is implied by Player.belongsToMany(Group, as memberOf, through PlayerGroups) but the database has no such table',
    ]);
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
          'post_tags has no primary key, unique constraint or unique index on ("postsId", "tagsId"), the primary key of the junction table of Post.tags (@ManyToMany, @JoinTable): duplicates can be stored',
      },
    ]);
  });

  it('TypeORM: the junction table, its foreign keys and its indexes name the relation too', async () => {
    const database = await ormBuilt('typeorm-junction.ts');
    await dropConstraints(database, 'post_tags', 'f');
    for (const { indexname } of await database.query<{ indexname: string }>(
      `select indexname from pg_indexes where tablename = 'post_tags' and indexname like 'IDX%'`,
    ))
      await database.query(`drop index "${indexname}"`);
    expect((await findings('typeorm-junction.ts', database)).map(({ code, message }) => `${code}: ${message}`)).toEqual([
      'missing-foreign-key: post_tags("postsId") references posts(id) in the junction table of Post.tags (@ManyToMany, @JoinTable) but the database has no such foreign key',
      'missing-foreign-key: post_tags("tagsId") references tags(id) in the junction table of Post.tags (@ManyToMany, @JoinTable) but the database has no such foreign key',
      'missing-index: post_tags has no index "IDX_e989388f06246063f9af179809" on ("postsId") that the junction table of Post.tags (@ManyToMany, @JoinTable) declares, but its primary key on ("postsId", "tagsId") leads with the same columns and serves the same lookups',
      'missing-index: post_tags has no index "IDX_03dde65485412da025858f0305" on ("tagsId") that the junction table of Post.tags (@ManyToMany, @JoinTable) declares: queries on it scan the table',
    ]);

    const dropped = await ormBuilt('typeorm-junction.ts');
    await dropped.query('drop table post_tags');
    expect((await findings('typeorm-junction.ts', dropped)).map(({ code, message }) => `${code}: ${message}`)).toEqual([
      'missing-table: post_tags is implied by Post.tags (@ManyToMany, @JoinTable) but the database has no such table',
    ]);
  });

  it("TypeORM: the closure table of a @Tree('closure-table'), its foreign keys and the table itself name the tree entity", async () => {
    const database = await ormBuilt('typeorm-closure.ts');
    expect(await findings('typeorm-closure.ts', database)).toEqual([]);

    await dropConstraints(database, 'categories_closure', 'f');
    expect((await findings('typeorm-closure.ts', database)).map(({ code, message }) => `${code}: ${message}`)).toEqual([
      "missing-foreign-key: categories_closure(id_ancestor) references categories(id) in the junction table of Category (@Tree('closure-table')) but the database has no such foreign key",
      "missing-foreign-key: categories_closure(id_descendant) references categories(id) in the junction table of Category (@Tree('closure-table')) but the database has no such foreign key",
    ]);

    const dropped = await ormBuilt('typeorm-closure.ts');
    await dropped.query('drop table categories_closure');
    expect((await findings('typeorm-closure.ts', dropped)).map(({ code, message }) => `${code}: ${message}`)).toEqual([
      "missing-table: categories_closure is implied by Category (@Tree('closure-table')) but the database has no such table",
    ]);
  });
});

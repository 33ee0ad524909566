import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SchemaIndex, type SchemaModel, type TableModel } from '@ormdrift/core';
import { postgresIntrospector } from '@ormdrift/postgres';
import { sequelizeSource } from '@ormdrift/sequelize';
import { appSchemas, createAppSequelize } from './fixtures/sequelize/app-sequelize.ts';
import { catalogSchemas, createCatalogSequelize } from './fixtures/sequelize/catalog-models.ts';
import { checkDatabase } from './support/check-database.ts';
import { checksEachMutation, dropConstraint, foreignKeyNotValid, keepEnumValues, type Mutation } from './support/mutations.ts';
import { createTestDatabase, type TestDatabase } from './support/test-database.ts';

const mutations: Mutation[] = [
  // a column wider than the model's stores every value the model writes: a warning
  ...(
    [
      ['balance', 'numeric(14,2)'],
      ['level', 'integer'],
      ['ratio', 'double precision'],
    ] as const
  ).map(
    ([column, type]): Mutation => ({
      name: `widen Users.${column} to ${type}`,
      sql: `alter table "Users" alter column ${column} type ${type}`,
      findings: [{ code: 'column-type-mismatch', severity: 'warning', table: 'Users', column }],
    }),
  ),
  // an autoIncrement primary key Sequelize leaves out of its inserts, given a constant default instead
  {
    name: 'replace the sequence default of an autoIncrement primary key by a constant',
    sql: 'alter table "Tag" alter column id set default 1',
    findings: [{ code: 'default-mismatch', severity: 'error', table: 'Tag', column: 'id' }],
  },
  {
    name: 'drop a column',
    sql: 'alter table "Users" drop column bio',
    findings: [{ code: 'missing-column', severity: 'error', table: 'Users', column: 'bio' }],
  },
  { name: 'drop a table', sql: 'drop table "Comments"', findings: [{ code: 'missing-table', severity: 'error', table: 'Comments' }] },
  {
    name: 'narrow a varchar',
    versionSensitive: true,
    sql: 'alter table posts alter column title type varchar(100)',
    findings: [{ code: 'column-type-mismatch', severity: 'error', table: 'posts', column: 'title' }],
  },
  {
    name: 'widen a varchar',
    sql: 'alter table posts alter column title type varchar(500)',
    findings: [{ code: 'column-type-mismatch', severity: 'warning', table: 'posts', column: 'title' }],
  },
  {
    name: 'change a type',
    sql: 'alter table "Users" alter column karma type numeric',
    findings: [{ code: 'column-type-mismatch', severity: 'error', table: 'Users', column: 'karma' }],
  },
  {
    name: 'change DATE (timestamp with time zone) to a timestamp without time zone',
    sql: 'alter table posts alter column published_at type timestamp',
    findings: [{ code: 'column-type-mismatch', severity: 'error', table: 'posts', column: 'published_at' }],
  },
  {
    name: 'change a type in a non-public schema',
    sql: 'alter table shop.products alter column price type numeric(12,3)',
    findings: [{ code: 'column-type-mismatch', severity: 'error', table: 'shop.products', column: 'price' }],
  },
  {
    // `bio` does not say allowNull: nullable by Sequelize's default, so one severity lower than a declared difference
    name: 'set NOT NULL on a column nullable by default',
    sql: 'alter table "Users" alter column bio set not null',
    findings: [{ code: 'nullability-mismatch', severity: 'warning', table: 'Users', column: 'bio' }],
  },
  {
    name: 'drop NOT NULL',
    sql: 'alter table posts alter column title drop not null',
    findings: [{ code: 'nullability-mismatch', severity: 'warning', table: 'posts', column: 'title' }],
  },
  {
    name: 'drop the database default of a NOT NULL column whose defaultValue Sequelize sends itself',
    sql: 'alter table posts alter column status drop default',
    // create() still succeeds: only inserts that bypass Sequelize fail
    findings: [{ code: 'default-mismatch', severity: 'warning', table: 'posts', column: 'status' }],
  },
  {
    name: 'drop a Sequelize.literal default',
    versionSensitive: true,
    sql: 'alter table "Users" alter column "joinedAt" drop default',
    // Sequelize writes the literal into its own inserts
    findings: [{ code: 'default-mismatch', severity: 'warning', table: 'Users', column: 'joinedAt' }],
  },
  {
    name: 'drop the sequence default of an autoIncrement column',
    versionSensitive: true,
    sql: 'alter table "Tag" alter column id drop default',
    findings: [{ code: 'default-mismatch', severity: 'error', table: 'Tag', column: 'id' }],
  },
  {
    name: 'drop the identity of an autoIncrementIdentity column',
    versionSensitive: true,
    sql: 'alter table settings alter column id drop identity',
    findings: [{ code: 'default-mismatch', severity: 'error', table: 'settings', column: 'id' }],
  },
  {
    name: 'make an autoIncrementIdentity column GENERATED ALWAYS: explicit ids fail',
    versionSensitive: true,
    sql: 'alter table settings alter column id set generated always',
    findings: [{ code: 'identity-mismatch', severity: 'error', table: 'settings', column: 'id' }],
  },
  {
    name: "change an autoIncrementIdentity column's increment",
    sql: 'alter table settings alter column id set increment by 10',
    findings: [{ code: 'sequence-mismatch', severity: 'warning', table: 'settings', column: 'id' }],
  },
  {
    name: 'change a default',
    sql: `alter table settings alter column scope set default 'local'`,
    findings: [{ code: 'default-mismatch', severity: 'warning', table: 'settings', column: 'scope' }],
  },
  {
    name: 'change a JSONB default',
    versionSensitive: true,
    sql: `alter table "Users" alter column settings set default '{"theme": "light", "beta": false}'`,
    findings: [{ code: 'default-mismatch', severity: 'warning', table: 'Users', column: 'settings' }],
  },
  {
    name: 'change an ARRAY[...] default',
    versionSensitive: true,
    sql: `alter table "Users" alter column "luckyNumbers" set default '{13,7}'`,
    findings: [{ code: 'default-mismatch', severity: 'warning', table: 'Users', column: 'luckyNumbers' }],
  },
  {
    name: 'change a timestamp default',
    sql: `alter table "Users" alter column "launchedAt" set default '2021-01-01 00:00:00+00'`,
    findings: [{ code: 'default-mismatch', severity: 'warning', table: 'Users', column: 'launchedAt' }],
  },
  {
    name: 'give a database default to a column whose UUIDV4 default is made in JavaScript',
    versionSensitive: true,
    sql: 'alter table "Users" alter column id set default gen_random_uuid()',
    findings: [{ code: 'default-mismatch', severity: 'warning', table: 'Users', column: 'id' }],
  },
  {
    name: 'give a database default to a column whose DataTypes.NOW default is made in JavaScript',
    sql: 'alter table "Users" alter column "lastSeenAt" set default now()',
    findings: [{ code: 'default-mismatch', severity: 'warning', table: 'Users', column: 'lastSeenAt' }],
  },
  {
    name: 'drop a belongsTo foreign key',
    versionSensitive: true,
    sql: dropConstraint('posts', 'f', 'author_id'),
    findings: [{ code: 'missing-foreign-key', severity: 'warning', table: 'posts', column: 'author_id' }],
  },
  {
    name: 'add a belongsTo foreign key back NOT VALID: rows already there were never checked',
    sql: foreignKeyNotValid('posts', 'author_id'),
    findings: [{ code: 'foreign-key-mismatch', severity: 'warning', table: 'posts', column: 'author_id' }],
  },
  {
    name: 'drop a references foreign key in a non-public schema',
    sql: dropConstraint('audit.events', 'f', 'actor_id'),
    findings: [{ code: 'missing-foreign-key', severity: 'warning', table: 'audit.events', column: 'actor_id' }],
  },
  {
    name: 'drop a named unique',
    sql: dropConstraint('"Tag"', 'u', 'label'),
    findings: [{ code: 'missing-unique', severity: 'error', table: 'Tag', column: 'label' }],
  },
  {
    name: 'drop a boolean unique',
    versionSensitive: true,
    sql: dropConstraint('"Users"', 'u', 'email'),
    findings: [{ code: 'missing-unique', severity: 'error', table: 'Users', column: 'email' }],
  },
  {
    name: 'drop a composite named unique',
    versionSensitive: true,
    sql: `alter table profiles drop constraint profiles_site_account_key`,
    findings: [{ code: 'missing-unique', severity: 'error', table: 'profiles' }],
  },
  {
    name: 'drop a unique index',
    sql: 'drop index posts_slug',
    findings: [{ code: 'missing-unique', severity: 'error', table: 'posts', column: 'slug' }],
  },
  {
    // a uniqueness guarantee, partial or not: duplicates among the rows it covers can be stored
    name: 'drop a partial unique index',
    versionSensitive: true,
    sql: 'drop index profiles_web_handle',
    findings: [{ code: 'missing-unique', severity: 'error', table: 'profiles' }],
  },
  {
    name: 'drop an index',
    sql: 'drop index users_karma_created',
    findings: [{ code: 'missing-index', severity: 'warning', table: 'Users' }],
  },
  {
    name: 'drop the primary key of a junction table',
    versionSensitive: true,
    sql: dropConstraint('post_tags', 'p'),
    findings: [{ code: 'missing-unique', severity: 'error', table: 'post_tags' }],
  },
  {
    name: 'add an orphan table',
    sql: 'create table legacy_logs (id integer primary key, line text)',
    findings: [{ code: 'orphan-table', severity: 'warning', table: 'legacy_logs' }],
  },
  {
    name: "add Sequelize's migration ledger",
    sql: 'create table "SequelizeMeta" (name varchar(255) primary key)',
    findings: [],
  },
  {
    name: 'add a NOT NULL column with no default',
    sql: 'alter table "Tag" add column color text not null',
    findings: [{ code: 'extra-column', severity: 'error', table: 'Tag', column: 'color' }],
  },
  {
    name: 'add a nullable column',
    sql: 'alter table "Tag" add column color text',
    findings: [{ code: 'extra-column', severity: 'warning', table: 'Tag', column: 'color' }],
  },
  {
    name: 'remove an enum value',
    sql: keepEnumValues('"enum_Users_role"', ['admin', 'member'], '"Users"', 'role', `'member'`),
    findings: [{ code: 'enum-values-mismatch', severity: 'error', table: 'Users', column: 'role' }],
  },
  {
    name: 'remove a value of an enum used by an ARRAY(ENUM) column',
    versionSensitive: true,
    sql: `alter type shop.enum_products_colors rename to old_enum;
          create type shop.enum_products_colors as enum ('red', 'green');
          alter table shop.products alter column colors type shop.enum_products_colors[] using colors::text[]::shop.enum_products_colors[];
          drop type shop.old_enum`,
    findings: [{ code: 'enum-values-mismatch', severity: 'error', table: 'shop.products', column: 'colors' }],
  },
  {
    name: 'drop an enum type',
    versionSensitive: true,
    sql: `alter table audit.events alter column severity drop default;
          alter table audit.events alter column severity type text;
          alter table audit.events alter column severity set default 'info';
          drop type audit.enum_events_severity`,
    findings: [
      { code: 'column-type-mismatch', severity: 'error', table: 'audit.events', column: 'severity' },
      { code: 'missing-enum', severity: 'error', table: 'audit.events', column: 'severity' },
    ],
  },
  {
    name: 'retype a foreign-key column away from its target',
    sql: 'alter table "Comments" alter column "postId" type integer',
    // the model-versus-database fact, with the key it references in the message; not also a conflict inside the database
    findings: [{ code: 'column-type-mismatch', severity: 'error', table: 'Comments', column: 'postId' }],
  },
  {
    name: 'drop a column of a mixed-case table with spaces',
    sql: 'alter table "Stock Levels" drop column "Units On Hand"',
    findings: [{ code: 'missing-column', severity: 'error', table: 'Stock Levels', column: 'Units On Hand' }],
  },
  {
    name: 'drop a paranoid deletedAt column',
    versionSensitive: true,
    sql: 'alter table "Users" drop column "deletedAt"',
    findings: [{ code: 'missing-column', severity: 'error', table: 'Users', column: 'deletedAt' }],
  },
  {
    name: 'drop the belongsToMany junction table',
    versionSensitive: true,
    sql: 'drop table post_tags',
    findings: [{ code: 'missing-table', severity: 'error', table: 'post_tags' }],
  },
  {
    name: 'drop an explicit junction model table',
    sql: 'drop table shop.product_labels',
    findings: [{ code: 'missing-table', severity: 'error', table: 'shop.product_labels' }],
  },
];

describe('Sequelize: a database built by sync()', () => {
  let synced: TestDatabase;
  // read without a connection: the instances ormdrift reads are never connected
  const sources = () => [sequelizeSource(createAppSequelize(), { name: 'app' }), sequelizeSource(createCatalogSequelize(), { name: 'catalog' })];

  beforeAll(async () => {
    synced = await createTestDatabase();
    for (const schema of [...appSchemas, ...catalogSchemas]) await synced.query(`create schema ${schema}`);
    for (const sequelize of [createAppSequelize(synced.url), createCatalogSequelize(synced.url)]) {
      await sequelize.sync();
      await sequelize.close();
    }
  });
  afterAll(() => synced?.drop());

  it('checks with zero findings', async () => {
    const result = await checkDatabase(synced.url, sources());
    expect(result.findings).toEqual([]);
    expect(result.problems).toEqual([]);
    // 8 app models plus the implicit post_tags junction, 5 catalog models
    expect(result.summary).toEqual({ errors: 0, warnings: 0, tables: 14 });
  });

  it('reads every key, foreign key (with its actions), unique, index and enum that sync() created', async () => {
    const expected = await Promise.all(sources().map(async (source) => (await source.load()).schema));
    const actual = await introspect(synced.url, [...appSchemas, ...catalogSchemas, 'public']);
    for (const schema of expected) expect(structureOf(schema, actual)).toEqual(structureOf(schema, schema));
  });

  it('says Sequelize computes a DataTypes.NOW default itself when the database has a default the model does not', async () => {
    const mutated = await createTestDatabase({ template: synced });
    try {
      await mutated.query('alter table "Users" alter column "lastSeenAt" set default now()');
      const result = await checkDatabase(mutated.url, sources());
      expect(result.findings.map((finding) => [finding.code, finding.severity, finding.message])).toEqual([
        [
          'default-mismatch',
          'warning',
          '"Users"."lastSeenAt" has default now() in the database but none in User (sequelize): Sequelize computes the value itself (DataTypes.NOW, a client-side default) and sends it in its own inserts, so the database default serves only inserts that bypass Sequelize',
        ],
      ]);
    } finally {
      await mutated.drop();
    }
  });

  checksEachMutation(mutations, { template: () => synced, sources });
});

function introspect(url: string, schemas: string[]): Promise<SchemaModel> {
  return postgresIntrospector(url).introspect({ schemas });
}

/**
 * What the check itself does not compare (yet), described the same way for the declared
 * tables and for the database: primary-key columns, foreign keys with their ON DELETE /
 * ON UPDATE actions, unique column sets, index names, enum values in order.
 */
function structureOf(declared: SchemaModel, schema: SchemaModel) {
  const index = new SchemaIndex(schema);
  const sorted = (values: readonly string[]) => [...values].sort();
  return {
    tables: declared.tables.map((table) => {
      const found: TableModel | undefined = index.table(table);
      return {
        table: `${table.schema}.${table.name}`,
        primaryKey: found?.primaryKey ? sorted(found.primaryKey.columns) : null,
        foreignKeys: sorted(
          (found?.foreignKeys ?? []).map(
            (fk) =>
              `${fk.columns.join(',')} -> ${fk.references.schema}.${fk.references.name}(${fk.references.columns.join(',')}) ${fk.onDelete}/${fk.onUpdate}`,
          ),
        ),
        uniques: sorted(table.uniques.map((unique) => sorted(unique.columns).join(',')).filter((columns) => hasUnique(found, columns))),
        indexes: sorted(
          table.indexes.map((declaredIndex) => declaredIndex.name ?? '').filter((name) => found?.indexes.some((candidate) => candidate.name === name)),
        ),
      };
    }),
    enums: declared.enums.map((declaredEnum) => ({ name: `${declaredEnum.schema}.${declaredEnum.name}`, values: index.enum(declaredEnum)?.values ?? null })),
  };
}

function hasUnique(table: TableModel | undefined, columns: string): boolean {
  const key = (values: readonly string[]) => [...values].sort().join(',');
  return (table?.uniques ?? []).some((unique) => key(unique.columns) === columns) || (table?.primaryKey ? key(table.primaryKey.columns) === columns : false);
}

/** The `extra-constraint` rule: a unique, foreign key, check or exclusion in the database that no model declares. */
import { check, column, dbTable, exclusion, foreignKey, index, schema, table, unique } from '../support/models.ts';
import { ruleTester } from '../support/rule-tester.ts';

const visitColumns = [column('id', 'integer'), column('visitorId', 'integer'), column('visitedTeamId', 'integer')];
const teams = table('teams', [column('id', 'integer')], { primaryKey: ['id'] });
const teamsDb = dbTable('teams', [column('id', 'integer')], { primaryKey: ['id'] });
const visits = (options: Parameters<typeof table>[2] = {}) => schema([teams, table('visits', visitColumns, { primaryKey: ['id'], ...options })]);
const visitsDb = (options: Parameters<typeof dbTable>[2] = {}) => schema([teamsDb, dbTable('visits', visitColumns, { primaryKey: ['id'], ...options })]);
const toTeams = foreignKey(['visitedTeamId'], 'teams(id)');

ruleTester('extra-constraint', {
  valid: [
    { name: 'nothing but the primary key', expected: visits(), actual: visitsDb() },
    {
      name: 'a declared unique, in any column order',
      expected: visits({ uniques: [unique(['visitorId', 'visitedTeamId'])] }),
      actual: visitsDb({ uniques: [unique(['visitedTeamId', 'visitorId'], { name: 'visits_pair_key' })] }),
    },
    {
      name: 'a unique that also holds the primary key rejects nothing the key accepts',
      expected: visits(),
      actual: visitsDb({ uniques: [unique(['id', 'visitorId'])] }),
    },
    {
      name: 'a declared unique rebuilt under its name on fewer columns is missing-unique business, not an undeclared unique',
      expected: visits({ uniques: [unique(['visitorId', 'visitedTeamId'], { name: 'visits_pair_uq' })] }),
      actual: visitsDb({ uniques: [unique(['visitorId'], { name: 'visits_pair_uq' })], indexes: [index(['visitorId'], { name: 'visits_pair_uq' })] }),
    },
    {
      name: 'a unique over a declared unique and one more column rejects nothing the declared one accepts',
      expected: visits({ uniques: [unique(['visitorId'])] }),
      actual: visitsDb({ uniques: [unique(['visitorId']), unique(['visitorId', 'visitedTeamId'])] }),
    },
    {
      name: 'a declared unique the database has as NULLS NOT DISTINCT is unique-mismatch business',
      expected: visits({ uniques: [unique(['visitorId'])] }),
      actual: visitsDb({ uniques: [unique(['visitorId'], { nullsNotDistinct: true })] }),
    },
    { name: 'a declared foreign key', expected: visits({ foreignKeys: [toTeams] }), actual: visitsDb({ foreignKeys: [{ ...toTeams, name: 'visits_fk' }] }) },
    {
      name: 'a declared foreign key with other actions is foreign-key-mismatch business',
      expected: visits({ foreignKeys: [toTeams] }),
      actual: visitsDb({ foreignKeys: [foreignKey(['visitedTeamId'], 'teams(id)', { onDelete: 'CASCADE' })] }),
    },
    {
      name: 'a declared check',
      expected: visits({ checks: [check('"visitorId" > 0', 'CHK_v')] }),
      actual: visitsDb({ checks: [check('("visitorId" > 0)', 'CHK_v')] }),
    },
    {
      name: 'a declared check changed under its name is check-mismatch business',
      expected: visits({ checks: [check('"visitorId" > 0', 'CHK_v')] }),
      actual: visitsDb({ checks: [check('("visitorId" > 1)', 'CHK_v')] }),
    },
  ],
  invalid: [
    {
      name: 'a unique expression index under a declared index name, on other expressions',
      expected: schema([
        table('users', [column('id', 'integer'), column('email', 'text'), column('name', 'text')], {
          primaryKey: ['id'],
          indexes: [index([], { name: 'users_email_lower', expressions: ['lower("email")'], unique: true })],
        }),
      ]),
      actual: schema([
        dbTable('users', [column('id', 'integer'), column('email', 'text'), column('name', 'text')], {
          primaryKey: ['id'],
          indexes: [index([], { name: 'users_email_lower', expressions: ['lower(name)'], unique: true })],
        }),
      ]),
      findings: [
        {
          severity: 'warning',
          table: 'users',
          message:
            'users has a unique index users_email_lower on (lower(name)) that User (typeorm) does not declare: a write that repeats a value the models allow to repeat fails',
          actual: { type: 'unique', expressions: ['lower(name)'], name: 'users_email_lower' },
        },
      ],
    },
    {
      name: 'a unique added by hand on a through table the model keeps non-unique',
      expected: visits(),
      actual: visitsDb({ uniques: [unique(['visitorId', 'visitedTeamId'], { name: 'visits_pair_key' })] }),
      findings: [
        {
          severity: 'warning',
          table: 'visits',
          message:
            'visits has a unique visits_pair_key on ("visitorId", "visitedTeamId") that User (typeorm) does not declare: a write that repeats a value the models allow to repeat fails',
          expected: null,
          actual: { type: 'unique', columns: ['visitorId', 'visitedTeamId'], name: 'visits_pair_key' },
        },
      ],
    },
    {
      name: 'a partial unique index no model declares, on one column',
      expected: visits(),
      actual: visitsDb({ uniques: [unique(['visitorId'], { where: '("visitedTeamId" IS NOT NULL)' })] }),
      findings: [
        {
          severity: 'warning',
          table: 'visits',
          column: 'visitorId',
          actual: { type: 'unique', columns: ['visitorId'], where: '("visitedTeamId" IS NOT NULL)' },
        },
      ],
    },
    {
      name: 'a declared partial index that the database built UNIQUE',
      expected: visits({ indexes: [index(['visitorId'], { name: 'visits_live_visitor', where: '"visitedTeamId" IS NOT NULL' })] }),
      actual: visitsDb({
        uniques: [unique(['visitorId'], { name: 'visits_live_visitor', where: '("visitedTeamId" IS NOT NULL)' })],
        indexes: [index(['visitorId'], { name: 'visits_live_visitor', where: '("visitedTeamId" IS NOT NULL)' })],
      }),
      findings: [
        {
          severity: 'warning',
          table: 'visits',
          column: 'visitorId',
          message:
            'visits has a unique visits_live_visitor on ("visitorId") WHERE ("visitedTeamId" IS NOT NULL), but User (typeorm) declares it not unique: the database rejects duplicate keys the models allow, so a write that repeats a key among the rows WHERE ("visitedTeamId" IS NOT NULL) fails',
          actual: { type: 'unique', columns: ['visitorId'], where: '("visitedTeamId" IS NOT NULL)', name: 'visits_live_visitor' },
        },
      ],
    },
    {
      name: 'a declared plain index that the database built UNIQUE under its name',
      expected: visits({ indexes: [index(['visitorId'], { name: 'visits_visitor' })] }),
      actual: visitsDb({ uniques: [unique(['visitorId'], { name: 'visits_visitor' })], indexes: [index(['visitorId'], { name: 'visits_visitor' })] }),
      findings: [
        {
          severity: 'warning',
          table: 'visits',
          column: 'visitorId',
          message:
            'visits has a unique visits_visitor on ("visitorId"), but User (typeorm) declares it not unique: the database rejects duplicate keys the models allow, so a write that repeats a key fails',
        },
      ],
    },
    {
      name: 'a declared partial index whose unique twin in the database has another name',
      expected: visits({ indexes: [index(['visitorId'], { name: 'visits_live_visitor', where: '"visitedTeamId" IS NOT NULL' })] }),
      actual: visitsDb({ uniques: [unique(['visitorId'], { name: 'visits_visitor_key', where: '("visitedTeamId" IS NOT NULL)' })] }),
      findings: [
        {
          severity: 'warning',
          table: 'visits',
          column: 'visitorId',
          message:
            'visits has a unique visits_visitor_key on ("visitorId") WHERE ("visitedTeamId" IS NOT NULL), but User (typeorm) declares the index visits_live_visitor on ("visitorId") not unique: the database rejects duplicate keys the models allow, so a write that repeats a key among the rows WHERE ("visitedTeamId" IS NOT NULL) fails',
        },
      ],
    },
    {
      name: 'a unique under a declared partial index with another predicate is a unique no model declares',
      expected: visits({ indexes: [index(['visitorId'], { name: 'visits_live_visitor', where: '"visitedTeamId" IS NULL' })] }),
      actual: visitsDb({ uniques: [unique(['visitorId'], { name: 'visits_live_visitor', where: '("visitedTeamId" IS NOT NULL)' })] }),
      findings: [
        {
          severity: 'warning',
          table: 'visits',
          column: 'visitorId',
          message:
            'visits has a unique visits_live_visitor on ("visitorId") WHERE ("visitedTeamId" IS NOT NULL) that User (typeorm) does not declare: a write that repeats a value the models allow to repeat fails',
        },
      ],
    },
    {
      name: 'a foreign key no model declares',
      expected: visits(),
      actual: visitsDb({ foreignKeys: [foreignKey(['visitedTeamId'], 'teams(id)', { name: 'visits_team_fk' })] }),
      findings: [
        {
          severity: 'warning',
          table: 'visits',
          column: 'visitedTeamId',
          message:
            'visits has a foreign key visits_team_fk ("visitedTeamId") referencing teams(id) that User (typeorm) does not declare: writes of a value the referenced table lacks, and deletes of rows it references, fail',
          actual: {
            type: 'foreign-key',
            columns: ['visitedTeamId'],
            references: 'teams(id)',
            onDelete: 'NO ACTION',
            onUpdate: 'NO ACTION',
            name: 'visits_team_fk',
          },
        },
      ],
    },
    {
      name: 'a check no model declares',
      expected: visits(),
      actual: visitsDb({ checks: [check('("visitorId" <> "visitedTeamId")', 'visits_check')] }),
      findings: [
        {
          severity: 'warning',
          table: 'visits',
          message: 'visits has a check visits_check (("visitorId" <> "visitedTeamId")) that User (typeorm) does not declare: writes of rows that break it fail',
          actual: { type: 'check', expression: '("visitorId" <> "visitedTeamId")', name: 'visits_check' },
        },
      ],
    },
    {
      name: 'an exclusion no model declares',
      expected: visits(),
      actual: visitsDb({ exclusions: [exclusion('USING gist ("visitorId" WITH =)', 'visits_visitor_excl')] }),
      findings: [
        {
          severity: 'warning',
          table: 'visits',
          message:
            'visits has an exclusion visits_visitor_excl EXCLUDE USING gist ("visitorId" WITH =) that User (typeorm) does not declare: writes of a row that conflicts with another under it fail',
          actual: { type: 'exclusion', expression: 'USING gist ("visitorId" WITH =)', name: 'visits_visitor_excl' },
        },
      ],
    },
    {
      name: 'turned into an error by configuration',
      expected: visits(),
      actual: visitsDb({ checks: [check('("visitorId" > 0)')] }),
      rules: { 'extra-constraint': 'error' },
      findings: [{ severity: 'error', table: 'visits' }],
    },
  ],
});

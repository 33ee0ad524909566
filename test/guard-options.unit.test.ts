/**
 * Options written by hand are checked before anything is read: a typo in the guard's mode or in a finding code must
 * not quietly let an app start on a drifted database, nor let a matcher pass. The database URL here points at a port
 * nothing listens on: a check that got as far as connecting would fail with a connection error instead.
 */
import { describe, expect, it } from 'vitest';
import { RuleSettingsError } from '@ormdrift/core';
import { allowFindings, checkSchema, guardDataSource, guardDrizzle, guardSchema, guardSequelize, MigrationsError } from '@ormdrift/guard';
import { ormdriftMatchers } from '@ormdrift/vitest';

const nowhere = 'postgres://nobody@127.0.0.1:1/nothing';
const sources = { name: 'nothing', load: () => Promise.reject(new Error('the models were read')) };
const db = { query: () => Promise.reject(new Error('the database was read')) };

describe('the guard refuses wrong options before reading anything', () => {
  it("an unknown mode ('thorw') is a TypeError naming mode and its values, in guardSchema and guardDataSource", async () => {
    const options = { sources, db, mode: 'thorw' } as unknown as Parameters<typeof guardSchema>[0];
    await expect(guardSchema(options)).rejects.toThrow(new TypeError(`ormdrift: mode must be 'throw' or 'warn', not "thorw"`));
    await expect(guardDataSource(db, { mode: 'thorw' } as never)).rejects.toThrow(/mode must be 'throw' or 'warn', not "thorw"/);
  });

  it("an unknown option ('modee') is a TypeError naming it and the options, in guardSchema and guardDataSource", async () => {
    await expect(guardSchema({ sources, db, modee: 'warn' } as never)).rejects.toThrow(
      new TypeError(
        'ormdrift: unknown guard option "modee": the guard takes sources, db, mode, timeoutMs, logger, env, rules, allow, schemas, statementTimeoutMs',
      ),
    );
    await expect(guardDataSource(db, { mode: 'warn', alow: ['missing-column'] } as never)).rejects.toThrow(/unknown guardDataSource option "alow"/);
  });

  it('the sugar functions refuse sources and db, which JavaScript can pass and they would ignore, naming what they take', async () => {
    const takes = 'mode, timeoutMs, logger, env, rules, allow, schemas, statementTimeoutMs';
    const why =
      '; it reads the models and the database from the ORM object it is given: to check other models or another database, call guardSchema({ sources, db })';
    await expect(guardDataSource(db, { db: nowhere, sources } as never)).rejects.toThrow(
      new TypeError(`ormdrift: unknown guardDataSource options "db", "sources": guardDataSource takes ${takes}${why}`),
    );
    await expect(guardSequelize(db, { db: nowhere } as never)).rejects.toThrow(
      new TypeError(`ormdrift: unknown guardSequelize option "db": guardSequelize takes ${takes}${why}`),
    );
    await expect(guardDrizzle(db, {}, { sources, casing: 'snake_case' } as never)).rejects.toThrow(
      new TypeError(`ormdrift: unknown guardDrizzle option "sources": guardDrizzle takes ${takes}, casing${why}`),
    );
    // refused in warn mode too, before anything is read: a wrong call is a bug to fix, not a check that could not run
    await expect(guardSequelize(db, { mode: 'warn', sources } as never)).rejects.toThrow(TypeError);
  });

  it('no db is a TypeError saying what to pass, without the migrations the guard does not take', async () => {
    await expect(guardSchema({ sources, mode: 'warn' } as never)).rejects.toThrow(
      new TypeError('ormdrift: no database to check: pass db (a postgres:// URL, a pg Client or Pool, or the open ORM connection)'),
    );
  });

  it('wrong types of timeoutMs, logger, env, schemas, statementTimeoutMs are TypeErrors naming the option', async () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ timeoutMs: '5000' }, /timeoutMs must be a positive number of milliseconds, not "5000"/],
      [{ timeoutMs: -1 }, /timeoutMs must be a positive number/],
      [{ logger: {} }, /logger must have a warn\(message\) method/],
      [{ env: 'production' }, /env must be an object/],
      [{ schemas: 'public' }, /schemas must be an array of schema names/],
      [{ statementTimeoutMs: Number.NaN }, /statementTimeoutMs must be a positive number/],
    ];
    for (const [option, message] of cases) {
      const rejected = guardSchema({ sources, db, mode: 'warn', ...option } as never);
      await expect(rejected).rejects.toThrow(TypeError);
      await expect(guardSchema({ sources, db, mode: 'warn', ...option } as never)).rejects.toThrow(message);
    }
  });

  it("an unknown code in allow ('missing-colum') is a TypeError naming it and listing the codes, in warn mode too", async () => {
    const rejected = guardSchema({ sources, db: nowhere, mode: 'warn', allow: ['missing-colum' as never] });
    await expect(rejected).rejects.toThrow(TypeError);
    await expect(guardSchema({ sources, db: nowhere, mode: 'warn', allow: [{ code: 'extra-colum' as never, table: 'users' }] })).rejects.toThrow(
      /allow: unknown finding code "extra-colum": the codes are registry-conflict, missing-table, missing-column, .*extra-column/,
    );
    await expect(checkSchema({ sources, db: nowhere, allow: ['missing-colum' as never] })).rejects.toThrow(/unknown finding code "missing-colum"/);
  });

  it('an unknown code in rules is a RuleSettingsError naming it and listing the codes', async () => {
    const rejected = guardSchema({ sources, db: nowhere, mode: 'warn', rules: { 'extra-colum': 'off' } as never });
    await expect(rejected).rejects.toThrow(RuleSettingsError);
    await expect(checkSchema({ sources, db: nowhere, rules: { 'extra-colum': 'off' } as never })).rejects.toThrow(
      /rules: unknown rule "extra-colum": the codes are registry-conflict, missing-table/,
    );
  });

  it('allowFindings refuses an unknown code even when the result has no finding', () => {
    const result = { findings: [], changes: [], problems: [], summary: { tables: 1, errors: 0, warnings: 0 } } as never;
    expect(() => allowFindings(result, ['missing-colum' as never])).toThrow(/unknown finding code "missing-colum"/);
    expect(allowFindings(result, ['missing-column'])).toStrictEqual(result);
  });
});

describe('in warn mode, every check that could not run says so the same way', () => {
  it('sources that hold no models: one line, "⚠ ormdrift: … did NOT run, the app starts unchecked", and the cause once', async () => {
    const logger = { lines: [] as string[], warn: (message: string) => void logger.lines.push(message) };
    const outcome = await guardSchema({ sources: [], db, mode: 'warn', logger });
    expect(outcome.status).toBe('failed');
    expect(logger.lines).toEqual([
      '⚠ ormdrift: the schema check did NOT run, the app starts unchecked: sources holds no ORM models ormdrift can read: pass a TypeORM DataSource or entities, a Sequelize instance or models, a Drizzle schema object (import * as schema), or a SchemaSource',
    ]);
    await expect(guardSchema({ sources: [], db })).rejects.toThrow(new TypeError(`ormdrift: ${logger.lines[0]?.split('unchecked: ')[1]}`));
  });
});

describe('the matchers refuse unknown codes', () => {
  const context = { isNot: false };
  it("toMatchDatabase with allow: ['missing-colum'] throws naming the code, before connecting", async () => {
    await expect(ormdriftMatchers.toMatchDatabase.call(context, sources, nowhere, { allow: ['missing-colum' as never] })).rejects.toThrow(
      /unknown finding code "missing-colum": the codes are .*missing-column/,
    );
  });

  it('toMatchDatabase with an unknown rules code throws naming it', async () => {
    await expect(ormdriftMatchers.toMatchDatabase.call(context, sources, nowhere, { rules: { 'missing-colum': 'off' } as never })).rejects.toThrow(
      /unknown rule "missing-colum"/,
    );
  });

  it('toHaveNoDrift with an unknown allow code throws naming it, on a clean result too', () => {
    const result = { findings: [], changes: [], problems: [], summary: { tables: 1, errors: 0, warnings: 0 } };
    expect(() => ormdriftMatchers.toHaveNoDrift.call(context, result, { allow: ['missing-colum' as never] })).toThrow(/unknown finding code "missing-colum"/);
  });
});

describe('migrations instead of a database: the options are checked before anything is read or started', () => {
  it('the guard refuses migrations: it checks the database the app runs on', async () => {
    await expect(guardSchema({ sources, db, migrations: 'migrations' } as never)).rejects.toThrow(
      /the guard checks the database the app runs on, not one built from migrations: give db/,
    );
  });

  it('checkSchema takes db or migrations: neither, both, or a wrong shape is a TypeError naming them', async () => {
    await expect(checkSchema({ sources })).rejects.toThrow(
      new TypeError(
        'ormdrift: no database to check: pass db (a postgres:// URL, a pg Client or Pool, an open ORM connection) or migrations (the folder of the migrations that build it)',
      ),
    );
    await expect(checkSchema({ sources, db: nowhere, migrations: 'migrations' })).rejects.toThrow(/give db or migrations, not both/);
    await expect(checkSchema({ sources, migrations: 42 as never })).rejects.toThrow(/migrations must be the path of the migrations, or \{ path, kind/);
    await expect(checkSchema({ sources, migrations: { path: 'migrations', kind: 'flyway' as never } })).rejects.toThrow(
      /migrations\.kind must be one of sql, typeorm, drizzle, sequelize, not "flyway"/,
    );
    await expect(checkSchema({ sources, migrations: { path: 'migrations', importModule: 'import' as never } })).rejects.toThrow(
      /migrations\.importModule must be a function/,
    );
  });

  it('a migrations path that does not exist is a MigrationsError naming it, in checkSchema and toMatchDatabase', async () => {
    const missing = checkSchema({ sources, migrations: { path: 'no/such/migrations', cwd: import.meta.dirname } });
    await expect(missing).rejects.toThrow(MigrationsError);
    await expect(checkSchema({ sources, migrations: { path: 'no/such/migrations', cwd: import.meta.dirname } })).rejects.toThrow(
      `cannot find the migrations no/such/migrations: check the path (relative to ${import.meta.dirname})`,
    );
    const matcher = ormdriftMatchers.toMatchDatabase.call({}, sources, { migrations: 'no/such/migrations' });
    await expect(matcher).rejects.toThrow(/cannot find the migrations no\/such\/migrations/);
  });
});

describe('a db that is no PostgreSQL URL is refused in the terms of the API it was given to, without its password', () => {
  // models that load, so that the check gets as far as the database
  const empty = { name: 'empty', load: async () => ({ schema: { tables: [], enums: [] }, problems: [] }) };

  it("guardSchema and checkSchema say db: 'postgres://…', not the CLI's --db", async () => {
    const line = "mysql://app@db/x is not a PostgreSQL URL: pass db: 'postgres://user@host:5432/database'";
    await expect(guardSchema({ sources: empty, db: 'mysql://app:Hunter2@db/x' })).rejects.toThrow(line);
    await expect(checkSchema({ sources: empty, db: 'mysql://app:Hunter2@db/x' })).rejects.toThrow(line);
    const logger = { lines: [] as string[], warn: (message: string) => void logger.lines.push(message) };
    const outcome = await guardSchema({ sources: empty, db: 'not a url', mode: 'warn', logger });
    expect(outcome.status).toBe('failed');
    expect(logger.lines).toEqual([
      "⚠ ormdrift: the schema check did NOT run, the app starts unchecked: the connection string is not a PostgreSQL URL: pass db: 'postgres://user@host:5432/database'",
    ]);
  });

  it.each([
    ['user:password@ without a scheme', 'app:SeCrEtPw99@db.internal:5432/shop'],
    ['the same, percent-encoded', 'app:SeCrEt%2FPw99@db.internal:5432/shop'],
    ['a keyword/value string', 'host=db.internal user=app password=SeCrEtPw99 dbname=shop'],
  ])('%s: refused without the password, in throw and warn mode and in the matcher', async (_, url) => {
    const line = "the connection string is not a PostgreSQL URL: pass db: 'postgres://user@host:5432/database'";
    await expect(guardSchema({ sources: empty, db: url })).rejects.toThrow(line);
    const logger = { lines: [] as string[], warn: (message: string) => void logger.lines.push(message) };
    await guardSchema({ sources: empty, db: url, mode: 'warn', logger });
    expect(logger.lines).toEqual([`⚠ ormdrift: the schema check did NOT run, the app starts unchecked: ${line}`]);
    const failure = await ormdriftMatchers.toMatchDatabase.call({}, empty, url).catch((error: Error) => error.message);
    expect(failure).toBe("the connection string is not a PostgreSQL URL: pass the database as toMatchDatabase('postgres://user@host:5432/database')");
  });

  it('toMatchDatabase names its own argument', async () => {
    const matcher = ormdriftMatchers.toMatchDatabase.call({}, empty, 'mysql://app:Hunter2@db/x');
    await expect(matcher).rejects.toThrow(
      "mysql://app@db/x is not a PostgreSQL URL: pass the database as toMatchDatabase('postgres://user@host:5432/database')",
    );
    await expect(ormdriftMatchers.toMatchDatabase.call({}, empty, 'mysql://app:Hunter2@db/x')).rejects.not.toThrow(/Hunter2|--db/);
  });
});

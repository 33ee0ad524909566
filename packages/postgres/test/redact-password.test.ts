import { describe, expect, it } from 'vitest';
import { checkConnectionUrl, ConnectionError, redactPassword, redactUrl } from '../src/index.ts';

describe('redactPassword: the password is hidden where it stands as the password, and only there', () => {
  it.each([
    ['a password that is also the user name', 'postgres://postgres:postgres@db:5432/app', 'postgres://postgres:***@db:5432/app'],
    ['a password that is the user name with more', 'postgres://app:app2@db/app', 'postgres://app:***@db/app'],
    ['a password that ends the user name', 'postgres://xpostgres:postgres@db/app', 'postgres://xpostgres:***@db/app'],
    ['a password with a ":"', 'postgres://app:pa:ss@db/app', 'postgres://app:***@db/app'],
    ['no user before the password', 'postgres://:s3cret@db/app', 'postgres://:***@db/app'],
  ])('%s: the URL quoted in full', (_, url, redacted) => {
    expect(redactPassword(`cannot connect to ${url}: connection refused`, url)).toBe(`cannot connect to ${redacted}: connection refused`);
  });

  it('a percent-encoded password is hidden as written and as decoded', () => {
    const url = 'postgres://app:p%40ss@db/app';
    expect(redactPassword(`${url} and postgres://app:p@ss@db/app`, url)).toBe('postgres://app:***@db/app and postgres://app:***@db/app');
  });

  it.each([
    ['the user name', 'postgres://postgres:postgres@db:5432/app'],
    ['the user name ending in it', 'postgres://xpostgres:postgres@db:5432/app'],
  ])('a redacted URL, which shows the user where the password was, keeps %s though it is the password', (_, url) => {
    const shown = redactUrl(url);
    expect(shown).not.toContain(':postgres@');
    const message = `cannot connect to ${shown}: password authentication failed for user "postgres"`;
    expect(redactPassword(message, url)).toBe(message);
  });

  it('a password that is a plain word stays where the message uses the word otherwise', () => {
    const url = 'postgres://app:postgres@db/postgres';
    expect(redactPassword('database "postgres" does not exist at postgres://app@db/postgres', url)).toBe(
      'database "postgres" does not exist at postgres://app@db/postgres',
    );
  });

  it('a URL with no password changes nothing', () => {
    expect(redactPassword('postgres://postgres@db/app', 'postgres://postgres@db/app')).toBe('postgres://postgres@db/app');
    expect(redactPassword('postgres://postgres@db/app', undefined)).toBe('postgres://postgres@db/app');
  });
});

/**
 * Every spelling of a connection string that is no postgres:// URL, or that a URL parser misreads: the password
 * (SeCrEt, in any piece) is never part of what redactUrl shows nor of checkConnectionUrl's message.
 */
const spellings: [string, string][] = [
  ['user:password@ without a scheme', 'app:SeCrEt@db.internal:5432/shop'],
  ['without a scheme, percent-encoded', 'app:Se%2FCrEt@db.internal:5432/shop'],
  ['a scheme without //', 'postgres:app:SeCrEt@db/shop'],
  ['another scheme', 'mysql://app:SeCrEt@db/shop'],
  ['another scheme, percent-encoded', 'mysql://app:Se%40CrEt@db/shop'],
  ['keyword/value', 'host=db user=app password=SeCrEt dbname=shop'],
  ['keyword/value, quoted', "host=db user=app password='SeCrEt' dbname=shop"],
  ['keyword/value behind a scheme', 'x:host=db password=SeCrEt'],
  ['keyword/value as the host', 'postgres://password=SeCrEt/shop'],
  ['keyword/value as the user', 'postgres://user=app password=SeCrEt@db/shop'],
  ['keyword/value as the database', 'postgres://app@db/shop password=SeCrEt'],
  ['a query password', 'postgres://app@db/shop?password=SeCrEt'],
  ['an unencoded "/" in the password', 'postgres://app:12/SeCrEt@db/shop'],
  ['an unencoded "?" in the password', 'postgres://app:12?SeCrEt@db/shop'],
  ['an unencoded "#" in the password', 'postgres://app:12#SeCrEt@db/shop'],
  ['an unencoded "@" in the password', 'postgres://app:Se@CrEt@db/shop'],
];

describe('a connection string is never shown with anything that could be its password', () => {
  it.each(spellings)('%s: redactUrl', (_, url) => {
    expect(redactUrl(url)).not.toMatch(/SeCrEt|Se.CrEt|Se%..CrEt/);
  });

  it.each(spellings)('%s: checkConnectionUrl refuses it or passes it, never quoting the password', (_, url) => {
    let message = '';
    try {
      checkConnectionUrl(url, { env: {} });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).not.toMatch(/SeCrEt|Se.CrEt|Se%..CrEt/);
  });

  it('a string without "scheme://" is refused without quoting any of it', () => {
    expect(() => checkConnectionUrl('app:SeCrEt@db.internal:5432/shop', { usage: "db: 'postgres://user@host:5432/database'" })).toThrow(
      new ConnectionError("the connection string is not a PostgreSQL URL: pass db: 'postgres://user@host:5432/database'"),
    );
    expect(() => checkConnectionUrl('host=db password=SeCrEt')).toThrow(
      'the connection string is not a PostgreSQL URL: pass --db postgres://user:password@host:5432/database',
    );
  });

  it('a URL of another scheme is quoted without its password, user and host kept', () => {
    expect(() => checkConnectionUrl('mysql://app:SeCrEt@db/shop')).toThrow('mysql://app@db/shop is not a PostgreSQL URL');
  });

  it('what could be a password in the user or the database shows as …; the rest as written', () => {
    expect(redactUrl('postgres://user=app password=SeCrEt@db/shop')).toBe('postgres://…@db/shop');
    expect(redactUrl('postgres://app@db/shop password=SeCrEt')).toBe('postgres://app@db/…');
    expect(redactUrl('postgres://app:SeCrEt@[::1]:5432/shop?sslmode=require')).toBe('postgres://app@[::1]:5432/shop');
    expect(redactUrl('postgres:///shop')).toBe('postgres:///shop');
    // a URL quoted in a message is often followed by ":" (`cannot connect to postgres://…/shop: no answer`)
    expect(redactUrl('postgres://app:SeCrEt@db:5432/shop:')).toBe('postgres://app@db:5432/shop:');
    // the CLI's own placeholder in a hint, which its one-line errors pass through redactUrl
    expect(redactUrl('postgres://...,')).toBe('postgres://...,');
  });

  it('redactPassword hides a password= value as the last line of defence', () => {
    expect(redactPassword('bad: host=db password=SeCrEt', 'host=db password=SeCrEt')).toBe('bad: host=db password=***');
    expect(redactPassword("bad: password='SeCrEt'", "password='SeCrEt'")).toBe("bad: password='***'");
    expect(redactPassword('?sslpassword=SeCrEt', 'postgres://db/x?sslpassword=SeCrEt')).toBe('?sslpassword=***');
  });
});

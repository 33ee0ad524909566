import { describe, expect, it } from 'vitest';
import { redactPassword, redactUrl } from '../src/index.ts';

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

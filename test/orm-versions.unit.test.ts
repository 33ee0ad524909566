import { realpathSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { installedPackageVersion, UnsupportedOrmVersionError } from '@ormdrift/core';
import { assertSupportedDrizzleOrm, supportedDrizzleOrm } from '../packages/drizzle/src/drizzle-version.ts';
import { assertSupportedSequelize, supportedSequelize } from '../packages/sequelize/src/sequelize-version.ts';
import { assertSupportedTypeorm, supportedTypeorm } from '../packages/typeorm/src/typeorm-version.ts';
import { assertSupportedOrmVersion } from '../packages/core/src/model/orm-version.ts';
import { runCli } from './support/run-cli.ts';

const fixtures = resolve(import.meta.dirname, 'fixtures/versions');
/** A file inside an installed package, as a user's module inside their project. */
const fileOf = (name: string) => realpathSync(resolve(import.meta.dirname, '../node_modules', name, 'package.json'));

describe('the ORM versions each adapter reads', () => {
  it.each([
    [supportedTypeorm, '0.3.0', true],
    [supportedTypeorm, '0.3.17', true],
    [supportedTypeorm, '1.1.1', true],
    [supportedTypeorm, '0.2.45', false],
    [supportedTypeorm, '2.0.0', false],
    [supportedSequelize, '6.20.0', true],
    [supportedSequelize, '6.37.8', true],
    [supportedSequelize, '6.19.2', false],
    [supportedSequelize, '7.0.0-alpha.48', false],
    [supportedDrizzleOrm, '0.36.0', true],
    [supportedDrizzleOrm, '0.45.4', true],
    [supportedDrizzleOrm, '1.0.0-rc.5', true],
    [supportedDrizzleOrm, '0.35.3', false],
    [supportedDrizzleOrm, '0.36.0-5ea5a84', false],
    [supportedDrizzleOrm, '2.0.0-beta.1', false],
  ] as const)('%o: %s is supported: %s', (orm, version, supported) => {
    const assertion = expect(() => assertSupportedOrmVersion(orm, version));
    if (supported) assertion.not.toThrow();
    else assertion.toThrow(new UnsupportedOrmVersionError(orm, version));
  });

  it('says so in one line naming the installed version and the supported range', () => {
    expect(new UnsupportedOrmVersionError(supportedDrizzleOrm, '0.35.3').message).toBe(
      'drizzle-orm 0.35.3 is not supported: ormdrift reads drizzle-orm >=0.36.0 <2; use a version in that range',
    );
  });
});

describe("the user's copy of the ORM", () => {
  it('is the one their file resolves, whatever copy ormdrift has', () => {
    // each aliased drizzle-kit of the matrix resolves the drizzle-orm of its own release
    expect(installedPackageVersion('drizzle-orm', fileOf('drizzle-kit-0.28'))).toBe('0.36.0');
    expect(installedPackageVersion('drizzle-orm', fileOf('drizzle-kit-1'))).toBe('1.0.0-rc.5');
    expect(installedPackageVersion('drizzle-orm', import.meta.filename)).toBe('0.45.4');
    expect(installedPackageVersion('typeorm', import.meta.filename)).toMatch(/^1\./);
    expect(installedPackageVersion('no-such-orm', import.meta.filename)).toBeUndefined();
  });

  it('is accepted when in range, and unknown versions are not guessed at', () => {
    expect(() => assertSupportedDrizzleOrm(fileOf('drizzle-kit-1'))).not.toThrow();
    expect(() => assertSupportedTypeorm(import.meta.filename)).not.toThrow();
    expect(() => assertSupportedTypeorm(dirname(import.meta.dirname))).not.toThrow();
  });

  it('of Sequelize is read from the instance, which knows the version that built it', { timeout: 30_000 }, async () => {
    const { sequelize } = await import('./fixtures/versions/sequelize-7.ts');
    expect(() => assertSupportedSequelize(sequelize)).toThrow(
      'sequelize 7.0.0-alpha.48 is not supported: ormdrift reads sequelize >=6.20.0 <7; use a version in that range',
    );
  });
});

describe('ormdrift check on an ORM version outside the matrix', () => {
  it('exits 2 with one line naming the version and the supported range, before connecting anywhere', async () => {
    const run = await runCli(['check', 'sequelize-7.ts', '--db', 'postgres://nobody@127.0.0.1:1/none'], { cwd: fixtures });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trimEnd().split('\n')).toEqual([
      expect.stringMatching(
        /^ormdrift: cannot load sequelize:sequelize: sequelize 7\.0\.0-alpha\.48 is not supported: ormdrift reads sequelize >=6\.20\.0 <7; use a version in that range$/,
      ),
    ]);
  }, 30_000);
});

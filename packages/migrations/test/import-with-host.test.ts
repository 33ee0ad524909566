/**
 * The default importer of migration modules outside the CLI (the matchers, checkSchema): JavaScript through
 * `import()`, and TypeScript refused up front on a Node that does not strip types, with the option to pass instead.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importWithHost, MigrationsError } from '../src/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'ormdrift-import-'));
writeFileSync(join(dir, 'create-notes.mjs'), 'export class CreateNotes1700000000000 { async up() {} }\n');
writeFileSync(join(dir, 'throws.mjs'), "throw new Error('DATABASE_URL is not set\\nsecond line');\n");
writeFileSync(join(dir, 'create-notes.ts'), 'export class CreateNotes1700000000000 { async up(): Promise<void> {} }\n');
const load = importWithHost(dir);

describe('importWithHost', () => {
  it('imports a JavaScript migration, by a path relative to the project', async () => {
    const exports = await load('create-notes.mjs');
    expect(Object.keys(exports)).toEqual(['CreateNotes1700000000000']);
  });

  it('a module that throws is a MigrationsError naming it, with the first line of its error', async () => {
    await expect(load('throws.mjs')).rejects.toThrow(new MigrationsError('throws.mjs threw while being imported: DATABASE_URL is not set'));
  });

  it.runIf(!(process.features as { typescript?: unknown }).typescript)(
    'TypeScript on a Node that does not strip types: refused before importing, naming the option that lets the test runner compile it',
    async () => {
      await expect(load('create-notes.ts')).rejects.toThrow(
        new MigrationsError(
          `cannot import create-notes.ts: Node ${process.versions.node} does not compile TypeScript; pass importModule: (file) => import(file) from the test file so the test runner does`,
        ),
      );
    },
  );
});

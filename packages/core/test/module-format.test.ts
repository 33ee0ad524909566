/**
 * moduleFormat decides ES module or CommonJS as Node does: the extension first, else the nearest package.json's
 * `type`. The loader and the TypeORM glob hint both ask it.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { moduleFormat } from '../src/index.ts';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'ormdrift-module-format-'));
  await mkdir(join(root, 'esm/src/nested'), { recursive: true });
  await mkdir(join(root, 'esm/legacy'), { recursive: true });
  await mkdir(join(root, 'plain/src'), { recursive: true });
  await writeFile(join(root, 'esm/package.json'), '{ "type": "module" }');
  await writeFile(join(root, 'esm/legacy/package.json'), '{ "name": "legacy" }');
  await writeFile(join(root, 'plain/package.json'), '{ "name": "plain" }');
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('moduleFormat', () => {
  it.each([
    ['esm/src/nested/data-source.ts', 'esm'], // the nearest package.json, two directories up, says module
    ['esm/src/entity.tsx', 'esm'],
    ['esm/src/data-source.cts', 'cjs'], // the extension wins over the package type
    ['esm/legacy/data-source.ts', 'cjs'], // a nearer package.json without type is CommonJS
    ['plain/src/data-source.ts', 'cjs'],
    ['plain/src/data-source.mts', 'esm'],
    ['plain/src/data-source.mjs', 'esm'],
    ['esm/src/data-source.cjs', 'cjs'],
  ])('%s is %s', (file, format) => {
    expect(moduleFormat(join(root, file))).toBe(format);
  });
});

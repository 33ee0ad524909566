import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const fixtures = resolve(import.meta.dirname, 'fixtures/decorator-metadata');
const dump = resolve(import.meta.dirname, 'support/dump-model-metadata.mjs');
const root = resolve(import.meta.dirname, '..');
let compiled: string;

/** The reference: the fixture compiled by `tsc` as one program, as the app's own build compiles it. */
beforeAll(() => {
  mkdirSync(join(root, 'node_modules/.cache'), { recursive: true });
  compiled = mkdtempSync(join(root, 'node_modules/.cache/tsc-reference-'));
  const { config } = ts.readConfigFile(join(fixtures, 'tsconfig.json'), ts.sys.readFile);
  const { options, fileNames } = ts.parseJsonConfigFileContent(config, ts.sys, fixtures);
  const program = ts.createProgram(fileNames, {
    ...options,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    outDir: compiled,
    rootDir: fixtures,
  });
  const emitted = program.emit();
  expect(emitted.emitSkipped).toBe(false);
  writeFileSync(join(compiled, 'package.json'), '{ "type": "commonjs" }');
}, 120_000);
afterAll(() => rmSync(compiled, { recursive: true, force: true }));

type Dump = Record<string, { property: string; designType: string; type: string }[]>;
const metadata = (mode: 'ormdrift' | 'compiled', file: string, env: Record<string, string> = {}): Dump =>
  JSON.parse(execFileSync(process.execPath, [dump, mode, file], { cwd: fixtures, encoding: 'utf8', env: { ...process.env, ...env } }));

describe('decorator metadata of models whose property types come from other files', () => {
  it.each([
    ['TypeORM', 'typeorm-entities'],
    ['sequelize-typescript', 'sequelize-models'],
  ])(
    '%s: ormdrift loads what tsc compiles for the whole program, cold and from its cache',
    (_, module) => {
      const reference = metadata('compiled', join(compiled, `${module}.js`));
      expect(metadata('ormdrift', `${module}.ts`, { ORMDRIFT_CACHE: '0' })).toEqual(reference);
      metadata('ormdrift', `${module}.ts`);
      expect(metadata('ormdrift', `${module}.ts`)).toEqual(reference);
    },
    60_000,
  );

  it('string enums and string aliases reflect as String, numeric ones as Number (TypeORM builds varchar and integer)', () => {
    const ticket = metadata('ormdrift', 'typeorm-entities.ts')['Ticket'];
    expect(ticket?.map(({ property, designType, type }) => [property, designType, type])).toEqual([
      ['id', 'Number', 'integer'],
      ['status', 'String', 'character varying'],
      ['priority', 'Number', 'integer'],
      ['mood', 'String', 'character varying'],
      ['score', 'Number', 'integer'],
      ['label', 'String', 'character varying'],
    ]);
  }, 30_000);

  it('sequelize-typescript infers STRING and INTEGER from them', () => {
    const task = metadata('ormdrift', 'sequelize-models.ts')['Task'];
    expect(task?.filter(({ property }) => property !== 'id').map(({ property, designType, type }) => [property, designType, type])).toEqual([
      ['status', 'String', 'VARCHAR(255)'],
      ['priority', 'Number', 'INTEGER'],
      ['mood', 'String', 'VARCHAR(255)'],
      ['score', 'Number', 'INTEGER'],
      ['label', 'String', 'VARCHAR(255)'],
    ]);
  }, 30_000);
});

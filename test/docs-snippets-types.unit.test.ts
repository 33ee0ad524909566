/**
 * The README's TypeScript snippets compile as a user's project compiles them: the Library snippet with a real
 * DataSource of TypeORM 1.x and of TypeORM 0.3 (their `DataSourceOptions` differ: `entities` is a MixedList), and the
 * vitest matcher snippet with the type-only import it shows.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
// inside the repository, so that the snippets' packages resolve from its node_modules
const scratch = mkdtempSync(join(root, 'test/.snippets-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The first ```ts block after `heading`. */
function snippet(heading: string): string {
  const at = readme.indexOf(heading);
  if (at < 0) throw new Error(`README has no "${heading}"`);
  const match = /```ts\n([\s\S]*?)```/.exec(readme.slice(at));
  if (!match) throw new Error(`no ts block after "${heading}"`);
  return match[1]!;
}

/** An app's data source: a TypeORM DataSource of the given package (typeorm is 1.x here, typeorm-0.3 is 0.3). */
const dataSource = (typeorm: string) => `import { DataSource, Entity, PrimaryGeneratedColumn } from '${typeorm}';
@Entity() export class User { @PrimaryGeneratedColumn() id!: number; }
export const AppDataSource = new DataSource({ type: 'postgres', url: process.env.DATABASE_URL, entities: [User, 'src/entity/*.ts'] });
`;

function compile(files: Record<string, string>): string[] {
  const paths = Object.entries(files).map(([name, text]) => {
    const path = join(scratch, name);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, text);
    return path;
  });
  const program = ts.createProgram(paths, {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    experimentalDecorators: true,
    types: ['node'],
  });
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const where = diagnostic.file && diagnostic.start !== undefined ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start) : undefined;
    return `${diagnostic.file?.fileName.slice(scratch.length + 1) ?? ''}:${where ? where.line + 1 : ''} ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;
  });
}

describe("the README's TypeScript snippets type-check", () => {
  // the snippets import './data-source' without an extension, as a bundler-resolved app does; NodeNext wants '.js'
  it.each(['typeorm', 'typeorm-0.3'])(
    'Library: typeormSource(AppDataSource) with a DataSource of %s',
    (typeorm) => {
      const name = typeorm.replace(/\W/g, '');
      expect(
        compile({
          [`${name}/package.json`]: '{ "type": "module" }',
          [`${name}/src/data-source.ts`]: dataSource(typeorm),
          [`${name}/src/check.ts`]: snippet('### Library').replace("'./data-source'", "'./data-source.js'"),
        }),
      ).toEqual([]);
    },
    180_000,
  );

  it('In your tests: toMatchDatabase on vitest', () => {
    expect(
      compile({
        'vitest/package.json': '{ "type": "module" }',
        'vitest/src/data-source.ts': dataSource('typeorm'),
        'vitest/test/schema.test.ts': snippet('## In your tests').replace("'../src/data-source'", "'../src/data-source.js'"),
      }),
    ).toEqual([]);
  }, 180_000);
});

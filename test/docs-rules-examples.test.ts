import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCliHere } from './support/run-cli.ts';
import { createTestDatabase, type TestDatabase } from './support/test-database.ts';

/**
 * Every example of docs/rules/*.md that shows a model (a `ts` block), a database (the `sql` block after it) and
 * the report (the plain block after that) is run for real: the SQL builds a fresh database, `ormdrift check` runs
 * in this process (what it prints is the subject, not its process) and loads the model through its own loader, and
 * the report's findings must read exactly as the page shows them. A page's blocks carry no imports: the test adds the ORM's own (TypeORM decorators,
 * Sequelize's `DataTypes` and a `sequelize` instance, Drizzle's column builders) for the names the block uses.
 */
const root = resolve(import.meta.dirname, '..');
const rulesDocs = join(root, 'docs/rules');

interface CodeBlock {
  readonly lang: string;
  readonly text: string;
  /** 1-based line of the opening fence, for the test's name. */
  readonly line: number;
}

interface DocsExample {
  readonly page: string;
  readonly line: number;
  readonly model: string;
  readonly sql: string;
  readonly output: string;
}

/** The fenced code blocks of a markdown page, in order. */
function codeBlocks(markdown: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\w*)\s*$/.exec(lines[i]!);
    if (!open) continue;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !/^```\s*$/.test(lines[i]!); i++) body.push(lines[i]!);
    blocks.push({ lang: open[1]!, text: body.join('\n'), line: start + 1 });
  }
  return blocks;
}

/** A `ts` block, then a `sql` block, then a plain one: a model, a database and what `ormdrift check` prints. */
function examplesOf(page: string, markdown: string): DocsExample[] {
  const blocks = codeBlocks(markdown);
  const examples: DocsExample[] = [];
  for (let i = 0; i + 2 < blocks.length; i++) {
    const [model, sql, output] = [blocks[i]!, blocks[i + 1]!, blocks[i + 2]!];
    if (model.lang === 'ts' && sql.lang === 'sql' && output.lang === '' && !output.text.startsWith('$ ')) {
      examples.push({ page, line: model.line, model: model.text, sql: sql.text, output: output.text });
    }
  }
  return examples;
}

const pages = (await readdir(rulesDocs)).filter((file) => file.endsWith('.md')).sort();
const examples = (await Promise.all(pages.map(async (page) => examplesOf(page, await readFile(join(rulesDocs, page), 'utf8'))))).flat();

/** What each ORM's blocks may use without importing it, and where it comes from. */
const ormModules = [
  { test: /@\w+\(/, modules: ['typeorm'] },
  { test: /\bsequelize\.define\(|\bDataTypes\.|\.init\(/, modules: ['sequelize'] },
  { test: /\bpgTable\(|\bpgEnum\(|\bpgSchema\(|\bpgSequence\(/, modules: ['drizzle-orm/pg-core', 'drizzle-orm'] },
] as const;

/** The imports a block needs: the names it uses that one of its ORM's modules exports and the block does not declare. */
async function prelude(code: string): Promise<string> {
  const used = new Set(code.match(/\b[A-Za-z_$][\w$]*\b/g) ?? []);
  const declared = new Set([...code.matchAll(/\b(?:class|const|let|function)\s+([A-Za-z_$][\w$]*)/g)].map((match) => match[1]!));
  const lines: string[] = [];
  const imported = new Set<string>();
  for (const { test, modules } of ormModules) {
    if (!test.test(code)) continue;
    for (const module of modules) {
      const exported = Object.keys(await import(module)).filter((name) => name !== 'default');
      const names = exported.filter((name) => used.has(name) && !declared.has(name) && !imported.has(name)).sort();
      for (const name of names) imported.add(name);
      if (names.length > 0) lines.push(`import { ${names.join(', ')} } from '${module}';`);
    }
  }
  // a Sequelize model needs an instance to define it on; it never connects to this address
  if (used.has('sequelize') && !declared.has('sequelize')) {
    if (!imported.has('Sequelize')) lines.push(`import { Sequelize } from 'sequelize';`);
    lines.push(`export const sequelize = new Sequelize('postgres://docs@127.0.0.1:1/docs', { logging: false });`);
  }
  return `${lines.join('\n')}\n`;
}

/** The findings part of a text report: everything before the blank line that precedes the summary. */
function findingsPart(report: string): string {
  const lines = report.split('\n');
  const summary = lines.findIndex((line) => /^[✔✖!] /.test(line));
  return lines.slice(0, Math.max(summary, 0)).join('\n').replace(/\n+$/, '');
}

// modules are written where the ORMs resolve from the repository's own node_modules, outside node_modules (the test
// runner would take a module there for a dependency's, and not compile its decorators)
const directory = await mkdtemp(join(root, 'test/.scratch-docs-examples-'));
// CommonJS modules: in this process they load through the CLI's require() hooks, where an ES module would need its
// import() hooks thread, which cannot load the CLI's TypeScript source
await writeFile(join(directory, 'package.json'), '{ "type": "commonjs" }\n');
const databases: TestDatabase[] = [];
afterAll(async () => {
  await Promise.all(databases.map((database) => database.drop()));
  await rm(directory, { recursive: true, force: true });
});

describe('the examples of docs/rules', () => {
  it('are found on the pages that show a model, a database and a report', () => {
    expect(examples.length).toBeGreaterThanOrEqual(20);
  });

  // each example has its own database and module: they run side by side, overlapping the checks' waits
  it.concurrent.for(examples.map((example) => [`${example.page}:${example.line}`, example] as const))(
    '%s prints what the page shows',
    async ([name, example], { expect }) => {
      const database = await createTestDatabase();
      databases.push(database);
      await database.query(example.sql);
      const file = join(directory, `${name.replace(/[^\w]+/g, '-')}.ts`);
      await writeFile(file, `${await prelude(example.model)}\n${example.model}\n`);
      const run = await runCliHere(['check', file, '--db', database.url], { cwd: directory });
      expect(run.stderr).toBe('');
      expect(findingsPart(run.stdout)).toBe(example.output);
    },
  );
});

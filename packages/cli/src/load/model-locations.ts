import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { relative, sep } from 'node:path';
import type * as Swc from '@swc/core';
import type { LoadedSource, Provenance, SchemaModel } from '@ormdrift/core';
import { resolveSpecifier } from './resolve-specifier.ts';

/** Where a model is declared: a file relative to the working directory (`/`-separated) and a 1-based line. */
export interface ModelLocation {
  readonly file: string;
  readonly line: number;
}

/** The app's own files are read; a project's worth, not a dependency tree's. */
const maxFiles = 5_000;

const sourceFile = /\.(c|m)?(t|j)sx?$/;

/**
 * Finds where each model is declared, by reading the app's source files as syntax (swc's parser, which
 * the loader already uses, so no compiler is loaded for it): the files of the
 * modules given to the check and every app file they import, transitively (through the loader's own
 * resolution, tsconfig paths included; nothing under `node_modules`). ORMs keep no record of the call
 * site (a Drizzle table is a plain object, a TypeORM entity a class), and hooking their definition calls
 * would need to patch each ORM's module before the app imports it; the syntax is the same in every ORM
 * version and needs nothing run. A model is found by the name the adapter gave it:
 *
 * - TypeORM: the decorated `class <model>` (the line of its first decorator), or `new EntitySchema({ name: '<model>' })`;
 * - Sequelize: `<x>.define('<model>', ...)`, `<model>.init(...)`, or a `class <model>` (sequelize-typescript);
 * - Drizzle: `const <model> = pgTable(...)` (any call: `schema.table(...)`, `pgTable(...).enableRLS()`).
 *
 * A name declared in two files is left unlocated rather than guessed. Files are read once, on first use.
 */
export class ModelLocator {
  readonly #entries: readonly string[];
  readonly #cwd: string;
  #found: Map<string, ModelLocation | null> | undefined;

  /** `entries`: absolute paths of the modules given to the check; `cwd`: what reported files are relative to. */
  constructor(entries: readonly string[], cwd: string) {
    this.#entries = entries;
    this.#cwd = cwd;
  }

  /** The source with `file` and `line` of every table's and enum type's provenance set where its declaration is found. */
  locate(loaded: LoadedSource): LoadedSource {
    const schema: SchemaModel = {
      tables: loaded.schema.tables.map((table) => ({ ...table, sources: table.sources.map((source) => this.#provenance(source)) })),
      enums: loaded.schema.enums.map((declared) => ({ ...declared, sources: declared.sources.map((source) => this.#provenance(source)) })),
      ...(loaded.schema.sequences
        ? { sequences: loaded.schema.sequences.map((declared) => ({ ...declared, sources: declared.sources.map((source) => this.#provenance(source)) })) }
        : {}),
    };
    return { ...loaded, schema };
  }

  /** Where the model of `provenance` is declared, when one declaration of it is found. */
  find(provenance: Provenance): ModelLocation | undefined {
    if (provenance.model === undefined) return undefined;
    this.#found ??= this.#scan();
    for (const kind of declarationKinds[provenance.orm] ?? []) {
      const location = this.#found.get(`${kind}:${provenance.model}`);
      if (location !== undefined) return location ?? undefined;
    }
    return undefined;
  }

  #provenance(source: Provenance): Provenance {
    const location = this.find(source);
    return location ? { ...source, file: location.file, line: location.line } : source;
  }

  #scan(): Map<string, ModelLocation | null> {
    const swc = createRequire(import.meta.url)('@swc/core') as typeof Swc;
    const found = new Map<string, ModelLocation | null>();
    const queue = [...this.#entries];
    const seen = new Set(queue);
    while (queue.length > 0 && seen.size <= maxFiles) {
      const file = queue.shift()!;
      let parsed: ParsedFile;
      try {
        parsed = parse(swc, file, readFileSync(file, 'utf8'));
      } catch {
        continue; // unreadable or not parseable: the loader has reported it already, or the file was never run
      }
      const shown = relative(this.#cwd, file).split(sep).join('/');
      for (const [key, start] of parsed.declarations) {
        const location = { file: shown, line: parsed.line(start) };
        const known = found.get(key);
        // the same name declared in two places: which one the ORM read is unknown, so neither is claimed
        found.set(key, known === undefined || (known && known.file === location.file && known.line === location.line) ? location : null);
      }
      for (const specifier of parsed.imports) {
        let target: string;
        try {
          target = resolveSpecifier(specifier, file, 'import', this.#cwd);
        } catch {
          continue;
        }
        if (target.startsWith('node:') || /[\\/]node_modules[\\/]/.test(target) || !sourceFile.test(target) || target.endsWith('.d.ts') || seen.has(target))
          continue;
        seen.add(target);
        queue.push(target);
      }
    }
    return found;
  }
}

type DeclarationKind = 'decorated-class' | 'class' | 'entity-schema' | 'define' | 'init' | 'variable';

/** Which declarations can be each ORM's models, in order of preference. */
const declarationKinds: Readonly<Record<string, readonly DeclarationKind[]>> = {
  typeorm: ['decorated-class', 'entity-schema', 'class'],
  sequelize: ['define', 'init', 'decorated-class', 'class'],
  drizzle: ['variable'],
};

interface ParsedFile {
  /** Every declaration that may be a model, keyed `kind:name`, with the byte offset of its first token. */
  readonly declarations: readonly [string, number][];
  /** The specifiers the file imports or re-exports, statically, by `import('...')` or `require('...')`. */
  readonly imports: readonly string[];
  /** The 1-based line of a byte offset. */
  line(offset: number): number;
}

/** A node of swc's AST, as far as this reading needs it. */
interface Node {
  readonly type?: string;
  readonly span?: { readonly start: number };
  readonly [key: string]: unknown;
}

/**
 * Parses a file with swc (the loader's own transformer, native and already loaded) and collects what
 * may declare a model. swc's offsets count from a process-wide base, so the text is parsed behind a
 * one-line sentinel statement whose offset is that base.
 */
function parse(swc: typeof Swc, file: string, text: string): ParsedFile {
  const typescript = /\.(c|m)?tsx?$/.test(file);
  const jsx = file.endsWith('x') || !typescript;
  const body = text.startsWith('#!') ? `//${text.slice(2)}` : text;
  const module = swc.parseSync(`0;\n${body}`, {
    syntax: typescript ? 'typescript' : 'ecmascript',
    ...(typescript ? { tsx: jsx, decorators: true } : { jsx, decorators: true }),
    target: 'es2022',
  } as Swc.ParseOptions);
  const base = (module.body[0] as Node | undefined)?.span?.start ?? 0;
  const bytes = Buffer.from(`0;\n${body}`, 'utf8');
  const lineStarts = [0];
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 10) lineStarts.push(i + 1);
  const declarations: [string, number][] = [];
  const imports: string[] = [];
  walk(module as unknown as Node, (node) => {
    const declared = declaration(node);
    if (declared) declarations.push([declared[0], declared[1] - base]);
    const imported = importOf(node);
    if (imported !== undefined) imports.push(imported);
  });
  return {
    declarations,
    imports,
    line(offset) {
      let low = 0;
      let high = lineStarts.length - 1;
      while (low < high) {
        const middle = (low + high + 1) >> 1;
        if ((lineStarts[middle] ?? 0) <= offset) low = middle;
        else high = middle - 1;
      }
      return low; // the sentinel line is line 0
    },
  };
}

function walk(node: unknown, visit: (node: Node) => void): void {
  if (Array.isArray(node)) {
    for (const item of node) walk(item, visit);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  if (typeof (node as Node).type === 'string') visit(node as Node);
  for (const [key, value] of Object.entries(node)) if (key !== 'span' && typeof value === 'object') walk(value, visit);
}

/** `[kind:name, offset]` when the node may declare a model. */
function declaration(node: Node): [string, number] | undefined {
  const start = node.span?.start;
  if (start === undefined) return undefined;
  if ((node.type === 'ClassDeclaration' || node.type === 'ClassExpression') && identifier(node['identifier'])) {
    const decorators = (node['decorators'] as Node[] | undefined) ?? [];
    const first = Math.min(start, ...decorators.map((decorator) => decorator.span?.start ?? start));
    return [`${decorators.length > 0 ? 'decorated-class' : 'class'}:${identifier(node['identifier'])}`, first];
  }
  if (node.type === 'VariableDeclarator' && identifier(node['id']) && isCall(node['init'] as Node | undefined))
    return [`variable:${identifier(node['id'])}`, start];
  if (node.type === 'NewExpression' && identifier(node['callee']) === 'EntitySchema') {
    const name = stringProperty(argument(node, 0), 'name');
    return name === undefined ? undefined : [`entity-schema:${name}`, start];
  }
  if (node.type === 'CallExpression' && (node['callee'] as Node | undefined)?.type === 'MemberExpression') {
    const callee = node['callee'] as Node;
    const method = identifier(callee['property']);
    const first = argument(node, 0);
    if (method === 'define' && first?.type === 'StringLiteral') return [`define:${String(first['value'])}`, start];
    const target = identifier(callee['object']);
    // `modelName` in the options names the model when it differs from the class
    if (method === 'init' && target) return [`init:${stringProperty(argument(node, 1), 'modelName') ?? target}`, start];
  }
  return undefined;
}

/** The specifier a node imports, re-exports or requires, when it is a literal. */
function importOf(node: Node): string | undefined {
  if (node.type === 'ImportDeclaration' || node.type === 'ExportAllDeclaration' || node.type === 'ExportNamedDeclaration') {
    const source = node['source'] as Node | null | undefined;
    return source?.type === 'StringLiteral' ? String(source['value']) : undefined;
  }
  if (node.type === 'CallExpression') {
    const callee = node['callee'] as Node | undefined;
    const first = argument(node, 0);
    if ((callee?.type === 'Import' || identifier(callee) === 'require') && first?.type === 'StringLiteral') return String(first['value']);
  }
  return undefined;
}

/** Whether an initializer is (or ends in) a call, as a table definition is: `pgTable(...)`, `schema.table(...).enableRLS()`. */
function isCall(node: Node | undefined): boolean {
  let inner = node;
  while (inner && (inner.type === 'TsAsExpression' || inner.type === 'TsSatisfiesExpression' || inner.type === 'ParenthesisExpression')) {
    inner = inner['expression'] as Node | undefined;
  }
  return inner?.type === 'CallExpression';
}

function identifier(node: unknown): string | undefined {
  const candidate = node as Node | undefined;
  return candidate?.type === 'Identifier' ? String(candidate['value']) : undefined;
}

function argument(call: Node, index: number): Node | undefined {
  return ((call['arguments'] as { expression: Node }[] | undefined) ?? [])[index]?.expression;
}

/** A string-literal property of an object-literal argument: `name` of `{ name: 'User', ... }`. */
function stringProperty(node: Node | undefined, key: string): string | undefined {
  if (node?.type !== 'ObjectExpression') return undefined;
  for (const property of (node['properties'] as Node[] | undefined) ?? []) {
    if (property.type !== 'KeyValueProperty') continue;
    const name = property['key'] as Node;
    const value = property['value'] as Node;
    const named = name.type === 'Identifier' ? name['value'] : name.type === 'StringLiteral' ? name['value'] : undefined;
    if (named === key && value.type === 'StringLiteral') return String(value['value']);
  }
  return undefined;
}

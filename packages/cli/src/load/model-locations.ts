import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { relative, sep } from 'node:path';
import type * as TypeScript from 'typescript';
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
 * Finds where each model is declared, by reading the app's source files as syntax: the files of the
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
    const ts = createRequire(import.meta.url)('typescript') as typeof TypeScript;
    const found = new Map<string, ModelLocation | null>();
    const queue = [...this.#entries];
    const seen = new Set(queue);
    while (queue.length > 0 && seen.size <= maxFiles) {
      const file = queue.shift()!;
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        continue;
      }
      const parsed = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
      const shown = relative(this.#cwd, file).split(sep).join('/');
      for (const [key, node] of declarations(ts, parsed)) {
        const location = { file: shown, line: parsed.getLineAndCharacterOfPosition(node.getStart(parsed)).line + 1 };
        const known = found.get(key);
        // the same name declared in two places: which one the ORM read is unknown, so neither is claimed
        found.set(key, known === undefined || (known && known.file === location.file && known.line === location.line) ? location : null);
      }
      for (const specifier of imports(ts, parsed)) {
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

/** Every declaration of `file` that may be a model, keyed `kind:name`, with the node whose first line is its line. */
function* declarations(ts: typeof TypeScript, file: TypeScript.SourceFile): Generator<[string, TypeScript.Node]> {
  const visit = function* (node: TypeScript.Node): Generator<[string, TypeScript.Node]> {
    if ((ts.isClassDeclaration(node) || ts.isClassExpression(node)) && node.name) {
      const decorated = ts.canHaveDecorators(node) && (ts.getDecorators(node)?.length ?? 0) > 0;
      yield [`${decorated ? 'decorated-class' : 'class'}:${node.name.text}`, node];
    } else if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && containsCall(ts, node.initializer)) {
      yield [`variable:${node.name.text}`, node.parent.parent ?? node];
    } else if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'EntitySchema') {
      const name = stringProperty(ts, node.arguments?.[0], 'name');
      if (name !== undefined) yield [`entity-schema:${name}`, node];
    } else if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const method = node.expression.name.text;
      const first = node.arguments[0];
      if (method === 'define' && first && ts.isStringLiteralLike(first)) yield [`define:${first.text}`, node];
      if (method === 'init' && ts.isIdentifier(node.expression.expression)) {
        // `modelName` in the options names the model when it differs from the class
        const modelName = stringProperty(ts, node.arguments[1], 'modelName');
        yield [`init:${modelName ?? node.expression.expression.text}`, node];
      }
    }
    for (const child of node.getChildren(file)) yield* visit(child);
  };
  yield* visit(file);
}

/** Whether an initializer is (or ends in) a call, as a table definition is: `pgTable(...)`, `schema.table(...).enableRLS()`. */
function containsCall(ts: typeof TypeScript, node: TypeScript.Expression): boolean {
  let inner: TypeScript.Expression = node;
  while (ts.isAsExpression(inner) || ts.isSatisfiesExpression(inner) || ts.isParenthesizedExpression(inner)) inner = inner.expression;
  return ts.isCallExpression(inner);
}

/** A string-literal property of an object-literal argument: `name` of `{ name: 'User', ... }`. */
function stringProperty(ts: typeof TypeScript, node: TypeScript.Node | undefined, key: string): string | undefined {
  if (!node || !ts.isObjectLiteralExpression(node)) return undefined;
  for (const property of node.properties) {
    if (ts.isPropertyAssignment(property) && property.name.getText() === key && ts.isStringLiteralLike(property.initializer)) return property.initializer.text;
  }
  return undefined;
}

/** The specifiers a file imports or re-exports, statically or by `import('...')` / `require('...')` of a literal. */
function imports(ts: typeof TypeScript, file: TypeScript.SourceFile): string[] {
  return ts.preProcessFile(file.text, true, true).importedFiles.map((imported) => imported.fileName);
}

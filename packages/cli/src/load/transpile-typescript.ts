import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type * as TypeScript from 'typescript';
import { throwOnSyntaxErrors } from './syntax-errors.ts';

/**
 * TypeScript 5's `transpileModule` is the reference implementation of `emitDecoratorMetadata`,
 * which TypeORM needs for columns whose type comes only from the property's TypeScript type
 * (`@Column() name: string`). esbuild, tsx and TypeScript 7's native compiler do not emit it.
 * Loaded lazily: a check of plain JavaScript modules never pays for it.
 */
let typescript: typeof TypeScript | undefined;
function ts(): typeof TypeScript {
  typescript ??= createRequire(import.meta.url)('typescript') as typeof TypeScript;
  return typescript;
}

export interface TranspileOptions {
  readonly format: 'esm' | 'cjs';
}

export interface TranspileOutput {
  readonly code: string;
  readonly map: string | undefined;
}

/**
 * Transpiles one file with the compiler options of its nearest tsconfig.json, decorators and their metadata always on.
 * Throws a `ModuleSyntaxError` (`file:line:col: what`) when the file does not parse.
 */
export function transpileTypeScript(source: string, fileName: string, options: TranspileOptions): TranspileOutput {
  const compiler = ts();
  const output = compiler.transpileModule(source, {
    fileName,
    reportDiagnostics: true,
    compilerOptions: {
      ...projectCompilerOptions(dirname(fileName)),
      module: options.format === 'esm' ? compiler.ModuleKind.ESNext : compiler.ModuleKind.CommonJS,
      // a CommonJS build must turn imports into require() calls, whatever the project's ESM settings
      ...(options.format === 'cjs' ? { verbatimModuleSyntax: false } : {}),
      experimentalDecorators: true,
      emitDecoratorMetadata: true,
      sourceMap: true,
      inlineSources: true,
      declaration: false,
      noEmit: false,
    },
  });
  throwOnSyntaxErrors(compiler, output.diagnostics, fileName);
  return { code: output.outputText.replace(/\n\/\/# sourceMappingURL=.*$/, ''), map: output.sourceMapText };
}

const optionsByDirectory = new Map<string, TypeScript.CompilerOptions>();

/**
 * The user's own compiler options matter: under `strictNullChecks` a `string | null` property
 * reflects as `Object`, and TypeORM must see exactly what the user's build would give it.
 */
function projectCompilerOptions(directory: string): TypeScript.CompilerOptions {
  const cached = optionsByDirectory.get(directory);
  if (cached) return cached;
  const compiler = ts();
  let options: TypeScript.CompilerOptions = { target: compiler.ScriptTarget.ES2022 };
  const configPath = findUp(directory, 'tsconfig.json');
  if (configPath) {
    const { config } = compiler.readConfigFile(configPath, compiler.sys.readFile);
    if (config) {
      const parsed = compiler.parseJsonConfigFileContent(config, compiler.sys, dirname(configPath), undefined, configPath);
      options = { ...options, ...parsed.options };
    }
  }
  optionsByDirectory.set(directory, options);
  return options;
}

function findUp(directory: string, name: string): string | undefined {
  for (let current = directory; ; current = dirname(current)) {
    const candidate = join(current, name);
    if (existsSync(candidate)) return candidate;
    if (dirname(current) === current) return undefined;
  }
}

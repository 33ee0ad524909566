import { createRequire } from 'node:module';
import { realpathSync } from 'node:fs';
import { dirname } from 'node:path';
import type * as TypeScript from 'typescript';
import { isInstalledPackageFile } from './module-format.ts';
import type { ProjectConfig } from './project-config.ts';
import { throwOnSyntaxErrors } from './syntax-errors.ts';
import { resolveTypesOf } from './resolve-specifier.ts';
import type { TranspileOutput } from './transpile-typescript.ts';

let typescript: typeof TypeScript | undefined;
function ts(): typeof TypeScript {
  typescript ??= createRequire(import.meta.url)('typescript') as typeof TypeScript;
  return typescript;
}

/** The TypeScript version, part of every cache key of its output. */
export function typescriptVersion(): string {
  return (createRequire(import.meta.url)('typescript/package.json') as { version: string }).version;
}

export interface ProgramOutput extends TranspileOutput {
  /** The other project files the program read to emit this one: its output is stale when one of them changes. */
  readonly dependencies: readonly string[];
}

interface ProjectProgram {
  readonly options: TypeScript.CompilerOptions;
  readonly host: TypeScript.CompilerHost;
  readonly roots: Set<string>;
  program: TypeScript.Program | undefined;
}

const programs = new Map<string, ProjectProgram>();

/**
 * Emits a file that declares decorators through a TypeScript program holding it and every
 * file it imports, so that its `design:type` metadata is what `tsc` emits for the whole
 * program: a property typed by an enum or a type alias imported from another file reflects
 * as `String` or `Number`, where any one-file-at-a-time transform (swc, oxc, `transpileModule`)
 * can only guess `Object` or the enum object itself. One program per tsconfig.json and module
 * format, grown file by file (TypeScript reuses what it already parsed). Uses the project's
 * compiler options, with decorators and their metadata on, and with imports resolved by the
 * loader's own resolution (extensionless and directory imports, `paths`, `#imports`, workspace
 * packages' sources).
 *
 * The program holds the project's own files only (workspace packages included), not the
 * declarations of installed packages nor the standard library: those cost seconds (TypeORM's
 * declarations alone are hundreds of files) and change no metadata but one kind. A type with a
 * runtime value there (`Date`, `Buffer`, a class) is emitted as a guarded reference that
 * yields that same value at run time, and an interface as `Object`, as `tsc` does; an enum or
 * type alias exported by an installed package reflects as `Object`, as it does in any
 * one-file-at-a-time build.
 */
export function emitWithProgram(file: string, format: 'esm' | 'cjs', project: ProjectConfig): ProgramOutput {
  const compiler = ts();
  const key = `${project.path ?? dirname(file)}\0${format}`;
  let entry = programs.get(key);
  if (!entry) {
    const { options, fileNames } = programOptions(project, format);
    // every file of the project at once: one program serves each decorated file as it loads,
    // where growing it file by file would cost a program per file
    entry = { options, host: projectOnlyHost(options), roots: new Set(fileNames.filter((name) => !isInstalledPackageFile(name))), program: undefined };
    programs.set(key, entry);
  }
  if (!entry.program?.getSourceFile(file)) {
    entry.roots.add(file);
    entry.program = compiler.createProgram({
      rootNames: [...entry.roots],
      options: entry.options,
      host: entry.host,
      ...(entry.program ? { oldProgram: entry.program } : {}),
    });
  }
  const program = entry.program;
  const sourceFile = program.getSourceFile(file);
  if (!sourceFile) throw new Error(`TypeScript could not read ${file}`);
  // the program emits code even for a file that does not parse: a syntax error must stop the check
  throwOnSyntaxErrors(compiler, program.getSyntacticDiagnostics(sourceFile), file);
  let code = '';
  let map: string | undefined;
  program.emit(sourceFile, (name, text) => {
    if (name.endsWith('.map')) map = text;
    else if (/\.[cm]?js$/.test(name)) code = text;
  });
  const dependencies = program
    .getSourceFiles()
    .map((source) => source.fileName)
    .filter((name) => name !== sourceFile.fileName);
  return { code: code.replace(/\n\/\/# sourceMappingURL=.*$/, ''), map, dependencies };
}

/** A compiler host that leaves imports of installed packages unresolved (see `emitWithProgram`). */
function projectOnlyHost(options: TypeScript.CompilerOptions): TypeScript.CompilerHost {
  const compiler = ts();
  const host = compiler.createCompilerHost(options);
  // the same resolution as the loader's, so that the program reads the files the app runs
  host.resolveModuleNameLiterals = (literals, containingFile) =>
    literals.map((literal) => {
      const path = resolveTypesOf(literal.text, containingFile);
      const extension = path && extensionOf(path);
      if (!path || !extension || isInstalledPackageFile(realpathSync(path))) return { resolvedModule: undefined };
      return { resolvedModule: { resolvedFileName: realpathSync(path), extension, isExternalLibraryImport: false } };
    });
  return host;
}

function extensionOf(path: string): TypeScript.Extension | undefined {
  const compiler = ts();
  const extensions = [
    compiler.Extension.Dts,
    compiler.Extension.Dmts,
    compiler.Extension.Dcts,
    compiler.Extension.Ts,
    compiler.Extension.Tsx,
    compiler.Extension.Mts,
    compiler.Extension.Cts,
    compiler.Extension.Js,
    compiler.Extension.Jsx,
    compiler.Extension.Mjs,
    compiler.Extension.Cjs,
  ];
  return extensions.find((extension) => path.endsWith(extension));
}

function programOptions(project: ProjectConfig, format: 'esm' | 'cjs'): { options: TypeScript.CompilerOptions; fileNames: string[] } {
  const compiler = ts();
  let options: TypeScript.CompilerOptions = { target: compiler.ScriptTarget.ES2022 };
  let fileNames: string[] = [];
  if (project.path) {
    const { config } = compiler.readConfigFile(project.path, compiler.sys.readFile);
    if (config) {
      const parsed = compiler.parseJsonConfigFileContent(config, compiler.sys, dirname(project.path), undefined, project.path);
      options = { ...options, ...parsed.options };
      fileNames = parsed.fileNames;
    }
  }
  return {
    fileNames,
    options: {
      ...options,
      // modules are resolved by the host, as the loader resolves them
      ...(format === 'esm' ? { module: compiler.ModuleKind.ESNext } : { module: compiler.ModuleKind.CommonJS, verbatimModuleSyntax: false }),
      moduleResolution: compiler.ModuleResolutionKind.Bundler,
      experimentalDecorators: true,
      emitDecoratorMetadata: true,
      noLib: true,
      lib: undefined,
      types: [],
      sourceMap: true,
      inlineSourceMap: false,
      inlineSources: true,
      declaration: false,
      declarationMap: false,
      composite: false,
      incremental: false,
      noEmit: false,
      emitDeclarationOnly: false,
      noEmitOnError: false,
      allowImportingTsExtensions: false,
      rewriteRelativeImportExtensions: false,
      // nothing is written: the output goes straight to the loader
      outDir: undefined,
      outFile: undefined,
    },
  };
}

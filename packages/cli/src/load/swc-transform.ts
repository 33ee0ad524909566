import { createRequire } from 'node:module';
import { extname } from 'node:path';
import type * as Swc from '@swc/core';
import type { ProjectConfig } from './project-config.ts';
import { ModuleSyntaxError } from './syntax-errors.ts';
import { transpileTypeScript, type TranspileOutput } from './transpile-typescript.ts';

/** Loaded on first use: a check whose every file comes from the cache never pays for it. */
let swc: typeof Swc | undefined;
function compiler(): typeof Swc {
  swc ??= createRequire(import.meta.url)('@swc/core') as typeof Swc;
  return swc;
}

/** The swc version, part of every cache key of its output. */
export function swcVersion(): string {
  return (createRequire(import.meta.url)('@swc/core/package.json') as { version: string }).version;
}

const targets = ['es2015', 'es2016', 'es2017', 'es2018', 'es2019', 'es2020', 'es2021', 'es2022', 'es2023', 'es2024', 'esnext'];

/**
 * Transpiles one file that declares no decorators with swc (in process, a fraction of a
 * millisecond a file), with the semantics the project's own tsconfig gives `tsc`: the
 * target, `useDefineForClassFields` (whether `id!: number` shadows a Sequelize attribute),
 * `esModuleInterop`, `verbatimModuleSyntax` and the JSX factory. Throws swc's syntax error.
 */
export function swcTransform(source: string, file: string, format: 'esm' | 'cjs', project: ProjectConfig): TranspileOutput {
  const options = project.compilerOptions;
  const declaredTarget = String(options['target'] ?? 'es2022').toLowerCase();
  const target = (targets.includes(declaredTarget) ? declaredTarget : 'es2022') as Swc.JscTarget;
  const module = String(options['module'] ?? '').toLowerCase();
  const useDefineForClassFields = (options['useDefineForClassFields'] as boolean | undefined) ?? (target === 'esnext' || target >= 'es2022');
  const esModuleInterop = (options['esModuleInterop'] as boolean | undefined) ?? ['node16', 'node18', 'node20', 'nodenext', 'preserve'].includes(module);
  const jsx = String(options['jsx'] ?? 'react').toLowerCase();
  const extension = extname(file);
  const tsx = extension === '.tsx';
  let output: Swc.Output;
  try {
    output = compiler().transformSync(source, {
      filename: file,
      swcrc: false,
      configFile: false,
      sourceMaps: true,
      inlineSourcesContent: true,
      jsc: {
        parser: extension === '.jsx' ? { syntax: 'ecmascript', jsx: true, decorators: true } : { syntax: 'typescript', tsx, decorators: true },
        target,
        keepClassNames: true,
        transform: {
          legacyDecorator: true,
          decoratorMetadata: true,
          useDefineForClassFields,
          verbatimModuleSyntax: options['verbatimModuleSyntax'] === true,
          react: {
            runtime: jsx.startsWith('react-jsx') ? 'automatic' : 'classic',
            development: jsx === 'react-jsxdev',
            ...(options['jsxImportSource'] ? { importSource: String(options['jsxImportSource']) } : {}),
            ...(options['jsxFactory'] ? { pragma: String(options['jsxFactory']) } : {}),
            ...(options['jsxFragmentFactory'] ? { pragmaFrag: String(options['jsxFragmentFactory']) } : {}),
          },
        },
      },
      module: format === 'esm' ? { type: 'es6' } : { type: 'commonjs', importInterop: esModuleInterop ? 'swc' : 'none', strictMode: true },
    });
  } catch (error) {
    throw syntaxError(error, source, file, format);
  }
  return { code: output.code, map: output.map };
}

/**
 * swc's syntax errors are drawn for a terminal over many lines, with a native stack; the user gets one line,
 * `syntax error at file:line:col: what`, from TypeScript's parser (loaded only on this path), or else swc's own
 * first line and the place its drawing starts.
 */
function syntaxError(error: unknown, source: string, file: string, format: 'esm' | 'cjs'): Error {
  transpileTypeScript(source, file, { format }); // throws a ModuleSyntaxError when TypeScript agrees
  const text = String(error instanceof Error ? error.message : error);
  const what = /^\s*x (.+)$/m.exec(text)?.[1] ?? 'the file does not parse';
  const where = /,-\[(.+?:\d+:\d+)\]/.exec(text)?.[1] ?? file;
  return new ModuleSyntaxError(`syntax error at ${where}: ${what}`);
}

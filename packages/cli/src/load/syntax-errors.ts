import { isAbsolute, relative } from 'node:path';
import type * as TypeScript from 'typescript';

/** A TypeScript module does not parse; the message is `file:line:col: what`, as a compiler prints it. */
export class ModuleSyntaxError extends SyntaxError {
  override readonly name = 'ModuleSyntaxError';
}

/**
 * Throws a {@link ModuleSyntaxError} for the first syntax error among a transpile's diagnostics. `transpileModule`
 * emits code even for a file that does not parse (`export const x = {;`, a merge-conflict marker), and that code
 * would run and declare nothing or something else: a syntax error must stop the check, as it does for JavaScript.
 * Only syntactic diagnostics count; `transpileModule` reports no type errors.
 */
export function throwOnSyntaxErrors(ts: typeof TypeScript, diagnostics: readonly TypeScript.Diagnostic[] | undefined, fileName: string): void {
  // diagnostics with a file are the parser's; option diagnostics (about the project's tsconfig) are not the module's fault
  const errors = (diagnostics ?? []).filter((diagnostic) => diagnostic.file && diagnostic.category === ts.DiagnosticCategory.Error);
  const first = errors[0];
  if (!first) return;
  const text = ts.flattenDiagnosticMessageText(first.messageText, ' ');
  const shown = relative(process.cwd(), fileName);
  let where = shown.startsWith('..') || isAbsolute(shown) ? fileName : shown;
  if (first.file && first.start !== undefined) {
    const { line, character } = first.file.getLineAndCharacterOfPosition(first.start);
    where = `${where}:${line + 1}:${character + 1}`;
  }
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
  throw new ModuleSyntaxError(`syntax error at ${where}: ${text}${more}`);
}

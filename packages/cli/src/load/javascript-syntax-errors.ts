import { spawnSync } from 'node:child_process';
import { isAbsolute, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ModuleSyntaxError } from './syntax-errors.ts';

/** How long `node --check` may take to parse one file before the location is given up. */
const checkTimeoutMs = 10_000;

/**
 * The {@link ModuleSyntaxError} for a JavaScript module (`.js`, `.mjs`, `.cjs`) that does not parse, with
 * `file:line:col` as a compiler prints it, or `undefined` when `cause` is no parse error that can be located (a
 * `SyntaxError` thrown at run time, by `JSON.parse` say, has no location of its own: its stack frames say where).
 *
 * The message is V8's own. The location comes from where Node writes it: a parse error is "decorated" with the
 * failing line, `file:line` above that line and a `^` under the column, written into the stack of a CommonJS
 * module's error (the file named may be one the module requires), but only printed for an ES module's (the error the
 * importer catches says nothing of where). For an ES module, `node --check` parses `file` the same way (the same
 * engine, the same module type from the extension or the package's `type`) and prints the decorated error; it is
 * taken when its message is the one caught (the entry is parsed before its imports, so a parse error of the entry
 * is what the import throws). `cwd` is where the path shown is relative to.
 */
export function javaScriptSyntaxError(cause: unknown, file: string, cwd: string): ModuleSyntaxError | undefined {
  if (!(cause instanceof SyntaxError) || cause.name !== 'SyntaxError') return undefined;
  const located = decoratedLocation(cause.stack ?? '') ?? checkedLocation(file, cause.message);
  if (located) {
    const at = `${shown(located.file, cwd)}:${located.line}${located.column ? `:${located.column}` : ''}`;
    return new ModuleSyntaxError(`syntax error at ${at}: ${cause.message}`, { cause });
  }
  // the entry parses, and only Node's loader is on the stack (no module code ran): a file it imports does not parse
  // (a link error, "The requested module './x.js' does not provide an export named 'y'", says which itself)
  if (raisedByLoader(cause.stack ?? '') && !cause.message.startsWith('The requested module '))
    return new ModuleSyntaxError(`syntax error in a module that ${shown(file, cwd)} imports: ${cause.message}`, { cause });
  return undefined;
}

/** `file` relative to `cwd` when it is inside it, else as is. */
function shown(file: string, cwd: string): string {
  const path = relative(cwd, file);
  return path.startsWith('..') || isAbsolute(path) ? file : path;
}

/** A stack with frames, all of them Node's own (`node:internal/...`): the error was raised while loading, not by code. */
function raisedByLoader(stack: string): boolean {
  const frames = stack.split('\n').filter((line) => /^\s+at /.test(line));
  return frames.length > 0 && frames.every((line) => /\(?node:internal\//.test(line));
}

interface Location {
  readonly file: string;
  readonly line: number;
  readonly column?: number;
}

/**
 * Reads Node's decoration of a parse error: `file:line` (a path or a file: URL), the source line, a line with `^`
 * under the failing column (Node copies the source line's tabs into it, so its index is the column), and then the
 * error's own first line.
 */
function decoratedLocation(text: string): Location | undefined {
  const lines = text.split('\n');
  const header = /^(file:\/\/\/?.+|\/.+|[A-Za-z]:\\.+):(\d+)$/.exec(lines[0] ?? '');
  if (!header) return undefined;
  const file = header[1]!.startsWith('file:') ? fileURLToPath(header[1]!) : header[1]!;
  const caret = (lines[2] ?? '').search(/\^/);
  return { file, line: Number(header[2]), ...(caret >= 0 && /^[\s^]*$/.test(lines[2]!) ? { column: caret + 1 } : {}) };
}

/** Parses `file` with `node --check` and reads its decorated error, when its message is `message`. */
function checkedLocation(file: string, message: string): Location | undefined {
  const checked = spawnSync(process.execPath, ['--check', file], { encoding: 'utf8', timeout: checkTimeoutMs, stdio: ['ignore', 'ignore', 'pipe'] });
  if (checked.status === 0 || typeof checked.stderr !== 'string') return undefined;
  if (!checked.stderr.split('\n').includes(`SyntaxError: ${message}`)) return undefined;
  return decoratedLocation(checked.stderr);
}

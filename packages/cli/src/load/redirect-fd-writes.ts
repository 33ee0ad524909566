import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

/**
 * The `node:fs` functions that write to a file descriptor given as their first argument. Loggers that bypass
 * `process.stdout` use them: pino's destination and sonic-boom call `fs.writeSync(1, …)` and `fs.write(1, …)`;
 * `fs.createWriteStream(null, { fd: 1 })` writes through `fs.write` and `fs.writev`.
 */
const fdWriters = ['write', 'writeSync', 'writev', 'writevSync', 'writeFile', 'writeFileSync', 'appendFile', 'appendFileSync'] as const;

const stdoutFd = 1;
const stderrFd = 2;

/**
 * Sends what a user module writes to file descriptor 1 through `node:fs` to file descriptor 2 instead, so that
 * standard output holds the report alone. Node offers no `dup2`, which would move the descriptor itself; the next
 * best is where every JavaScript write to a descriptor goes through: the `node:fs` functions above, replaced on the
 * module object (which `require('fs')` returns) and, through `syncBuiltinESMExports`, in the bindings of
 * `import { writeSync } from 'node:fs'`. Node's own streams for `process.stdout` (a pipe, a terminal or a file) write
 * through internal bindings, not these functions: the report, written there, still reaches standard output. What
 * native code or a child process writes to its inherited descriptor 1 is not redirected.
 * Returns the function that puts the originals back. Process-wide; call once.
 */
export function redirectFdWrites(): () => void {
  const originals = new Map<(typeof fdWriters)[number], (...args: unknown[]) => unknown>();
  const writable = fs as unknown as Record<string, (...args: unknown[]) => unknown>;
  for (const name of fdWriters) {
    const original = writable[name];
    if (typeof original !== 'function') continue;
    originals.set(name, original);
    const redirected = function (this: unknown, target: unknown, ...rest: unknown[]) {
      return original.call(this, target === stdoutFd ? stderrFd : target, ...rest);
    };
    // fs.write and fs.writev carry how util.promisify shapes their result, under a symbol
    for (const key of Object.getOwnPropertySymbols(original)) {
      Object.defineProperty(redirected, key, Object.getOwnPropertyDescriptor(original, key) as PropertyDescriptor);
    }
    writable[name] = redirected;
  }
  syncBuiltinESMExports();
  return () => {
    for (const [name, original] of originals) writable[name] = original;
    syncBuiltinESMExports();
  };
}

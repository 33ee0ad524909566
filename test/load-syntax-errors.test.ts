/**
 * A JavaScript module that does not parse (.js of either module type, .mjs, .cjs) is named with its line and column
 * and V8's own message, in one line, exit 2, as a TypeScript one is; a SyntaxError a module throws when it runs is not
 * taken for one. The built CLI runs as a user runs it; the modules are loaded before any connection is made, so the
 * database is never reached.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './support/run-cli.ts';

const fixtures = resolve(import.meta.dirname, 'fixtures/reliability/syntax');
const check = (module: string, ...more: string[]) => runCli(['check', module, '--db', 'postgres://app@127.0.0.1:9/app', ...more], { cwd: fixtures });

describe('a JavaScript module that does not parse', () => {
  it.each([
    ['user.mjs', "user.mjs:7:1: Unexpected token '}'"],
    ['user.cjs', "user.cjs:7:1: Unexpected token '}'"],
    ['esm-package/user.js', "esm-package/user.js:7:1: Unexpected token '}'"],
    // the column counts the tab before it as one
    ['cjs-package/user.js', "cjs-package/user.js:3:24: Unexpected identifier 'name'"],
    // the file required does not parse: it is the one named
    ['requires-broken.cjs', "user.cjs:7:1: Unexpected token '}'"],
  ])('%s: exit 2, "syntax error at file:line:col: message", one line, no stack', async (module, where) => {
    const run = await check(module);
    expect(run.stderr).toBe(`ormdrift: syntax error at ${where}\n`);
    expect(run.stdout).toBe('');
    expect(run.code).toBe(2);
  });

  it('an ES module whose import does not parse (Node does not say which): named as the importer', async () => {
    const run = await check('imports-broken.mjs');
    expect(run.stderr).toBe(`ormdrift: syntax error in a module that imports-broken.mjs imports: Unexpected token '}'\n`);
    expect(run.code).toBe(2);
  });

  it('--debug adds the stack', async () => {
    const run = await check('user.mjs', '--debug');
    expect(run.stderr.split('\n')[0]).toBe(`ormdrift: syntax error at user.mjs:7:1: Unexpected token '}'`);
    expect(run.stderr).toMatch(/^\s+at /m);
    expect(run.code).toBe(2);
  });

  it('a SyntaxError thrown when the module runs (JSON.parse) is no syntax error of the module: named with its frame', async () => {
    const run = await check('bad-json.mjs');
    expect(run.stderr).toBe("ormdrift: bad-json.mjs threw while being imported: Expected property name or '}' in JSON at position 2 (at bad-json.mjs)\n");
    expect(run.code).toBe(2);
  });
});

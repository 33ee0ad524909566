import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './support/run-cli.ts';

const fixtures = resolve(import.meta.dirname, 'fixtures/cli');
// Loading fails before any connection: a closed port is never reached.
const db = 'postgres://app@127.0.0.1:1/app';

/** Exit 2, nothing on stdout, one line on stderr, no stack trace. */
async function failsWith(args: string[], message: string | RegExp) {
  const run = await runCli(['check', ...args, '--db', db], { cwd: fixtures });
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(run.stderr).not.toMatch(/^\s+at /m);
  if (typeof message === 'string') expect(run.stderr).toBe(`ormdrift: ${message}\n`);
  else expect(run.stderr).toMatch(message);
}

describe('ormdrift check, when the models cannot be loaded', { timeout: 60_000 }, () => {
  it('an import no alias resolves: names the importing file, the specifier and the tsconfig consulted', () =>
    failsWith(
      ['unresolved-alias/models.ts'],
      'cannot resolve "@shared/random" imported by unresolved-alias/models.ts: unresolved-alias/tsconfig.json "paths" has no match, and no installed package named @shared/random provides it',
    ));

  it('a relative import of a file that does not exist', () =>
    failsWith(
      ['unresolved-relative.ts'],
      'cannot resolve "./no-such-helper" imported by unresolved-relative.ts: no file ./no-such-helper (nor with a .ts, .tsx, .js, .mjs or .cjs extension, nor a directory with an index file)',
    ));

  it("a module that throws: names it, the first frame in the user's code, and hints at --env-file for a missing variable", () =>
    failsWith(
      ['throws-in-helper.ts'],
      'throws-in-helper.ts threw while being imported: environment variable NOTES_REGION is not set (at config-helper.ts): if it reads its configuration from the environment, pass --env-file .env',
    ));

  it('a directory with no module in it', () => failsWith(['no-modules/'], /^ormdrift: no module files in no-modules\/: ormdrift imports/));

  it('a glob that matches nothing', () => failsWith(['shapes/*.entity.ts'], /^ormdrift: no module files in shapes\/\*\.entity\.ts/));
});

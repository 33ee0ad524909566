import { describe, expect, it } from 'vitest';
import { typeScriptCandidates } from '../src/load/module-format.ts';

describe('typeScriptCandidates', () => {
  it.each([
    ['./user.js', ['./user.ts']],
    ['./user.mjs', ['./user.mts']],
    ['./user.cjs', ['./user.cts']],
    ['./user', ['./user.ts', './user.mts', './user.cts', './user/index.ts']],
    ['../entity/user', ['../entity/user.ts', '../entity/user.mts', '../entity/user.cts', '../entity/user/index.ts']],
    ['./styles.css', []],
  ])('%s may be %j', (specifier, candidates) => {
    expect(typeScriptCandidates(specifier)).toEqual(candidates);
  });
});

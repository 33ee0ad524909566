import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isRuleCode } from '@ormdrift/core';

const root = join(import.meta.dirname, '..');
const documents = ['README.md', 'docs/config.md', 'docs/security.md', 'docs/fix.md', 'docs/architecture.md']
  .concat(readdirSync(join(root, 'docs/rules')).map((file) => `docs/rules/${file}`))
  .concat(readdirSync(join(root, 'docs/adapters')).map((file) => `docs/adapters/${file}`));

/** Where the docs name a finding code a user would copy: `--rule CODE=`, `code: 'CODE'`, `'CODE': 'off'` and `'CODE': ['warn', …]`. */
const spellings = [/--rule[ =]([a-z]+(?:-[a-z]+)+)=/g, /code: '([a-z]+(?:-[a-z]+)+)'/g, /'([a-z]+(?:-[a-z]+)+)': (?:'(?:off|warn|error)'|\[)/g];

describe('the finding codes the docs show in snippets', () => {
  it.each(documents)('%s names only codes ormdrift has', (document) => {
    const text = readFileSync(join(root, document), 'utf8');
    const named = spellings.flatMap((spelling) => [...text.matchAll(spelling)].map((match) => match[1]!));
    expect(named.filter((code) => !isRuleCode(code))).toEqual([]);
  });
});

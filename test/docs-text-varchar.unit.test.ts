import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseColumnType, sameColumnType } from '@ormdrift/core';

/**
 * `text` and `character varying` without a length are one type: the code compares them alike, and the
 * column-type-mismatch page and the three adapters' type-mapping tables say so. A change of mind has to change all of
 * them together.
 */
const root = join(import.meta.dirname, '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8').replace(/\s+/g, ' ');

describe('text and unbounded character varying', () => {
  it('are one type in the code, and character varying(n) is another', () => {
    expect(sameColumnType(parseColumnType('text'), parseColumnType('varchar'))).toBe(true);
    expect(sameColumnType(parseColumnType('character varying'), parseColumnType('text'))).toBe(true);
    expect(sameColumnType(parseColumnType('text[]'), parseColumnType('_varchar'))).toBe(true);
    expect(sameColumnType(parseColumnType('text'), parseColumnType('varchar(255)'))).toBe(false);
  });

  it('are one type in the column-type-mismatch page', () => {
    expect(read('docs/rules/column-type-mismatch.md')).toContain(
      '`text` and `character varying` without a length are one type: both store any string, compare and index alike, so a column changed from one to the other is not reported.',
    );
  });

  it.each([
    ['docs/adapters/typeorm.md', 'without one it is the same type as `text`'],
    ['docs/adapters/sequelize.md', 'the same type as an unbounded `character varying`'],
    ['docs/adapters/drizzle.md', 'no length limit: the same type as `text`'],
  ])('are one type in the type-mapping table of %s', (page, words) => {
    const rows = read(page)
      .split(' | ')
      .filter((cell) => cell.includes(words));
    expect(rows).toHaveLength(1);
  });
});

import { describe, expect, it } from 'vitest';
import { indexKeyText } from '@ormdrift/core';

const columns = ['title', 'Slug', 'body'];

describe('indexKeyText', () => {
  it('reads a column of the table, quoted or not, as that column key with its options', () => {
    expect(indexKeyText('"title" gin_trgm_ops', columns)).toEqual({ column: 'title', options: { opclass: 'gin_trgm_ops' } });
    expect(indexKeyText('TITLE', columns)).toEqual({ column: 'title', options: {} });
    expect(indexKeyText('"Slug" COLLATE "C" DESC NULLS LAST', columns)).toEqual({
      column: 'Slug',
      options: { collation: 'C', descending: true, nullsFirst: false },
    });
    expect(indexKeyText('title collate pg_catalog."C" public.text_pattern_ops asc nulls first', columns)).toEqual({
      column: 'title',
      options: { collation: 'C', opclass: 'text_pattern_ops', nullsFirst: true },
    });
    // DESC is NULLS FIRST by default: nothing to say about nulls
    expect(indexKeyText('body desc nulls first', columns)).toEqual({ column: 'body', options: { descending: true } });
  });

  it('reads a name that is not a column of the table, or a bare name in another case, as an expression', () => {
    expect(indexKeyText('slug', columns)).toEqual({ expression: 'slug', options: {} });
    expect(indexKeyText('"other" text_pattern_ops', columns)).toEqual({ expression: '"other" text_pattern_ops', options: {} });
  });

  it('takes the options after an expression key off its text, all but COLLATE', () => {
    expect(indexKeyText('lower("title") text_pattern_ops DESC', columns)).toEqual({
      expression: 'lower("title")',
      options: { opclass: 'text_pattern_ops', descending: true },
    });
    expect(indexKeyText('(title || body) COLLATE "C"', columns)).toEqual({ expression: '(title || body)', options: {} });
    expect(indexKeyText("coalesce(title, ')')", columns)).toEqual({ expression: "coalesce(title, ')')", options: {} });
    expect(indexKeyText('title || body', columns)).toEqual({ expression: 'title || body', options: {} });
  });

  it('reads an operator class with parameters as the class of a column key, not as an expression', () => {
    expect(indexKeyText('"title" gist_trgm_ops(siglen=32)', columns)).toEqual({ column: 'title', options: { opclass: 'gist_trgm_ops(siglen=32)' } });
    expect(indexKeyText('title public.gist_trgm_ops (siglen = 16) DESC', columns)).toEqual({
      column: 'title',
      options: { opclass: 'gist_trgm_ops(siglen = 16)', descending: true },
    });
    // an expression key ends at the parenthesis that closes it, before its class's own
    expect(indexKeyText('lower(title) gist_trgm_ops(siglen=32)', columns)).toEqual({
      expression: 'lower(title)',
      options: { opclass: 'gist_trgm_ops(siglen=32)' },
    });
    expect(indexKeyText('(lower(title) || body) text_pattern_ops', columns)).toEqual({
      expression: '(lower(title) || body)',
      options: { opclass: 'text_pattern_ops' },
    });
  });
});

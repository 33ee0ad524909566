import { describe, expect, it } from 'vitest';
import { escapeText, markdownText, mermaidWord, workflowCommandData, workflowCommandProperty, xmlAttribute, xmlText } from '@ormdrift/core';

describe('escaping what ormdrift did not write', () => {
  it('shows control characters and bidirectional overrides instead of obeying them', () => {
    expect(escapeText('a\nb\r\tc\u001b[31md\u202ee')).toBe('a\\nb\\r\\tc\\x1b[31md\\u202ee');
    expect(xmlText('a\nb\u0000c')).toBe('a\nb\\x00c');
  });

  it('xml: an ampersand is always escaped, even before text that looks like a reference; attributes keep newlines as references', () => {
    // xmlbuilder2 writes `&lt;` and `&#10;` through as they are: escaped here, they read back as the name's own text
    expect(xmlText('a&lt;b&#10;c&foo; d&e')).toBe('a&amp;lt;b&amp;#10;c&amp;foo; d&amp;e');
    expect(xmlAttribute('a\nb\tc\rd')).toBe('a&#10;b&#9;c\\rd');
    // a backslash and a t in a name stay two characters, not a tab
    expect(xmlText('x\\ty')).toBe('x\\ty');
  });

  it('markdown: no cell break, tag, mention, emphasis or link', () => {
    expect(markdownText('a|b <img src=x> @team *x* [l](u) `c` _d_')).toBe('a\\|b &lt;img src=x&gt; &#64;team \\*x\\* \\[l\\](u) \\`c\\` \\_d\\_');
  });

  it('workflow commands: as the Actions toolkit escapes data and properties', () => {
    expect(workflowCommandData('50% done\r\nnext: a,b')).toBe('50%25 done%0D%0Anext: a,b');
    expect(workflowCommandProperty('src/a:b,c%.ts')).toBe('src/a%3Ab%2Cc%25.ts');
    expect(workflowCommandProperty('x\ny')).toBe('x\\ny');
  });

  it('mermaid: words of letters, digits and underscores only', () => {
    expect(mermaidWord('audit.events log')).toBe('audit_events_log');
    expect(mermaidWord('1st')).toBe('_1st');
  });
});

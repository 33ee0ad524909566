import { describe, expect, it } from 'vitest';
import { escapeText, markdownText, mermaidWord, workflowCommandData, workflowCommandProperty, xmlText } from '@ormdrift/core';

describe('escaping what ormdrift did not write', () => {
  it('shows control characters and bidirectional overrides instead of obeying them', () => {
    expect(escapeText('a\nb\r\tc\u001b[31md\u202ee')).toBe('a\\nb\\r\\tc\\x1b[31md\\u202ee');
    expect(xmlText('a\nb\u0000c')).toBe('a\nb\\x00c');
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

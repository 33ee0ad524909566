import { describe, expect, it } from 'vitest';
import { escapeText, reporters, type CheckResult } from '@ormdrift/core';

describe('escapeText', () => {
  it.each([
    ['\u001b[2J', '\\x1b[2J'],
    ['a\nb', 'a\\nb'],
    ['a\r\n', 'a\\r\\n'],
    ['\t', '\\t'],
    ['\u0007\u007f\u009b', '\\x07\\x7f\\x9b'],
    ['rtl\u202eexe', 'rtl\\u202eexe'],
    ['\u2066x\u2069', '\\u2066x\\u2069'],
    ['zero\u200bwidth', 'zero\\u200bwidth'],
    ['line\u2028sep', 'line\\u2028sep'],
    ['\ufeffbom', '\\ufeffbom'],
    // a backslash is doubled, so that a name holding backslash-n does not read as one holding a newline
    ['a\\nb', 'a\\\\nb'],
    ['C:\\path', 'C:\\\\path'],
  ])('%j becomes %s', (raw, escaped) => expect(escapeText(raw)).toBe(escaped));

  it.each(['users', 'Sales Ops."Deal Book"', 'émigré ß 😀 ✔', "it's"])('leaves printable text alone: %s', (text) => expect(escapeText(text)).toBe(text));
});

describe('the text reporter escapes names from the database and the models', () => {
  const result: CheckResult = {
    findings: [
      {
        code: 'orphan-table',
        severity: 'warning',
        schema: 'public',
        table: 'x\n✔ no drift',
        message: 'table x\n✔ no drift is in the database but no model declares it',
        expected: null,
        actual: { type: 'text\u001b[31m', nullable: true, default: "'\u001b]0;pwned\u0007'" },
        sources: [],
      },
    ],
    summary: { errors: 0, warnings: 1, tables: 1 },
    problems: [{ source: 'typeorm:App\u001b[2J', ref: 'User.\u202eeman', message: 'not checked:\nforged', type: 'unsupported-type' }],
  };

  it('prints every line it means to, and no control character', () => {
    const text = reporters.text().render(result);
    expect(text.split('\n')).toEqual([
      '"x\\n✔ no drift"',
      '  warning table x\\n✔ no drift is in the database but no model declares it  orphan-table',
      "          actual   text\\x1b[31m null default '\\x1b]0;pwned\\x07'",
      '',
      '! 0 errors, 1 warning in 1 declared table',
      'note: typeorm:App\\x1b[2J: User.\\u202eeman: not checked:\\nforged',
      'by code: 1 orphan-table',
      expect.stringMatching(/^next: .*\(orphan-table, see docs\/rules\/orphan-table\.md\)$/),
      '',
    ]);
  });
});

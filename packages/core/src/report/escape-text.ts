/**
 * Characters that must never reach a terminal or a line-based CI log raw: C0 controls (ESC starts a terminal escape
 * sequence; CR and LF start a forged line), DEL, C1 controls (CSI U+009B is an escape on its own), and the invisible
 * format characters that reorder or hide text (bidirectional overrides and isolates, zero-width characters, line and
 * paragraph separators, the BOM).
 */
const unsafe = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/gu;

/**
 * Makes untrusted text — identifiers and values read from the database or from the models — safe to print in a
 * line-oriented report: each unsafe character becomes a visible escape (`\n`, `\t`, `\x1b`, `\u202e`), so a table
 * named with an escape sequence or a newline followed by "✔ no drift" can neither drive the reader's terminal nor
 * forge a report line. A backslash is shown as `\\`, so that the escape of a control and the same characters in a
 * name read differently. Other printable text, including any other Unicode, passes through unchanged.
 */
export function escapeText(text: string): string {
  // a backslash is doubled first: a name holding a newline prints as `a\nb`, one holding backslash-n as `a\\nb`
  return escapeControls(text.replace(/\\/g, '\\\\'));
}

/**
 * The controls-only half of {@link escapeText}, backslashes left as they are: for a format's own escaping of text
 * its callers already passed through `escapeText` (a second pass must not double those backslashes again).
 */
export function escapeControls(text: string): string {
  return text.replace(unsafe, (char) => {
    switch (char) {
      case '\n':
        return '\\n';
      case '\r':
        return '\\r';
      case '\t':
        return '\\t';
    }
    const code = char.codePointAt(0)!;
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

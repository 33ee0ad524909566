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
 * forge a report line. Other printable text, including any other Unicode and backslashes, passes through unchanged
 * (a regular expression in a CHECK reads as written); names holding an unsafe character never reach it, as
 * `identifierAsPrinted` prints them in PostgreSQL's Unicode-escape form.
 */
export function escapeText(text: string): string {
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

/** Whether `text` holds a character {@link escapeText} would escape. */
export function hasUnsafeCharacter(text: string): boolean {
  unsafe.lastIndex = 0;
  return unsafe.test(text);
}

import { escapeControls, escapeText } from './escape-text.ts';

/**
 * Escaping for every report format. Identifiers, default expressions and enum labels come from the
 * models and the database, not from ormdrift: a column may be named `a|b`, `<img>`, `@team` or carry a
 * newline or a terminal escape. Each format escapes what it did not write with the function here for
 * its syntax, so one odd name cannot break a table, forge an annotation or ping a GitHub team. Each
 * starts from `escapeText` (controls and invisible format characters shown as escapes).
 */

/** Escapes the controls of each line of text already through `escapeText`, keeping the line breaks for the caller to encode. */
function escapeLines(text: string): string {
  return text
    .split(/(\r\n|\r|\n)/)
    .map((part, index) => (index % 2 === 1 ? part : escapeControls(part)))
    .join('');
}

/**
 * Markdown inline text that renders as the characters given (GitHub-flavoured Markdown, as in a pull
 * request comment): one line; HTML, emphasis, code, link and heading punctuation escaped, `|` escaped for
 * table cells, and `@` kept from mentioning a user or team. Callers never start a line with the text, so
 * list and block markers (`-`, `+`, `1.`) need no escape.
 */
export function markdownText(text: string): string {
  return escapeText(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]#|~]/g, (char) => `\\${char}`)
    .replace(/@/g, '&#64;');
}

/**
 * Text content for an XML 1.0 document written by xmlbuilder2, from text whose names went through `escapeText`: XML cannot carry most control characters even as
 * references, so they are shown as escapes; tabs and newlines stay. `&` is written here as `&amp;` because
 * xmlbuilder2 leaves alone an ampersand that already starts a reference (`&lt;`, `&#10;`, `&foo;`): a name holding
 * such text would otherwise be read back as another character, or as an undefined entity that breaks the document.
 * xmlbuilder2 escapes `<` and `>` (so `]]>` too).
 */
export function xmlText(text: string): string {
  return text
    .split(/(\n|\t)/)
    .map((part, index) => (index % 2 === 1 ? part : escapeControls(part)))
    .join('')
    .replace(/&/g, '&amp;');
}

/**
 * An attribute value for xmlbuilder2: as {@link xmlText}, with newlines and tabs written as character references
 * (`&#10;`, `&#9;`), which XML parsers keep, where a raw one is normalized to a space (XML 1.0, 3.3.3).
 */
export function xmlAttribute(text: string): string {
  return xmlText(text).replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

/**
 * The message part of a GitHub Actions workflow command (`::error ...::message`), escaped as the
 * Actions toolkit's `escapeData` does: `%` first, then `\r` and `\n`, percent-encoded (the runner decodes
 * `%0D` and `%0A` before `%25`, so a literal `%0A` in a name arrives as `%250A` and stays text). The line
 * breaks of the text given are kept (GitHub shows them in the annotation): callers pass names already
 * through `escapeText`, so only ormdrift's own breaks remain; other control characters are made visible.
 */
export function workflowCommandData(text: string): string {
  return escapeLines(text).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/**
 * A property value of a workflow command (`file=`, `title=`), escaped as the toolkit's `escapeProperty`
 * does: `%`, `\r`, `\n`, `:` and `,` percent-encoded.
 */
export function workflowCommandProperty(text: string): string {
  return workflowCommandData(escapeText(text)).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * A Mermaid identifier or attribute word: Mermaid's ER grammar takes only letters, digits, `_` and `-`
 * there, so every other character becomes `_` (the readable name goes in a quoted label or comment).
 */
export function mermaidWord(text: string): string {
  const word = text.replace(/[^A-Za-z0-9_]/g, '_');
  return /^[A-Za-z_]/.test(word) ? word : `_${word}`;
}

/** Text inside a Mermaid double-quoted string, which has no escape for `"`: quotes and controls are replaced. */
export function mermaidString(text: string): string {
  return escapeText(text)
    .replace(/"/g, "'")
    .replace(/[<>]/g, (char) => (char === '<' ? '‹' : '›'));
}
